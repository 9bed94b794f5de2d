// Names a resource or a field cannot take in a Rails project, each with what it is: Ruby's
// keywords, the constants a booted app defines (a `Date` model would reopen Ruby's Date;
// Rails' generators refuse such class collisions too), and the methods Active Record
// defines on every model, which a column of that name would override (Rails' own
// `ActiveRecord::Base.dangerous_attribute_method?`, which its generators check).
import { TAKEN_NAMES } from './index.js';

const RUBY_KEYWORDS = [
  'alias',
  'and',
  'begin',
  'break',
  'case',
  'class',
  'def',
  'defined',
  'do',
  'else',
  'elsif',
  'end',
  'ensure',
  'false',
  'for',
  'if',
  'in',
  'module',
  'next',
  'nil',
  'not',
  'or',
  'redo',
  'rescue',
  'retry',
  'return',
  'self',
  'super',
  'then',
  'true',
  'undef',
  'unless',
  'until',
  'when',
  'while',
  'yield',
];

// ActiveRecord::AttributeMethods.dangerous_attribute_methods of Rails 7.2.4 with the
// gems of the starter loaded, those that are snake_case names:
//   bin/rails runner 'puts ActiveRecord::AttributeMethods.dangerous_attribute_methods.grep(/\A[a-z][a-z0-9_]*\z/).sort'
const ACTIVE_RECORD_METHODS = `
  accessed_fields add_to_transaction aggregate_reflections all_attributes_for_inspect
  all_timestamp_attributes_in_model around_save_collection_association assign_attributes
  assign_multiparameter_attributes assign_nested_attributes_for_collection_association
  assign_nested_attributes_for_one_to_one_association assign_nested_parameter_attributes
  assign_to_or_mark_for_destruction associated_records_to_validate_or_save association
  association_instance_get association_instance_set attribute attribute_aliases
  attribute_before_last_save attribute_before_type_cast attribute_change attribute_change_to_be_saved
  attribute_for_database attribute_for_inspect attribute_in_database attribute_method_patterns
  attribute_missing attribute_names attribute_names_for_partial_inserts
  attribute_names_for_partial_updates attribute_names_for_serialization attribute_previous_change
  attribute_previously_was attribute_was attributes attributes_before_type_cast attributes_for_create
  attributes_for_database attributes_for_inspect attributes_for_update attributes_in_database
  attributes_with_values automatic_scope_inversing automatically_invert_plural_associations becomes
  build_decrypt_attribute_assignments build_encrypt_attribute_assignments cache_key
  cache_key_with_version cache_timestamp_format cache_version cache_versioning call_reject_if
  cant_modify_encrypted_attributes_when_frozen changed changed_attribute_names_to_save
  changed_attributes changes changes_applied changes_to_save ciphertext_for class
  clear_attribute_change clear_attribute_changes clear_changes_information clear_timestamp_attributes
  clear_transaction_record_state clone collection_cache_versioning column_for_attribute
  compute_primary_key connection_handler counter_cached_association_names create_or_update
  current_time_from_proper_timezone decrement decrypt decrypt_attributes default_connection_handler
  default_role default_scope_override default_scopes default_shard default_validation_context
  defined_enums delete destroy destroy_association_async_batch_size destroy_association_async_job
  destroy_associations destroy_row destroyed_by_association dup encode_with encrypt encrypt_attributes
  encrypted_attributes ensure_proper_type errors execute_callstack_for_multiparameter_attributes
  extract_callstack_for_multiparameter_attributes find_parameter_position find_record_by_id
  forget_attribute_assignments format_for_inspect freeze from_json full_inspect generate_token_for
  halted_callback_hook hash id id_before_type_cast id_for_database id_in_database id_was
  include_root_in_json increment init_internals init_with init_with_attributes
  initialize_internals_callback inspect_with_attributes inspection_filter lock_optimistically logger
  mark_for_destruction marshal_dump marshal_load matched_attribute_method max_updated_column_timestamp
  missing_attribute model_name mutations_before_last_save mutations_from_database
  nested_attributes_options normalize_attribute normalize_changed_in_place_attributes
  normalized_attributes partial_inserts partial_updates perform_validations pluralize_table_names
  populate_with_current_scope_attributes pretty_print previous_changes primary_key_prefix_type
  query_attribute query_cast_attribute raise_validation_error raw_timestamp_to_cache_version
  read_attribute read_attribute_before_type_cast read_attribute_for_database
  read_attribute_for_serialization read_attribute_for_validation read_store_attribute
  record_timestamps record_update_timestamps reload remember_transaction_record_state
  restore_attributes restore_transaction_record_state run_callbacks sanitize_for_mass_assignment
  sanitize_forbidden_attributes save save_belongs_to_association save_collection_association
  save_has_one_association saved_change_to_attribute saved_changes serializable_add_includes
  serializable_attributes serializable_hash signed_id signed_id_verifier_secret
  skip_time_zone_conversion_for_attributes slice store_accessor_for store_full_class_name
  store_full_sti_class strict_loaded_associations strict_loading_mode surreptitiously_touch
  table_name_prefix table_name_suffix time_zone_aware_attributes time_zone_aware_types
  timestamp_attributes_for_create_in_model timestamp_attributes_for_update_in_model to_ary to_gid
  to_gid_param to_global_id to_key to_model to_partial_path to_sgid to_sgid_param to_signed_global_id
  toggle touch touch_deferred_attributes touch_later transaction type_cast_attribute_value
  type_for_attribute update update_attribute update_column update_columns validate
  validate_collection_association validate_encryption_allowed validate_single_association
  validates_absence_of validates_acceptance_of validates_comparison_of validates_confirmation_of
  validates_exclusion_of validates_format_of validates_inclusion_of validates_length_of
  validates_numericality_of validates_presence_of validates_size_of validates_with validation_context
  values_at verify_readonly_attribute with_lock with_transaction_returning_status write_attribute
  write_store_attribute`;

