// `create-backend add resource` for the Rails starter: a resource beside `articles`, in
// the same shape and what `rails generate scaffold --api` would start from — a model with
// its validations, a timestamped migration and the table in db/schema.rb (as
// `bin/rails db:migrate` dumps it), a serializer, an Api::V1 controller with strong
// parameters, the token authentication and rate limit of writes, pagination and the
// Rails.cache read of one record, its route in the api/v1 namespace, its paths and
// schemas in config/openapi.yml, fixtures and model and controller tests. Registered by
// editing config/routes.rb, config/openapi.yml and db/schema.rb, each edit anchored on a
// line the starter already has, so a second resource lands beside the first.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError, quote } from '../../src/errors.js';
import type { Field, Resource } from '../../src/add/resource-model.js';
import type { ProjectFacts, ResourceAction, ResourceGenerator } from '../../src/add/types.js';
import { resourceActions } from '../../src/add/templates.js';
import { railsPlural, withRailsPlural } from './inflection.js';
import { RAILS_RESOURCE_NAMES, RAILS_FIELD_NAMES } from './reserved.js';

/** Everything the templates say about one field, as Ruby and YAML. */
interface RailsField extends Field {
  /** `t.string :title, null: false` in the migration. */
  column: string;
  /** `t.string "title", null: false` in db/schema.rb. */
  schemaColumn: string;
  /** The model's `validates` line, if the type needs one. */
  validation: string | undefined;
  /** The model's constant with the format of the value as a client sends it, checked before the cast. */
  asSent: keyof typeof AS_SENT | undefined;
  /** The serializer's value. */
  serialized: string;
  /** OpenAPI schemas of the value in answers and in requests. */
  output: string;
  input: string;
  /** Ruby literals for tests: a valid value, another one, and how each reads back as JSON. */
  sample: string;
  sampleJson: string;
  other: string;
  otherJson: string;
  /** An invalid value and the validation message it gets, when the type has one. */
  invalid: string | undefined;
  invalidMessage: string | undefined;
  /** The message when a required value is missing. */
  missingMessage: string | undefined;
  /** Fixture values (YAML) of the two fixtures. */
  fixtureOne: string;
  fixtureTwo: string;
}

const INTEGER_MIN = -2147483648;
const INTEGER_MAX = 2147483647;
const YEAR_MONTH_DAY = String.raw`(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})`;
const DECIMAL_MESSAGE = 'must be a number with at most 10 digits before the point and 2 after';
const DATE_MESSAGE = 'must be a date that exists, as YYYY-MM-DD';
const TIME_MESSAGE = 'must be an ISO 8601 time with its UTC offset, e.g. 2024-05-17T10:30:00Z';

/** The model's constants for values checked as sent: [format, message] of each kind. */
const AS_SENT = {
  WHOLE_NUMBER: [String.raw`/\A[+-]?\d+\z/`, 'must be a whole number'],
  // Active Record would take "no" or "off" for false, and "yes" or "nein" for true
  TRUE_OR_FALSE: [String.raw`/\A(?:true|false)\z/`, 'must be true or false'],
  EXACT_DECIMAL: [String.raw`/\A[+-]?\d{1,10}(?:\.\d{1,2})?\z/`, DECIMAL_MESSAGE],
  ISO_DATE: [String.raw`/\A${YEAR_MONTH_DAY}\z/`, DATE_MESSAGE],
  ISO_TIME: [
    String.raw`/\A${YEAR_MONTH_DAY}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})\z/i`,
    TIME_MESSAGE,
  ],
} as const;

