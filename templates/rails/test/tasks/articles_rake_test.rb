require "test_helper"
require "rake"

class ArticlesRakeTest < ActiveSupport::TestCase
  setup do
    Rails.application.load_tasks unless Rake::Task.task_defined?("articles:reslug")
    @task = Rake::Task["articles:reslug"]
    @task.reenable
  end

  test "articles:reslug rebuilds slugs from the current titles" do
    articles(:first_post).update!(title: "Renamed Post")

    output, = capture_io { @task.invoke }

    assert_equal "renamed-post", articles(:first_post).reload.slug
    assert_equal "second-thoughts", articles(:second_post).reload.slug
    assert_includes output, "my-first-post -> renamed-post"
    assert_includes output, "1 of 2 slugs changed"
  end

  test "articles:reslug keeps slugs unique when titles collide" do
    articles(:first_post).update!(title: "Second Thoughts")

    capture_io { @task.invoke }

    slugs = [ articles(:first_post).reload.slug, articles(:second_post).reload.slug ]
    assert_equal [ "second-thoughts", "second-thoughts-2" ], slugs.sort
  end
end
