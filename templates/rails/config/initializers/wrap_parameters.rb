# Be sure to restart your server when you modify this file.

# Wrap JSON request bodies in a key named after the controller's model, so clients can
# send `{"title": "..."}` as well as `{"article": {"title": "..."}}`.
ActiveSupport.on_load(:action_controller) do
  wrap_parameters format: [ :json ]
end
