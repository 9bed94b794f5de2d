# Renders the errors Rails handles itself (config.exceptions_app in
# config/application.rb): unknown routes, malformed requests and exceptions nothing
# rescued. Clients get the status and its name as JSON; the details stay in the log.
class ErrorsController < ActionController::API
  # What a request's parameters are read from, and where Rack and Rails keep them parsed.
  PARAMETER_KEYS = %w[
    CONTENT_TYPE CONTENT_LENGTH
    action_dispatch.request.parameters action_dispatch.request.path_parameters
    action_dispatch.request.query_parameters action_dispatch.request.request_parameters
  ].freeze

  # The failed request without its query string, body and parsed parameters: parameters
  # that could not be parsed (invalid UTF-8, malformed JSON) would raise again while
  # this controller logs them, and Rails would answer a bare 500 instead of the 400.
  def self.call_without_parameters(env)
    env = env.reject { |key, _| key.start_with?("rack.request.") || PARAMETER_KEYS.include?(key) }
    action(:show).call(env.merge("QUERY_STRING" => "", "rack.input" => StringIO.new))
  end

  def show
    status = request.path_info.delete_prefix("/").to_i
    status = 500 unless status.between?(400, 599)

    render json: { error: Rack::Utils::HTTP_STATUS_CODES.fetch(status, "Error") }, status: status
  end
end
