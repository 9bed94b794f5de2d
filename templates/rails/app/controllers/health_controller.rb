# GET /up: 200 when the application boots and its database answers, 503 otherwise.
# Load balancers and uptime monitors poll it; it stays out of the versioned API.
class HealthController < ApplicationController
  def show
    ActiveRecord::Base.connection_pool.with_connection { |connection| connection.select_value("SELECT 1") }
    render json: { status: "ok" }
  rescue StandardError => error
    logger.error("Health check failed: #{error.class}: #{error.message}")
    render json: { status: "unavailable" }, status: :service_unavailable
  end
end