/** `field` of the resource whose records are `@<variable>` in the serializer. */
function describeField(field: Field, variable: string): RailsField {
  const c = field.name;
  const required = field.required;
  const nullable = (schema: string) => (required ? schema : schema.replace(/type: (\w+)/, 'type: [ $1, "null" ]'));
  const notNull = required ? ', null: false' : '';
  const common = { ...field, serialized: `@${variable}.${c}`, asSent: undefined, missingMessage: "can't be blank" };
  const column = (type: string, options = '') => ({
    column: `t.${type} :${c}${options}${notNull}`,
    schemaColumn: `t.${type} "${c}"${options}${notNull}`,
  });
  switch (field.type) {
    case 'string':
      return {
        ...common,
        ...column('string'),
        validation: `validates :${c}, ${required ? 'presence: true, ' : ''}length: { maximum: 200 }, format: NO_NUL`,
        output: nullable('{ type: string, maxLength: 200 }'),
        input: nullable(`{ type: string, ${required ? 'minLength: 1, ' : ''}maxLength: 200 }`),
        sample: '"A first one"',
        sampleJson: '"A first one"',
        other: '"Another one"',
        otherJson: '"Another one"',
        invalid: '"a" * 201',
        invalidMessage: 'is too long (maximum is 200 characters)',
        fixtureOne: 'The first one',
        fixtureTwo: 'The second one',
      };
    case 'text':
      return {
        ...common,
        ...column('text'),
        validation: `validates :${c}, ${required ? 'presence: true, ' : ''}format: NO_NUL`,
        output: nullable('{ type: string }'),
        input: nullable(`{ type: string${required ? ', minLength: 1' : ''} }`),
        sample: String.raw`"Some lines\nof text"`,
        sampleJson: String.raw`"Some lines\nof text"`,
        other: '"Other text"',
        otherJson: '"Other text"',
        invalid: String.raw`"nul\u0000byte"`,
        invalidMessage: 'must not contain NUL characters',
        fixtureOne: 'Some text of the first one.',
        fixtureTwo: 'Some text of the second one.',
      };
    case 'integer':
      return {
        ...common,
        ...column('integer'),
        validation: `validates :${c}, numericality: INTEGER${required ? '' : ', allow_nil: true'}`,
        asSent: 'WHOLE_NUMBER',
        output: nullable(`{ type: integer, minimum: ${INTEGER_MIN}, maximum: ${INTEGER_MAX} }`),
        input: nullable(`{ type: integer, minimum: ${INTEGER_MIN}, maximum: ${INTEGER_MAX} }`),
        sample: '42',
        sampleJson: '42',
        other: '7',
        otherJson: '7',
        invalid: '2_147_483_648',
        invalidMessage: `must be less than or equal to ${INTEGER_MAX}`,
        missingMessage: 'is not a number',
        fixtureOne: '42',
        fixtureTwo: '7',
      };
    case 'decimal':
      return {
        ...common,
        ...column('decimal', ', precision: 12, scale: 2'),
        validation: `validates :${c}, numericality: DECIMAL${required ? '' : ', allow_nil: true'}`,
        asSent: 'EXACT_DECIMAL',
        serialized: `ActiveSupport::NumberHelper.number_to_rounded(@${variable}.${c}, precision: 2)`,
        output: nullable('{ type: string, pattern: "^-?[0-9]{1,10}[.][0-9]{2}$" }'),
        input: nullable('{ type: string, pattern: "^-?[0-9]{1,10}([.][0-9]{1,2})?$" }'),
        sample: '"12.50"',
        sampleJson: '"12.50"',
        other: '"3.25"',
        otherJson: '"3.25"',
        invalid: '"12.555"',
        invalidMessage: DECIMAL_MESSAGE,
        missingMessage: 'is not a number',
        fixtureOne: '12.50',
        fixtureTwo: '3.25',
      };
    case 'boolean':
      return {
        ...common,
        // a required boolean defaults to false, so a client may leave it out
        ...column('boolean', required ? ', default: false' : ''),
        validation: required ? `validates :${c}, inclusion: { in: [ true, false ] }` : undefined,
        asSent: 'TRUE_OR_FALSE',
        output: nullable('{ type: boolean }'),
        input: nullable('{ type: boolean }'),
        sample: 'true',
        sampleJson: 'true',
        other: 'false',
        otherJson: 'false',
        invalid: required ? 'nil' : undefined,
        invalidMessage: required ? 'is not included in the list' : undefined,
        missingMessage: undefined,
        fixtureOne: 'true',
        fixtureTwo: 'false',
      };
    case 'date':
      return {
        ...common,
        ...column('date'),
        validation: required ? `validates :${c}, presence: true` : undefined,
        asSent: 'ISO_DATE',
        output: nullable('{ type: string, format: date }'),
        input: nullable('{ type: string, format: date }'),
        sample: '"2024-05-17"',
        sampleJson: '"2024-05-17"',
        other: '"2025-01-31"',
        otherJson: '"2025-01-31"',
        invalid: '"2024-02-30"',
        invalidMessage: DATE_MESSAGE,
        fixtureOne: '2024-05-17',
        fixtureTwo: '2025-01-31',
      };
    case 'datetime':
      return {
        ...common,
        ...column('datetime'),
        validation: required ? `validates :${c}, presence: true` : undefined,
        asSent: 'ISO_TIME',
        output: nullable('{ type: string, format: date-time }'),
        input: nullable('{ type: string, format: date-time }'),
        sample: '"2024-05-17T10:30:00Z"',
        sampleJson: '"2024-05-17T10:30:00.000Z"',
        // stored and answered in UTC, whatever offset the client sent
        other: '"2025-01-31T08:00:00+01:00"',
        otherJson: '"2025-01-31T07:00:00.000Z"',
        invalid: '"2024-02-30T10:00:00Z"',
        invalidMessage: TIME_MESSAGE,
        fixtureOne: '2024-05-17 10:30:00',
        fixtureTwo: '2025-01-31 07:00:00',
      };
  }
}

