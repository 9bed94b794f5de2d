class ApplicationController < ActionController::API
  # Errors clients can cause become JSON with the matching status; anything else is a
  # bug and goes to Rails' own error handling (a detailed JSON report in development).
  rescue_from ActiveRecord::RecordNotFound, with: :render_not_found
  rescue_from ActionController::ParameterMissing, with: :render_bad_request

  private

  def render_not_found(error)
    render json: { error: "#{error.model || 'Record'} not found" }, status: :not_found
  end

  def render_bad_request(error)
    render json: { error: error.message }, status: :bad_request
  end

  # 422 with every message per attribute: {"errors": {"title": ["can't be blank"]}}.
  def render_validation_errors(record)
    render json: { errors: record.errors }, status: 422
  end
end
