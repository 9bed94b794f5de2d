# A bearer token that may write to the API (reads are public). Only a SHA-256 digest of
# the token is stored, so the tokens table is of no use to someone who reads it; the
# token itself is shown once, when it is issued:
#
#   bin/rails "api_tokens:create[deploy bot]"
#   curl -H "Authorization: Bearer <token>" ...
#
# Tokens are 24 random base58 characters (~140 bits), so a digest without a salt is safe
# to look up by, and guessing one is hopeless even without the rate limits.
class ApiToken < ApplicationRecord
  TOKEN_LENGTH = 24

  validates :name, presence: true, length: { maximum: 100 }
  validates :token_digest, presence: true, uniqueness: true

  scope :active, -> { where(revoked_at: nil) }

  # Creates a token named `name`; returns the record and the token, which is not kept.
  def self.issue!(name:)
    token = SecureRandom.base58(TOKEN_LENGTH)
    [ create!(name: name, token_digest: digest(token)), token ]
  end

  # The active token whose digest matches, or nil.
  def self.authenticate(token)
    return if token.blank?

    active.find_by(token_digest: digest(token))
  end

  def self.digest(token)
    OpenSSL::Digest::SHA256.hexdigest(token)
  end

  def revoke!
    update!(revoked_at: Time.current)
  end

  def revoked?
    revoked_at.present?
  end

  # Written at most once a minute per token, so busy clients cost no write per request.
  def touch_last_used
    update_column(:last_used_at, Time.current) if last_used_at.nil? || last_used_at < 1.minute.ago
  end
end
