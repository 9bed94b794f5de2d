require "test_helper"

# The tests raise errors instead of rendering them (config/environments/test.rb), so
# this calls the exceptions app the way ActionDispatch::ShowExceptions does in
# production: with the status as the path.
class ErrorsControllerTest < ActiveSupport::TestCase
  def render_error(status, accept: "text/html")
    env = Rack::MockRequest.env_for("/#{status}", "HTTP_ACCEPT" => accept)
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

  test "sends the default security headers with errors too" do
    response = render_error(404)

    assert_equal "nosniff", response.headers["X-Content-Type-Options"]
    assert_predicate response.headers["X-Frame-Options"], :present?
  end
end
