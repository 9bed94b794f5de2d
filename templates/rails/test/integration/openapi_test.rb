require "test_helper"

# config/openapi.yml describes exactly the routes the app has; test_helper holds every
# integration test's response to it (test/support/openapi_conformance.rb).
class OpenapiTest < ActionDispatch::IntegrationTest
  def routed_operations
    Rails.application.routes.routes.filter_map do |route|
      next if route.verb.blank? || route.defaults[:controller].to_s.start_with?("rails/")

      path = route.path.spec.to_s.delete_suffix("(.:format)").gsub(/:(\w+)/, '{\1}')
      "#{route.verb.downcase} #{path}"
    end.uniq.sort
  end

  def documented_operations
    OpenapiConformance.document["paths"].flat_map do |path, item|
      (item.keys & %w[get post put patch delete]).map { |method| "#{method} #{path}" }
    end.sort
  end

  test "serves the document as JSON at /openapi.json" do
    get openapi_path

    assert_response :ok
    assert_equal "application/json", response.media_type
    assert_equal "3.1.0", json["openapi"]
    assert_equal OpenapiConformance.document, json
  end

  test "describes every route, and only routes that exist" do
    assert_equal routed_operations, documented_operations
  end

  test "documents 401 and 429 for every write, and the bearer scheme" do
    OpenapiConformance.document["paths"].each do |path, item|
      item.slice("post", "put", "patch", "delete").each do |method, operation|
        assert_equal [ { "bearerAuth" => [] } ], operation["security"], "#{method} #{path}"
        assert_includes operation["responses"].keys, "401", "#{method} #{path}"
        assert_includes operation["responses"].keys, "429", "#{method} #{path}"
      end
    end
  end

  test "the conformance check notices an undocumented status, a wrong body and a wrong media type" do
    article = ArticleSerializer.new(articles(:first_post)).to_json

    assert_empty OpenapiConformance.problems("GET", "/api/v1/articles/my-first-post", 200, "application/json", article)
    assert_match(/answered 418/, OpenapiConformance.problems("GET", "/api/v1/articles/x", 418, "application/json", "{}").first)
    assert_match(/lacks slug/, OpenapiConformance.problems("GET", "/api/v1/articles/x", 200, "application/json", "{}").join)
    assert_match(/has secret/, OpenapiConformance.problems("GET", "/api/v1/articles/x", 200, "application/json", JSON.parse(article).merge("secret" => 1).to_json).join)
    assert_match(/text\/html/, OpenapiConformance.problems("GET", "/up", 200, "text/html", "<p>").first)
    assert_match(/should be integer/, OpenapiConformance.problems("GET", "/api/v1/articles", 200, "application/json", { articles: [], meta: { page: "1", per_page: 1, total_pages: 1, total_count: 0 } }.to_json).join)
  end
end
