# Sample data for development: `bin/rails db:seed` (db:prepare runs it when it creates
# the database). Safe to run more than once.
[
  { title: "Welcome to the API", body: "Articles are addressed by slug: this one lives at /api/v1/articles/welcome-to-the-api." },
  { title: "Pagination", body: "GET /api/v1/articles?page=2&per_page=10 returns the second page; see the Link header." }
].each do |attributes|
  Article.find_or_create_by!(title: attributes[:title]) do |article|
    article.body = attributes[:body]
  end
end
