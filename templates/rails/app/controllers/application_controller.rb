class ApplicationController < ActionController::API
  include TokenAuthentication

  # A parameter of the wrong shape or out of range, e.g. {"article": "oops"} where an
  # object belongs, or ?page=abc: answered 400 like a missing one.
  class InvalidParameter < StandardError; end

  # Errors clients can cause become JSON with the matching status; anything else is a
  # bug and goes to Rails' own error handling (a detailed JSON report in development).
  rescue_from ActiveRecord::RecordNotFound, with: :render_not_found
  rescue_from ActionController::ParameterMissing, InvalidParameter, with: :render_bad_request

  private

  def render_error(message, status:)
    render json: { error: message }, status: status
  end

  def render_not_found(error)
    render_error("#{error.model || 'Record'} not found", status: :not_found)
  end

  def render_bad_request(error)
    render_error(error.message, status: :bad_request)
  end

  # 422 with every message per attribute: {"errors": {"title": ["can't be blank"]}}.
  def render_validation_errors(record)
    render json: { errors: record.errors }, status: 422
  end

  def render_too_many_requests
    response.headers["Retry-After"] = "60"
    render_error("Too many requests, try again later", status: :too_many_requests)
  end
end
