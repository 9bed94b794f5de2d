require "test_helper"

class ApiTokenTest < ActiveSupport::TestCase
  test "issues a random token and stores only its SHA-256 digest" do
    api_token, token = ApiToken.issue!(name: "CI")

    assert_equal ApiToken::TOKEN_LENGTH, token.length
    assert_equal OpenSSL::Digest::SHA256.hexdigest(token), api_token.reload.token_digest
    assert_not_includes api_token.attributes.values.map(&:to_s), token
    assert_not_equal token, ApiToken.issue!(name: "CI").last
  end

  test "authenticates an active token" do
    api_token, token = ApiToken.issue!(name: "CI")

    assert_equal api_token, ApiToken.authenticate(token)
  end

  test "does not authenticate unknown, blank, digest or revoked tokens" do
    assert_nil ApiToken.authenticate("nope")
    assert_nil ApiToken.authenticate("")
    assert_nil ApiToken.authenticate(nil)
    assert_nil ApiToken.authenticate(api_tokens(:writer).token_digest)
    assert_nil ApiToken.authenticate("revoked-token-for-the-tests")
  end

  test "revokes a token" do
    api_token, token = ApiToken.issue!(name: "CI")
    api_token.revoke!

    assert_predicate api_token, :revoked?
    assert_nil ApiToken.authenticate(token)
  end

  test "requires a name" do
    assert_raises(ActiveRecord::RecordInvalid) { ApiToken.issue!(name: "") }
  end

  test "records its use at most once a minute" do
    api_token = api_tokens(:writer)
    api_token.touch_last_used
    first = api_token.reload.last_used_at

    api_token.touch_last_used
    assert_equal first, api_token.reload.last_used_at

    travel 2.minutes do
      api_token.touch_last_used
      assert_operator api_token.reload.last_used_at, :>, first
    end
  end
end
