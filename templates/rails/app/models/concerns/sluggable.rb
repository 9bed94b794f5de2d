# Search-engine-friendly URLs: a unique, URL-safe `slug` column derived from another
# attribute (`slugged_from :title`). `to_param` returns it, so URL helpers build
# /api/v1/articles/my-first-post, and controllers look records up with `find_by!(slug:)`.
#
# A slug is generated when none is given and kept when the source attribute changes
# later, so published URLs stay valid; `regenerate_slug` builds a fresh one on demand.
# Collisions get a numeric suffix (my-post, my-post-2, ...). The unique index on the
# column settles races: when another request saves the same slug between our check and
# our insert, the save picks the next free slug and tries again.
module Sluggable
  extend ActiveSupport::Concern

  FORMAT = /\A[a-z0-9]+(?:-[a-z0-9]+)*\z/
  MAX_LENGTH = 100
  # Room left at the end of a generated slug for a "-123" suffix.
  SUFFIX_ROOM = 10
  SAVE_ATTEMPTS = 3

  included do
    class_attribute :slug_source, instance_writer: false

    before_validation :normalize_slug
    before_validation :generate_slug, if: -> { slug.blank? }

    validates :slug,
      presence: true,
      length: { maximum: MAX_LENGTH },
      format: { with: FORMAT, message: "may only contain lowercase letters, digits and single hyphens" },
      # Only a well-formed slug is looked up (a NUL byte would be a database error).
      uniqueness: { if: -> { self.class.slug_format?(slug) } }
  end

  class_methods do
    def slugged_from(attribute)
      self.slug_source = attribute
    end

    # Whether `value` could be a stored slug; anything else need not be looked up.
    def slug_format?(value)
      value.is_a?(String) && value.length <= MAX_LENGTH && value.valid_encoding? && FORMAT.match?(value)
    end
  end

  # Links keep using the stored slug while an unsaved (or rejected) change to it exists.
  def to_param
    slug_in_database
  end

  # Replaces the slug with one built from the source attribute; save to keep it.
  def regenerate_slug
    self.slug = nil
    generate_slug
  end

  def save(**options, &block)
    retry_on_slug_collision { super }
  end

  def save!(**options, &block)
    retry_on_slug_collision { super }
  end

  private

  def normalize_slug
    self.slug = slug.strip.downcase if slug.is_a?(String)
  end

  def generate_slug
    @generated_slug = self.slug = first_free_slug(slug_base)
  end

  def slug_base
    base = public_send(slug_source).to_s.parameterize.first(MAX_LENGTH - SUFFIX_ROOM).chomp("-")
    base.presence || model_name.element
  end

  def first_free_slug(base)
    taken = self.class.unscoped
      .where("slug = :base OR slug LIKE :suffixed", base: base, suffixed: "#{self.class.sanitize_sql_like(base)}-%")
      .where.not(id: id)
      .pluck(:slug)
      .to_set
    return base unless taken.include?(base)

    (2..).each do |number|
      candidate = "#{base}-#{number}"
      return candidate unless taken.include?(candidate)
    end
  end

  # Only slugs we generated are retried; a slug the client chose is theirs to change.
  def retry_on_slug_collision
    attempts = 0
    begin
      yield
    rescue ActiveRecord::RecordNotUnique => error
      attempts += 1
      raise unless slug_generated? && error.message.include?("slug") && attempts < SAVE_ATTEMPTS

      generate_slug
      retry
    end
  end

  # A rolled-back save may have reset the slug to blank; then it was ours to generate.
  def slug_generated?
    slug.blank? || slug == @generated_slug
  end
end
