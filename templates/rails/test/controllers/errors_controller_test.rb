require "test_helper"

# The tests raise errors instead of rendering them (config/environments/test.rb), so
# this calls the exceptions app the way ActionDispatch::ShowExceptions does in
# production: with the status as the path.
class ErrorsControllerTest < ActiveSupport::TestCase
  def render_error(status, accept: "text/html", query: "", **env)
    env = Rack::MockRequest.env_for("/#{status}?#{query}", "HTTP_ACCEPT" => accept, **env)
    # What Rack caches when it parsed a query before Rails found its encoding invalid.
    env["rack.request.query_hash"] = Rack::Utils.parse_nested_query(query) if query.present?
    Rack::MockResponse.new(*Rails.application.config.exceptions_app.call(env))
  end

  test "answers an unknown route with 404 JSON, even to a browser" do
    response = render_error(404)

    assert_equal 404, response.status
    assert_equal "application/json", response.media_type
    assert_equal({ "error" => "Not Found" }, JSON.parse(response.body))
  end

  test "answers an unhandled exception with 500 JSON and no details" do
    response = render_error(500, accept: "application/json")

    assert_equal 500, response.status
    assert_equal({ "error" => "Internal Server Error" }, JSON.parse(response.body))
  end

  test "answers requests whose parameters cannot be parsed, instead of failing on them again" do
    [
      { query: "page=%FF" },
      { method: "POST", input: "{\"article\": {\"title\": \"\xFF\"}}", "CONTENT_TYPE" => "application/json" },
      { method: "POST", input: "{\"article\": ", "CONTENT_TYPE" => "application/json" }
    ].each do |request|
      response = render_error(400, accept: "application/json", **request)

      assert_equal 400, response.status, request.inspect
      assert_equal({ "error" => "Bad Request" }, JSON.parse(response.body))
    end
  end

  test "sends the default security headers with errors too" do
    response = render_error(404)

    assert_equal "nosniff", response.headers["X-Content-Type-Options"]
    assert_predicate response.headers["X-Frame-Options"], :present?
  end
end