/** The Active Record migration version the starter's own migrations use, e.g. `7.2`. */
function migrationVersion(projectDir: string, migrations: string[]): string {
  for (const file of migrations) {
    const version = /ActiveRecord::Migration\[(\d+\.\d+)\]/.exec(readText(projectDir, `db/migrate/${file}`))?.[1];
    if (version) return version;
  }
  return '7.2';
}

/** A UTC timestamp, `YYYYMMDDHHMMSS`. */
function timestampOf(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(0, 14);
}

/**
 * The next migration number as Rails' generators pick it: the current UTC time, or one
 * past the newest migration when that is not earlier (two resources added in a second).
 */
export function nextMigrationNumber(existing: readonly string[], now: Date): string {
  const numbers = existing.map((file) => /^(\d{14})_/.exec(file)?.[1]).filter((number) => number !== undefined);
  const newest = numbers.sort().at(-1);
  const current = timestampOf(now);
  if (!newest || current > newest) return current;
  const next = new Date(
    Date.UTC(
      +newest.slice(0, 4),
      +newest.slice(4, 6) - 1,
      +newest.slice(6, 8),
      +newest.slice(8, 10),
      +newest.slice(10, 12),
      +newest.slice(12, 14) + 1,
    ),
  );
  return timestampOf(next);
}

/** `20261202074410` → `2026_12_02_074410`, as db/schema.rb writes its version. */
const schemaVersionOf = (number: string) =>
  `${number.slice(0, 4)}_${number.slice(4, 6)}_${number.slice(6, 8)}_${number.slice(8)}`;

/**
 * Where db/schema.rb takes the new table: before the first table whose name sorts after
 * it (the dumper writes them in name order), or after the last one.
 */
function schemaAnchor(schema: string, table: string): RegExp {
  const later = [...schema.matchAll(/^ {2}create_table "([^"]+)"/gm)]
    .map((match) => match[1]!)
    .find((name) => name > table);
  return later ? new RegExp(`^ {2}create_table "${later}"`, 'm') : /^(?: {2}add_foreign_key |end$)/m;
}

/** `{ title: "A", pages: 42 }`, a Ruby hash literal of symbol keys. */
const rubyHash = (entries: [string, string][]) => `{ ${entries.map(([key, value]) => `${key}: ${value}`).join(', ')} }`;

function checkFields(r: Resource): void {
  for (const field of r.fields) {
    if (field.name === r.name)
      throw new UserError(
        `The field name ${quote(field.name)} is reserved: it is the key of the ${r.words} a client sends ({"${r.name}": {…}}).`,
      );
    const clash = RAILS_FIELD_NAMES[field.name];
    if (clash) throw new UserError(`The field name ${quote(field.name)} is reserved: it is ${clash}.`);
  }
}

/**
 * The resource as Rails names it: its plural as ActiveSupport inflects it (`people`), or a
 * UserError for a word Rails never pluralizes (its routes would need `_index` helpers).
 */
function asRailsNames(r: Resource): Resource {
  const plural = railsPlural(r.name);
  if (!plural)
    throw new UserError(
      `The resource name ${quote(r.name)} has no plural in Rails (it is uncountable), so its list and its records would share one name; pick another. Nothing was written.`,
    );
  return withRailsPlural(r, plural);
}

