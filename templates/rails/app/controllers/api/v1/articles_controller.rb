module Api
  module V1
    # Articles, addressed by slug: GET/PATCH/PUT/DELETE /api/v1/articles/:slug.
    class ArticlesController < ApplicationController
      include Pagination

      before_action :set_article, only: [:show, :update, :destroy]

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
          render json: ArticleSerializer.new(article), status: :created, location: api_v1_article_url(article)
        else
          render_validation_errors(article)
        end
      end

      # PATCH/PUT /api/v1/articles/my-first-post
      def update
        if @article.update(article_params)
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

      def set_article
        @article = Article.find_by!(slug: params[:slug])
      end

      # Only these attributes can be set by clients; `slug` is optional (generated from
      # the title when absent).
      def article_params
        params.require(:article).permit(:title, :body, :slug)
      end
    end
  end
end
