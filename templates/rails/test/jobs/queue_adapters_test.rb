require "test_helper"
require "open3"

# config/environments/*.rb choose each environment's Active Job adapter; booting the app
# there (bin/rails runner) shows which one it really gets.
class QueueAdaptersTest < ActiveSupport::TestCase
  def adapter_in(environment)
    env = { "RAILS_ENV" => environment, "SECRET_KEY_BASE" => SecureRandom.hex(64) }
    output, errors, status = Open3.capture3(env, "bin/rails", "runner", "print ActiveJob::Base.queue_adapter_name", chdir: Rails.root.to_s)
    assert status.success?, errors
    output.lines.last.to_s.strip
  end

  test "development and production run jobs in the server's thread pool (:async)" do
    assert_equal "async", adapter_in("development")
    assert_equal "async", adapter_in("production")
  end

  test "the tests collect jobs instead of running them (:test)" do
    assert_equal "test", ActiveJob::Base.queue_adapter_name
  end
end
