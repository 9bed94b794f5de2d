require "test_helper"

class ArticleTest < ActiveSupport::TestCase
  def build_article(**attributes)
    Article.new({ title: "Hello World", body: "Some text." }.merge(attributes))
  end

  def assert_rejected(attributes, attribute, message)
    article = build_article(**attributes)
    assert_not article.valid?, "expected #{attributes.inspect} to be invalid"
    assert_includes article.errors[attribute], message
  end

  test "is valid with a title and a body" do
    assert build_article.valid?
  end

  test "requires a title" do
    assert_rejected({ title: "" }, :title, "can't be blank")
  end

  test "limits the title to 200 characters" do
    assert_rejected({ title: "a" * 201 }, :title, "is too long (maximum is 200 characters)")
  end

  test "requires a body" do
    assert_rejected({ body: " " }, :body, "can't be blank")
  end

  test "generates a slug from the title" do
    article = build_article(title: "Ünïcode & Punctuation: Rails 101!")
    article.save!
    assert_equal "unicode-punctuation-rails-101", article.slug
  end

  test "uses the slug in URLs" do
    assert_equal "my-first-post", articles(:first_post).to_param
  end

  test "keeps the stored slug in URLs while an invalid change is pending" do
    article = articles(:first_post)
    article.slug = "Not a slug!"
    assert_equal "my-first-post", article.to_param
  end

  test "suffixes the slug when it is taken" do
    assert_equal "my-first-post-2", Article.create!(title: "My First Post", body: "Again").slug
    assert_equal "my-first-post-3", Article.create!(title: "My first post?", body: "And again").slug
  end

  test "falls back to the model name when the title has no usable characters" do
    assert_equal "article", Article.create!(title: "!!!", body: "Punctuation only").slug
  end

  test "keeps the slug when the title changes" do
    article = articles(:first_post)
    article.update!(title: "A New Title")
    assert_equal "my-first-post", article.reload.slug
  end

  test "regenerates the slug from the current title" do
    article = articles(:first_post)
    article.title = "Second Thoughts"
    article.regenerate_slug
    assert_equal "second-thoughts-2", article.slug
  end

  test "accepts a slug chosen by the client and normalises its case" do
    assert_equal "custom-url", Article.create!(title: "Whatever", body: "Text", slug: " Custom-URL ").slug
  end

  test "rejects a chosen slug that is not URL-safe" do
    assert_rejected({ slug: "spaces and_underscores" }, :slug, "may only contain lowercase letters, digits and single hyphens")
  end

  test "rejects a chosen slug that is taken" do
    assert_rejected({ slug: "my-first-post" }, :slug, "has already been taken")
  end

  test "retries with the next free slug when another save takes it first" do
    article = build_article(title: "Race")
    article.validate
    assert_equal "race", article.slug
    # Another request inserts the same slug after our validation passed.
    Article.create!(title: "Race", body: "The winner")

    article.save!(validate: false) # the checks passed before the other insert

    assert_equal "race-2", article.reload.slug
  end

  test "does not retry when the colliding slug was chosen by the client" do
    article = build_article(slug: "chosen")
    article.validate
    Article.create!(title: "Other", body: "The winner", slug: "chosen")

    assert_raises(ActiveRecord::RecordNotUnique) do
      article.save!(validate: false)
    end
  end

  test "lists the newest articles first" do
    assert_equal [ articles(:second_post), articles(:first_post) ], Article.newest_first.to_a
  end
end
