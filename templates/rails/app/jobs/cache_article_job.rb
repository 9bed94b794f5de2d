# Renders an article's JSON into Rails.cache after a write, so the first read after a
# create or an update is served from the cache too. ArticlesController enqueues it.
#
# Losing it is harmless (the next read renders and caches the article itself), which is
# why the in-process :async adapter is enough in development and production.
class CacheArticleJob < ApplicationJob
  queue_as :default

  def perform(article)
    Rails.cache.write(article, ArticleSerializer.new(article).to_json)
  end
end
