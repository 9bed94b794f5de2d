Rails.application.routes.draw do
  # For details on the DSL available within this file, see https://guides.rubyonrails.org/routing.html

  # Health check for load balancers and uptime monitors: 200 when the app and its
  # database answer, 503 otherwise.
  get "up", to: "health#show", as: :health_check

  # The OpenAPI 3.1 description of everything below (config/openapi.yml).
  get "openapi.json", to: "openapi#show", as: :openapi, format: false

  namespace :api, defaults: { format: :json } do
    namespace :v1 do
      # /api/v1/articles/:slug — articles are addressed by slug, not by id.
      resources :articles, param: :slug
    end
  end
end
