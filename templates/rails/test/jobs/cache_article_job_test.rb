require "test_helper"

class CacheArticleJobTest < ActiveJob::TestCase
  test "writes the article's JSON into Rails.cache under the key the show action reads" do
    article = articles(:first_post)
    Rails.cache.delete(article)

    CacheArticleJob.perform_now(article)

    assert_equal ArticleSerializer.new(article).to_json, Rails.cache.read(article)
    assert_equal "My First Post", JSON.parse(Rails.cache.fetch(article) { flunk "the show action would render again" })["title"]
  ensure
    Rails.cache.delete(article)
  end

  test "is discarded when the article is gone before it runs" do
    article = Article.create!(title: "Short-lived", body: "Text")
    CacheArticleJob.perform_later(article)
    article.destroy!

    assert_nothing_raised { perform_enqueued_jobs }
    assert_nil Rails.cache.read(article)
  end
end
