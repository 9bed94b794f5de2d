# Holds every integration test's response to config/openapi.yml: a request to a
# documented operation must answer a documented status, with a documented media type and
# a body that matches the schema. So the document stays true as the API changes.
#
# The schema check covers the JSON Schema keywords the document uses: $ref, type,
# enum, required, properties, additionalProperties, items, pattern, minLength,
# maxLength, minimum, maximum and format date-time.
module OpenapiConformance
  module_function

  def document
    OpenapiController.document
  end

  # [path template, operation] for a request, or nil when the document does not describe it.
  def operation_for(method, path)
    document["paths"].each do |template, item|
      pattern = Regexp.new("\\A#{Regexp.escape(template).gsub(/\\\{\w+\\\}/, '[^/]+')}\\z")
      operation = item[method.downcase]
      return [ template, operation ] if operation && pattern.match?(path)
    end
    nil
  end

  # Problems with a response to `method path`, as sentences; empty when it conforms.
  def problems(method, path, status, media_type, body)
    template, operation = operation_for(method, path)
    return [] unless operation

    described = operation["responses"][status.to_s] || operation["responses"]["default"]
    return [ "#{method} #{template} answered #{status}, which the document does not list" ] unless described

    described = resolve(described)
    content = described["content"]
    return (body.blank? ? [] : [ "#{method} #{template} #{status}: a body where the document has none" ]) unless content

    schema = content.dig(media_type.to_s, "schema")
    return [ "#{method} #{template} #{status}: #{media_type.inspect} is not a documented media type" ] unless schema

    data = JSON.parse(body)
    schema_errors(schema, data, "body").map { |error| "#{method} #{template} #{status}: #{error}" }
  rescue JSON::ParserError
    [ "#{method} #{template} #{status}: the body is not JSON" ]
  end

  def resolve(node)
    return node unless node.is_a?(Hash) && node.key?("$ref")

    resolve(node["$ref"].delete_prefix("#/").split("/").reduce(document) { |tree, key| tree.fetch(key) })
  end

  def schema_errors(schema, value, where)
    schema = resolve(schema)
    errors = []
    if (types = schema["type"]) && Array(types).none? { |type| type_matches?(type, value) }
      return [ "#{where} should be #{Array(types).join(' or ')}, is #{value.inspect}" ]
    end

    errors << "#{where} should be one of #{schema['enum'].inspect}" if schema["enum"] && !schema["enum"].include?(value)
    case value
    when Hash then errors.concat(object_errors(schema, value, where))
    when Array then value.each_with_index { |item, index| errors.concat(schema_errors(schema["items"], item, "#{where}[#{index}]")) } if schema["items"]
    when String then errors.concat(string_errors(schema, value, where))
    when Numeric then errors.concat(number_errors(schema, value, where))
    end
    errors
  end

  def type_matches?(type, value)
    case type
    when "object" then value.is_a?(Hash)
    when "array" then value.is_a?(Array)
    when "string" then value.is_a?(String)
    when "integer" then value.is_a?(Integer)
    when "number" then value.is_a?(Numeric)
    when "boolean" then value == true || value == false
    when "null" then value.nil?
    end
  end

  def object_errors(schema, value, where)
    properties = schema.fetch("properties", {})
    errors = Array(schema["required"]).reject { |key| value.key?(key) }.map { |key| "#{where} lacks #{key}" }
    value.each do |key, item|
      if properties.key?(key)
        errors.concat(schema_errors(properties[key], item, "#{where}.#{key}"))
      elsif schema["additionalProperties"] == false
        errors << "#{where} has #{key}, which the document does not describe"
      elsif schema["additionalProperties"].is_a?(Hash)
        errors.concat(schema_errors(schema["additionalProperties"], item, "#{where}.#{key}"))
      end
    end
    errors
  end

  def string_errors(schema, value, where)
    errors = []
    errors << "#{where} #{value.inspect} does not match #{schema['pattern']}" if schema["pattern"] && !Regexp.new(schema["pattern"]).match?(value)
    errors << "#{where} is shorter than #{schema['minLength']}" if schema["minLength"] && value.length < schema["minLength"]
    errors << "#{where} is longer than #{schema['maxLength']}" if schema["maxLength"] && value.length > schema["maxLength"]
    errors << "#{where} #{value.inspect} is not a date-time" if schema["format"] == "date-time" && !date_time?(value)
    errors
  end

  def number_errors(schema, value, where)
    errors = []
    errors << "#{where} is below #{schema['minimum']}" if schema["minimum"] && value < schema["minimum"]
    errors << "#{where} is above #{schema['maximum']}" if schema["maximum"] && value > schema["maximum"]
    errors
  end

  def date_time?(value)
    Time.iso8601(value)
    true
  rescue ArgumentError
    false
  end

  # Checks the response of every request an integration test makes.
  module CheckEveryResponse
    def process(method, path, **)
      status = super
      problems = OpenapiConformance.problems(request.method, request.path, response.status, response.media_type, response.body)
      raise Minitest::Assertion, "The response breaks config/openapi.yml:\n#{problems.join("\n")}" if problems.any?

      status
    end
  end
end

ActionDispatch::Integration::Session.prepend(OpenapiConformance::CheckEveryResponse)
