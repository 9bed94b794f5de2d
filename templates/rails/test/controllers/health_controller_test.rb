require "test_helper"

class HealthControllerTest < ActionDispatch::IntegrationTest
  test "reports ok when the database answers" do
    get health_check_url

    assert_response :ok
    assert_equal({ "status" => "ok" }, JSON.parse(response.body))
  end

  test "reports 503 when the database does not answer" do
    with_database_down { get health_check_url }

    assert_response :service_unavailable
    assert_equal({ "status" => "unavailable" }, JSON.parse(response.body))
  end

  private

  # Makes ActiveRecord::Base.connection_pool raise for the duration of the block. Written
  # out rather than Minitest's `stub`, which Minitest 6 moved into a separate gem.
  def with_database_down
    ActiveRecord::Base.define_singleton_method(:connection_pool) do
      raise ActiveRecord::ConnectionNotEstablished, "database is down"
    end
    yield
  ensure
    ActiveRecord::Base.singleton_class.remove_method(:connection_pool)
  end
end
