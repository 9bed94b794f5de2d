# The JSON shape of an article, in one place for every endpoint that returns one.
class ArticleSerializer
  include Rails.application.routes.url_helpers

  def initialize(article)
    @article = article
  end

  def as_json(*)
    {
      slug: @article.slug,
      title: @article.title,
      body: @article.body,
      path: api_v1_article_path(@article),
      created_at: @article.created_at,
      updated_at: @article.updated_at
    }
  end
end
