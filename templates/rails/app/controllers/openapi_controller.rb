# GET /openapi.json: the OpenAPI 3.1 description of the API, from config/openapi.yml.
class OpenapiController < ApplicationController
  def self.document
    @document ||= YAML.safe_load_file(Rails.root.join("config/openapi.yml"), aliases: true).freeze
  end

  def show
    expires_in 1.hour, public: true
    render json: self.class.document
  end
end
