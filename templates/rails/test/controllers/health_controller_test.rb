require "test_helper"

class HealthControllerTest < ActionDispatch::IntegrationTest
  test "reports ok when the database answers" do
    get health_check_url

    assert_response :ok
    assert_equal({ "status" => "ok" }, JSON.parse(response.body))
  end

  test "reports 503 when the database does not answer" do
    ActiveRecord::Base.stub(:connection_pool, -> { raise ActiveRecord::ConnectionNotEstablished, "database is down" }) do
      get health_check_url
    end

    assert_response :service_unavailable
    assert_equal({ "status" => "unavailable" }, JSON.parse(response.body))
  end
end
