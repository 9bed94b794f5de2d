# Oversized request bodies answer 413 JSON before Rails parses them (lib/request_body_limit.rb).
Rails.application.config.middleware.use RequestBodyLimit, max_bytes: Rails.application.config.x.max_request_body_bytes
