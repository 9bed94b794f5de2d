require "test_helper"
require "rake"

class ApiTokensRakeTest < ActiveSupport::TestCase
  setup do
    Rails.application.load_tasks unless Rake::Task.task_defined?("api_tokens:create")
    %w[api_tokens:create api_tokens:list api_tokens:revoke].each { |name| Rake::Task[name].reenable }
  end

  test "api_tokens:create prints a token once that then authenticates" do
    output, = capture_io { Rake::Task["api_tokens:create"].invoke("deploy bot") }

    token = output.lines.last.strip
    api_token = ApiToken.find_by!(name: "deploy bot")
    assert_equal api_token, ApiToken.authenticate(token)
    assert_includes output, "it is shown only now"
  end

  test "api_tokens:list shows names and states, never tokens or digests" do
    output, = capture_io { Rake::Task["api_tokens:list"].invoke }

    assert_match(/#\d+  Test writer  active  last used never/, output)
    assert_match(/Revoked writer  revoked /, output)
    assert_not_includes output, api_tokens(:writer).token_digest
  end

  test "api_tokens:revoke revokes a token by its number" do
    api_token = api_tokens(:writer)

    capture_io { Rake::Task["api_tokens:revoke"].invoke(api_token.id.to_s) }

    assert_predicate api_token.reload, :revoked?
  end
end
