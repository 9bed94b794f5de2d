require "test_helper"

module Api
  module V1
    class ArticlesControllerTest < ActionDispatch::IntegrationTest
      setup do
        @article = articles(:first_post)
      end

      test "lists articles, newest first, with pagination meta" do
        get api_v1_articles_url, headers: json_headers

        assert_response :ok
        assert_equal([ "second-thoughts", "my-first-post" ], json["articles"].map { |article| article["slug"] })
        assert_equal({ "page" => 1, "per_page" => 20, "total_pages" => 1, "total_count" => 2 }, json["meta"])
        assert_equal "2", response.headers["X-Total-Count"]
      end

      test "paginates with page and per_page, and links the neighbouring pages" do
        get api_v1_articles_url(page: 2, per_page: 1), headers: json_headers

        assert_response :ok
        assert_equal([ "my-first-post" ], json["articles"].map { |article| article["slug"] })
        assert_equal({ "page" => 2, "per_page" => 1, "total_pages" => 2, "total_count" => 2 }, json["meta"])
        links = response.headers["Link"]
        assert_includes links, '<http://www.example.com/api/v1/articles?page=1&per_page=1>; rel="prev"'
        assert_includes links, '<http://www.example.com/api/v1/articles?page=2&per_page=1>; rel="last"'
        assert_not_includes links, 'rel="next"'
      end

      test "returns an empty page past the last one" do
        get api_v1_articles_url(page: 9), headers: json_headers

        assert_response :ok
        assert_empty json["articles"]
        assert_equal 9, json["meta"]["page"]
      end

      test "answers page and per_page values that are not whole numbers in range with 400 JSON" do
        [
          { page: "abc" }, { page: "0" }, { page: "-1" }, { page: "1.5" }, { page: "" },
          { page: "99999999999999999999" }, { page: "1000001" }, { page: [ "1" ] },
          { per_page: "0" }, { per_page: "101" }, { per_page: "ten" }
        ].each do |query|
          get api_v1_articles_url, params: query, headers: { "Accept" => "application/json" }

          assert_response :bad_request, "GET ?#{query.to_query}"
          assert_match(/must be a whole number/, json["error"])
        end
      end

      test "shows an article by its slug" do
        get api_v1_article_url(@article), headers: json_headers

        assert_response :ok
        assert_equal "/api/v1/articles/my-first-post", request.path
        assert_equal "My First Post", json["title"]
        assert_equal "my-first-post", json["slug"]
        assert_equal "/api/v1/articles/my-first-post", json["path"]
      end

      test "answers an unknown slug with 404 JSON" do
        get api_v1_article_url("no-such-post"), headers: json_headers

        assert_response :not_found
        assert_equal "application/json", response.media_type
        assert_equal({ "error" => "Article not found" }, json)
      end

      test "answers malformed slugs and numeric ids with 404 JSON" do
        [ "Not a slug", "a" * 101, "nul\u0000byte", "12345678901234567890123", "-" ].each do |slug|
          get "/api/v1/articles/#{ERB::Util.url_encode(slug)}", headers: json_headers

          assert_response :not_found, slug.inspect
          assert_equal({ "error" => "Article not found" }, json)
        end
      end

      test "serves an article from Rails.cache until the article changes" do
        get api_v1_article_url(@article), headers: json_headers

        assert_response :ok
        assert_equal response.body, Rails.cache.read(@article), "the rendered JSON is cached"

        @article.update!(title: "Retitled")
        assert_nil Rails.cache.read(@article), "a changed article misses the old entry"

        get api_v1_article_url(@article), headers: json_headers
        assert_equal "Retitled", json["title"]
      end

      test "creates an article with a token and answers with its slug URL" do
        assert_difference("Article.count", 1) do
          post api_v1_articles_url, params: { article: { title: "Brand New Post", body: "Fresh." } }.to_json, headers: auth_headers
        end

        assert_response :created
        assert_equal "brand-new-post", json["slug"]
        assert_equal "http://www.example.com/api/v1/articles/brand-new-post", response.location
      end

      test "creates an article from an unwrapped JSON body" do
        post api_v1_articles_url, params: { title: "Unwrapped", body: "Flat JSON." }.to_json, headers: auth_headers

        assert_response :created
        assert_equal "unwrapped", json["slug"]
      end

      test "enqueues CacheArticleJob for a created and an updated article" do
        post api_v1_articles_url, params: { article: { title: "Queued", body: "Text" } }.to_json, headers: auth_headers
        assert_enqueued_with(job: CacheArticleJob, args: [ Article.find_by!(slug: "queued") ])

        clear_enqueued_jobs
        patch api_v1_article_url(@article), params: { article: { title: "Changed" } }.to_json, headers: auth_headers
        assert_enqueued_with(job: CacheArticleJob, args: [ @article ])
      end

      test "does not enqueue a job for a rejected write" do
        assert_no_enqueued_jobs do
          post api_v1_articles_url, params: { article: { title: "" } }.to_json, headers: auth_headers
        end
      end

      test "ignores attributes that are not permitted" do
        post api_v1_articles_url, params: { article: { title: "Sneaky", body: "Text", created_at: "2000-01-01" } }.to_json, headers: auth_headers

        assert_response :created
        assert_operator Time.zone.parse(json["created_at"]), :>, 1.minute.ago
      end

      test "rejects an invalid article with 422 and the validation errors" do
        assert_no_difference("Article.count") do
          post api_v1_articles_url, params: { article: { title: "", body: "" } }.to_json, headers: auth_headers
        end

        assert_response 422
        assert_equal "application/json", response.media_type
        assert_equal [ "can't be blank" ], json["errors"]["title"]
        assert_equal [ "can't be blank" ], json["errors"]["body"]
      end

      test "rejects text with NUL bytes with 422, not a database error" do
        post api_v1_articles_url, params: { article: { title: "nul\u0000title", body: "x", slug: "nul\u0000slug" } }.to_json, headers: auth_headers

        assert_response 422
        assert_equal [ "must not contain NUL characters" ], json["errors"]["title"]
        assert_includes json["errors"]["slug"], "may only contain lowercase letters, digits and single hyphens"
      end

      test "answers a request without an article with 400 JSON" do
        post api_v1_articles_url, params: {}.to_json, headers: auth_headers

        assert_response :bad_request
        assert_match(/article/, json["error"])
      end

      test "answers an article of the wrong shape with 400 JSON" do
        [ '{"article":"oops"}', '{"article":[1,2]}', '{"article":42}', '"just a string"', "[]" ].each do |body|
          post api_v1_articles_url, params: body, headers: auth_headers

          assert_response :bad_request, body
          assert_equal "application/json", response.media_type
        end
        patch api_v1_article_url(@article), params: '{"article":"oops"}', headers: auth_headers
        assert_response :bad_request
      end

      test "answers malformed JSON with 400 JSON" do
        post api_v1_articles_url, params: '{"article": ', headers: auth_headers

        assert_response :bad_request
        assert_equal "application/json", response.media_type
      end

      test "answers a body over 64 KiB with 413 JSON before parsing it" do
        body = { article: { title: "Big", body: "x" * 70.kilobytes } }.to_json

        assert_no_difference("Article.count") do
          post api_v1_articles_url, params: body, headers: auth_headers
        end

        assert_response 413
        assert_match(/larger than 65536 bytes/, json["error"])
      end

      test "updates an article and keeps its slug" do
        patch api_v1_article_url(@article), params: { article: { title: "Retitled" } }.to_json, headers: auth_headers

        assert_response :ok
        assert_equal "Retitled", @article.reload.title
        assert_equal "my-first-post", json["slug"]
      end

      test "moves an article to a new slug when the client sends one" do
        put api_v1_article_url(@article), params: { article: { slug: "renamed" } }.to_json, headers: auth_headers

        assert_response :ok
        assert_equal "renamed", @article.reload.slug
      end

      test "rejects an invalid update with 422" do
        patch api_v1_article_url(@article), params: { article: { slug: "second-thoughts" } }.to_json, headers: auth_headers

        assert_response 422
        assert_equal [ "has already been taken" ], json["errors"]["slug"]
        assert_equal "my-first-post", @article.reload.slug
      end

      test "answers an update of an unknown slug with 404 JSON" do
        patch api_v1_article_url("no-such-post"), params: { article: { title: "X" } }.to_json, headers: auth_headers

        assert_response :not_found
        assert_equal "Article not found", json["error"]
      end

      test "deletes an article" do
        assert_difference("Article.count", -1) do
          delete api_v1_article_url(@article), headers: auth_headers
        end

        assert_response :no_content
      end

      test "answers a delete of an unknown slug with 404 JSON" do
        assert_no_difference("Article.count") do
          delete api_v1_article_url("no-such-post"), headers: auth_headers
        end

        assert_response :not_found
      end
    end
  end
end
