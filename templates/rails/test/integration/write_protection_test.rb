require "test_helper"

# Writes need an API token and are rate limited per client IP; reads are public.
class WriteProtectionTest < ActionDispatch::IntegrationTest
  WRITES = {
    create: -> { post api_v1_articles_path, params: { article: { title: "Anonymous", body: "Text" } }.to_json, headers: @headers },
    update: -> { patch api_v1_article_path(articles(:first_post)), params: { article: { title: "Defaced" } }.to_json, headers: @headers },
    destroy: -> { delete api_v1_article_path(articles(:first_post)), headers: @headers }
  }.freeze

  def write(action, headers)
    @headers = headers
    instance_exec(&WRITES.fetch(action))
  end

  def assert_refused(action, headers, what)
    assert_no_changes -> { Article.order(:id).pluck(:title, :slug) } do
      write(action, headers)
    end
    assert_response :unauthorized, "#{action} #{what}"
    assert_equal({ "error" => "A valid API token is required" }, json)
    assert_equal 'Bearer realm="Application"', response.headers["WWW-Authenticate"]
  end

  test "refuses every write without a token with 401 JSON" do
    WRITES.each_key { |action| assert_refused(action, json_headers, "without a token") }
  end

  test "refuses unknown, revoked and malformed tokens alike" do
    {
      "an unknown token" => "Bearer not-a-token",
      "a revoked token" => "Bearer revoked-token-for-the-tests",
      "the digest instead of the token" => "Bearer #{api_tokens(:writer).token_digest}",
      "basic credentials" => "Basic #{[ 'user:writer-token-for-the-tests' ].pack('m0')}",
      "an empty bearer" => "Bearer "
    }.each do |what, authorization|
      assert_refused(:create, json_headers.merge("Authorization" => authorization), "with #{what}")
    end
  end

  test "accepts a token as Bearer or in Rails' Token scheme and records its use" do
    post api_v1_articles_path, params: { article: { title: "By bearer", body: "Text" } }.to_json, headers: auth_headers
    assert_response :created
    assert_in_delta Time.current, api_tokens(:writer).reload.last_used_at, 5.seconds

    headers = json_headers.merge("Authorization" => %(Token token="#{WRITER_TOKEN}"))
    post api_v1_articles_path, params: { article: { title: "By token scheme", body: "Text" } }.to_json, headers: headers
    assert_response :created
  end

  test "keeps reads public" do
    get api_v1_articles_path
    assert_response :ok
    get api_v1_article_path(articles(:first_post))
    assert_response :ok
  end

  test "answers writes past the limit with 429 JSON and Retry-After, per client IP" do
    limit = Api::V1::ArticlesController::WRITES_PER_MINUTE
    limit.times { |number| write(:update, auth_headers.merge("X-Attempt" => number.to_s)) }
    assert_response :ok

    write(:create, auth_headers)
    assert_response :too_many_requests
    assert_equal({ "error" => "Too many requests, try again later" }, json)
    assert_equal "60", response.headers["Retry-After"]

    integration_session.remote_addr = "2001:db8::1:#{SecureRandom.hex(2)}"
    write(:create, auth_headers)
    assert_response :created, "another client has its own budget"
  end

  test "counts writes without a token too, so tokens cannot be guessed at speed" do
    Api::V1::ArticlesController::WRITES_PER_MINUTE.times { write(:create, json_headers) }
    assert_response :unauthorized

    write(:create, auth_headers)
    assert_response :too_many_requests
  end

  test "does not count reads" do
    (Api::V1::ArticlesController::WRITES_PER_MINUTE + 5).times { get api_v1_articles_path }
    assert_response :ok

    write(:create, auth_headers)
    assert_response :created
  end
end
