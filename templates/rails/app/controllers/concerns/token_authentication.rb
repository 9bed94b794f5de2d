# Bearer-token authentication for writes: `before_action :require_api_token`.
#
# Clients send `Authorization: Bearer <token>` (or Rails' `Token token="<token>"`); the
# token must belong to an active ApiToken. Anything else answers 401 JSON with a
# `WWW-Authenticate` header, and the same answer for a missing, unknown or revoked
# token, so a client learns nothing about which tokens exist.
module TokenAuthentication
  extend ActiveSupport::Concern
  include ActionController::HttpAuthentication::Token::ControllerMethods

  REALM = "Application".freeze

  included do
    attr_reader :current_api_token
  end

  private

  def require_api_token
    @current_api_token = authenticate_with_http_token { |token, _options| ApiToken.authenticate(token) }
    if current_api_token
      current_api_token.touch_last_used
    else
      response.headers["WWW-Authenticate"] = %(Bearer realm="#{REALM}")
      render json: { error: "A valid API token is required" }, status: :unauthorized
    end
  end
end