export const railsResource: ResourceGenerator = {
  framework: 'rails',
  reserved: RAILS_RESOURCE_NAMES,
  collectionPath: (resource) => `/api/v1/${asRailsNames(resource).plural}`,
  existing(resource) {
    const r = asRailsNames(resource);
    return [
      `app/models/${r.name}.rb`,
      `app/controllers/api/v1/${r.plural}_controller.rb`,
      `test/fixtures/${r.plural}.yml`,
    ];
  },
  actions(resource: Resource, _project: ProjectFacts, projectDir: string): ResourceAction[] {
    const r = asRailsNames(resource);
    checkFields(r);
    const migrations = listMigrations(projectDir);
    const schema = readText(projectDir, 'db/schema.rb');
    const creates = migrations.find((file) => file.endsWith(`_create_${r.plural}.rb`));
    if (creates || schema.includes(`create_table "${r.plural}"`))
      throw new UserError(
        `The table ${r.plural} exists already (${creates ? `db/migrate/${creates}` : 'db/schema.rb'}). Nothing was written.`,
      );
    const number = nextMigrationNumber(migrations, new Date());
    const fields = r.fields.map((field) => describeField(field, r.name));
    const data = {
      r,
      props: fields,
      migrationVersion: migrationVersion(projectDir, migrations),
      first: fields[0],
      usesText: fields.some((field) => field.type === 'string' || field.type === 'text'),
      usesInteger: fields.some((field) => field.type === 'integer'),
      usesDecimal: fields.some((field) => field.type === 'decimal'),
      asSent: fields.filter((field) => field.asSent),
      sentFormats: Object.entries(AS_SENT)
        .filter(([constant]) => fields.some((field) => field.asSent === constant))
        .map(([constant, [format, message]]) => ({ constant, format, message })),
      required: fields.filter((field) => field.required),
      requiredMissing: fields.filter((field) => field.required && field.missingMessage),
      optional: fields.filter((field) => !field.required),
      invalid: fields.filter((field) => field.invalid),
      // a required boolean defaults to false, so a create may leave it out
      createRequired: fields
        .filter((field) => field.required && field.type !== 'boolean')
        .map((field) => field.name)
        .join(', '),
      outputRequired: ['id', ...fields.map((field) => field.name), 'path', 'created_at', 'updated_at'].join(', '),
      sampleHash: rubyHash(fields.map((field) => [field.name, field.sample])),
      requiredHash: rubyHash(fields.filter((field) => field.required).map((field) => [field.name, field.sample])),
      invalidHash: rubyHash(fields.filter((field) => field.invalid).map((field) => [field.name, field.invalid!])),
      missingHash: rubyHash(
        fields.filter((field) => field.required && field.missingMessage).map((field) => [field.name, 'nil']),
      ),
      permitted: fields.map((field) => `:${field.name}`).join(', '),
      a: /^[aeio]/.test(r.name) ? 'an' : 'a',
      sentencePlural: r.pluralWords.charAt(0).toUpperCase() + r.pluralWords.slice(1),
    };
    const { add, modify, append, before: insertBefore } = resourceActions('rails', data);
    const schemaTable = schemaAnchor(schema, r.plural);
    const lastTable = !schemaTable.source.startsWith('^ {2}create_table');
    return [
      add(`app/models/${r.name}.rb`, 'app/models/resource.rb.hbs'),
      add(`app/serializers/${r.name}_serializer.rb`, 'app/serializers/resource_serializer.rb.hbs'),
      add(`app/controllers/api/v1/${r.plural}_controller.rb`, 'app/controllers/api/v1/resources_controller.rb.hbs'),
      add(`db/migrate/${number}_create_${r.plural}.rb`, 'db/migrate/create_resources.rb.hbs'),
      add(`test/fixtures/${r.plural}.yml`, 'test/fixtures/resources.yml.hbs'),
      add(`test/models/${r.name}_test.rb`, 'test/models/resource_test.rb.hbs'),
      add(
        `test/controllers/api/v1/${r.plural}_controller_test.rb`,
        'test/controllers/api/v1/resources_controller_test.rb.hbs',
      ),
      // the route, in the api/v1 namespace beside the articles
      append('config/routes.rb', /^ {6}resources :articles, param: :slug$/m, `      resources :${r.plural}`),
      // db/schema.rb as `bin/rails db:migrate` dumps it: the new version, the table in name order
      modify(
        'db/schema.rb',
        /(ActiveRecord::Schema\[\d+\.\d+\]\.define\(version: )[\d_]+(?=\) do)/,
        `$1${schemaVersionOf(number)}`,
      ),
      insertBefore('db/schema.rb', schemaTable, 'db/schema-table.rb.hbs', (table) =>
        lastTable ? `\n${table}` : `${table}\n`,
      ),
      // config/openapi.yml: the paths before `components:`, the schemas before `Error`
      insertBefore('config/openapi.yml', /^components:\n/m, 'config/openapi-paths.yml.hbs'),
      insertBefore('config/openapi.yml', /^ {4}Error:\n/m, 'config/openapi-schemas.yml.hbs'),
    ];
  },
};

function listMigrations(projectDir: string): string[] {
  try {
    return readdirSync(join(projectDir, 'db/migrate')).filter((file) => file.endsWith('.rb'));
  } catch {
    return [];
  }
}

function readText(projectDir: string, path: string): string {
  try {
    return readFileSync(join(projectDir, path), 'utf8');
  } catch {
    return '';
  }
}
