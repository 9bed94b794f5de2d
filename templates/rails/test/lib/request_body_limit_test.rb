require "test_helper"

class RequestBodyLimitTest < ActiveSupport::TestCase
  APP = ->(_env) { [ 200, { "content-type" => "text/plain" }, [ "reached the app" ] ] }

  def call(body, **env)
    middleware = RequestBodyLimit.new(APP, max_bytes: 10)
    Rack::MockResponse.new(*middleware.call(Rack::MockRequest.env_for("/", method: "POST", input: body, **env)))
  end

  test "lets bodies up to the limit through" do
    assert_equal "reached the app", call("x" * 10).body
  end

  test "answers a Content-Length over the limit with 413 JSON" do
    response = call("x" * 11)

    assert_equal 413, response.status
    assert_equal "application/json", response.media_type
    assert_equal({ "error" => "Request body is larger than 10 bytes" }, JSON.parse(response.body))
  end

  test "measures a body sent without Content-Length (chunked)" do
    response = call("x" * 11, "CONTENT_LENGTH" => nil)

    assert_equal 413, response.status
  end
end
