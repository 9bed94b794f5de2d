module Api
  module V1
    # Articles, addressed by slug: GET/PATCH/PUT/DELETE /api/v1/articles/:slug.
    # Reads are public; writes need an API token (TokenAuthentication).
    class ArticlesController < ApplicationController
      include Pagination

      # Writes per client IP and minute, counted in Rails.cache before the token is
      # checked, so guessing tokens is throttled too.
      WRITES_PER_MINUTE = 20

      rate_limit to: WRITES_PER_MINUTE, within: 1.minute, only: %i[create update destroy],
        with: -> { render_too_many_requests }
      before_action :require_api_token, only: %i[create update destroy]
      before_action :set_article, only: %i[show update destroy]

      # GET /api/v1/articles?page=1&per_page=20
      def index
        articles, meta = paginate(Article.newest_first)
        render json: { articles: articles.map { |article| ArticleSerializer.new(article) }, meta: meta }
      end

      # GET /api/v1/articles/my-first-post
      # The JSON comes from Rails.cache when it can: the entry is keyed by the article
      # ("articles/<id>") and versioned by its updated_at, so any change to the article
      # makes the old entry miss and the next request renders it afresh.
      def show
        render json: Rails.cache.fetch(@article) { ArticleSerializer.new(@article).to_json }
      end

      # POST /api/v1/articles
      def create
        article = Article.new(article_params)

        if article.save
          CacheArticleJob.perform_later(article)
          render json: ArticleSerializer.new(article), status: :created, location: api_v1_article_url(article)
        else
          render_validation_errors(article)
        end
      end

      # PATCH/PUT /api/v1/articles/my-first-post
      def update
        if @article.update(article_params)
          CacheArticleJob.perform_later(@article)
          render json: ArticleSerializer.new(@article)
        else
          render_validation_errors(@article)
        end
      end

      # DELETE /api/v1/articles/my-first-post
      def destroy
        @article.destroy!
        head :no_content
      end

      private

      # A slug that cannot exist (wrong characters, too long, a NUL byte) is not looked up.
      def set_article
        slug = params[:slug]
        raise ActiveRecord::RecordNotFound.new(nil, "Article") unless Article.slug_format?(slug)

        @article = Article.find_by!(slug: slug)
      end

      # Only these attributes can be set by clients; `slug` is optional (generated from
      # the title when absent). `article` must be an object: {"article": "oops"} or
      # {"article": [1]} is a 400 like a missing one, not a NoMethodError.
      def article_params
        attributes = params.require(:article)
        raise InvalidParameter, "article must be an object" unless attributes.is_a?(ActionController::Parameters)

        attributes.permit(:title, :body, :slug)
      end
    end
  end
end
