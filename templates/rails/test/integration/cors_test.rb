require "test_helper"

# config/environments/test.rb allows https://frontend.example, whatever CORS_ORIGINS says.
class CorsTest < ActionDispatch::IntegrationTest
  ALLOWED = "https://frontend.example".freeze

  def preflight(origin)
    process :options, api_v1_articles_path, headers: {
      "Origin" => origin,
      "Access-Control-Request-Method" => "POST",
      "Access-Control-Request-Headers" => "Content-Type"
    }
  end

  test "answers a preflight from an allowed origin with the allow headers" do
    preflight(ALLOWED)

    assert_response :ok
    assert_equal ALLOWED, response.headers["Access-Control-Allow-Origin"]
    assert_includes response.headers["Access-Control-Allow-Methods"], "POST"
    assert_match(/content-type/i, response.headers["Access-Control-Allow-Headers"])
  end

  test "does not allow a preflight from another origin" do
    preflight("https://evil.example")

    assert_nil response.headers["Access-Control-Allow-Origin"]
  end

  test "lets the allowed origin read the OpenAPI document" do
    get openapi_path, headers: { "Origin" => ALLOWED }

    assert_response :ok
    assert_equal ALLOWED, response.headers["Access-Control-Allow-Origin"]
  end

  test "adds the allow-origin header and exposes the pagination headers on API responses" do
    get api_v1_articles_path, headers: { "Origin" => ALLOWED }

    assert_response :ok
    assert_equal ALLOWED, response.headers["Access-Control-Allow-Origin"]
    assert_includes response.headers["Access-Control-Expose-Headers"], "Link"
  end
end
