class Article < ApplicationRecord
  include Sluggable
  slugged_from :title

  # PostgreSQL refuses text with NUL bytes; a clear 422 instead of a database error.
  NO_NUL = { without: /\u0000/, message: "must not contain NUL characters" }.freeze

  validates :title, presence: true, length: { maximum: 200 }, format: NO_NUL
  validates :body, presence: true, format: NO_NUL

  scope :newest_first, -> { order(created_at: :desc, id: :desc) }
end