const keywords = Object.fromEntries(RUBY_KEYWORDS.map((word) => [word, 'a Ruby keyword']));

/** Resource names: the model class, its serializer and controller must not clash. */
export const RAILS_RESOURCE_NAMES: Readonly<Record<string, string>> = {
  ...keywords,
  ...TAKEN_NAMES,
  article: 'the starter’s own resource',
  articles: 'the starter’s own resource',
  api_token: 'the API tokens of the starter (app/models/api_token.rb)',
  application: 'ApplicationRecord, ApplicationController and ApplicationJob (Rails reserves it)',
  serializer: 'app/serializers/, the serializers’ folder',
  concern: 'app/models/concerns/ and app/controllers/concerns/',
  job: 'app/jobs/',
  data: 'Data, a Ruby core class',
  transaction: 'ActiveRecord::Transaction and the transaction method of every model',
  record: 'the name Active Record and its validators give a model instance',
  attribute: 'the attribute API of every model (attribute, attributes)',
  action: 'the action parameter of every request',
  controller: 'the controller parameter of every request',
  param: 'the params of every request',
  format: 'the format parameter of every request',
  connection: 'the database connection of every model',
  template: 'Action View templates',
  destroy: 'a Rails generator command (Rails reserves it)',
  plugin: 'a Rails generator command (Rails reserves it)',
  runner: 'bin/rails runner (Rails reserves it)',
};

/** Field names: a column of that name would override a method of every model, or the JSON. */
export const RAILS_FIELD_NAMES: Readonly<Record<string, string>> = {
  ...keywords,
  ...Object.fromEntries(
    ACTIVE_RECORD_METHODS.split(/\s+/)
      .filter(Boolean)
      .map((name) => [name, `a method Active Record defines on every model (${name})`]),
  ),
  type: 'the column Active Record uses for single-table inheritance',
  lock_version: 'the column Active Record uses for optimistic locking',
  created_on: 'a timestamp column Active Record fills itself',
  updated_on: 'a timestamp column Active Record fills itself',
  path: 'the URL the serializer adds to every record',
  record: 'the name Active Record and its validators give a model instance',
  format: 'the format parameter of every request',
  action: 'the action parameter of every request',
  controller: 'the controller parameter of every request',
};
