# Rack middleware that answers 413 JSON for a request body above `max_bytes`, before
# anything parses it: by its Content-Length, or by the size of a body sent without one
# (chunked), which Puma has already buffered.
class RequestBodyLimit
  def initialize(app, max_bytes:)
    @app = app
    @max_bytes = max_bytes
  end

  def call(env)
    return too_large if body_size(env) > @max_bytes

    @app.call(env)
  end

  private

  def body_size(env)
    length = env["CONTENT_LENGTH"]
    return length.to_i if length.present?

    input = env["rack.input"]
    input.respond_to?(:size) ? input.size.to_i : 0
  end

  def too_large
    body = { error: "Request body is larger than #{@max_bytes} bytes" }.to_json
    [ 413, { "content-type" => "application/json; charset=utf-8" }, [ body ] ]
  end
end
