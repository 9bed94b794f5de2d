class Article < ApplicationRecord
  include Sluggable
  slugged_from :title

  validates :title, presence: true, length: { maximum: 200 }
  validates :body, presence: true

  scope :newest_first, -> { order(created_at: :desc, id: :desc) }
end
