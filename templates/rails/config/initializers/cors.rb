# Be sure to restart your server when you modify this file.

# Cross-Origin Resource Sharing: lets the browser front ends listed in CORS_ORIGINS
# (config.x.cors_origins, see config/application.rb) call the API. Preflight requests
# are answered here, before they reach the router.
#
# Read more: https://github.com/cyu/rack-cors
allowed_origins = Rails.application.config.x.cors_origins

if allowed_origins.any?
  Rails.application.config.middleware.insert_before 0, Rack::Cors do
    allow do
      origins(*allowed_origins)

      resource "/api/*",
        headers: :any,
        methods: [ :get, :post, :put, :patch, :delete, :options, :head ],
        expose: [ "Link", "X-Total-Count" ],
        max_age: 600

      # The API's description, for Swagger UI or a client generator on those origins.
      resource "/openapi.json", headers: :any, methods: [ :get, :options, :head ], max_age: 600
    end
  end
end
