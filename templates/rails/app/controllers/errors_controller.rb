# Renders the errors Rails handles itself (config.exceptions_app in
# config/application.rb): unknown routes, malformed requests and exceptions nothing
# rescued. Clients get the status and its name as JSON; the details stay in the log.
class ErrorsController < ActionController::API
  def show
    status = request.path_info.delete_prefix("/").to_i
    status = 500 unless status.between?(400, 599)

    render json: { error: Rack::Utils::HTTP_STATUS_CODES.fetch(status, "Error") }, status: status
  end
end
