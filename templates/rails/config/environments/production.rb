require "active_support/core_ext/integer/time"

Rails.application.configure do
  # Settings specified here will take precedence over those in config/application.rb.

  # Code is not reloaded between requests.
  config.enable_reloading = false

  # Eager load code on boot for better performance and memory savings (ignored by Rake tasks).
  config.eager_load = true

  # Full error reports are disabled: clients get a short JSON error, the log gets the rest.
  config.consider_all_requests_local = false
  config.action_controller.perform_caching = true

  # Secrets come from the environment, not encrypted credentials: Rails reads
  # SECRET_KEY_BASE from ENV. Without it every request would fail, so refuse to boot.
  if ENV["SECRET_KEY_BASE"].blank?
    abort "SECRET_KEY_BASE is not set. Generate one with `bin/rails secret` and set it in the environment."
  end

  # As Rails 8 generates it for an app behind a TLS-terminating reverse proxy: assume
  # every request reached the proxy over HTTPS (URLs are https://), and send
  # Strict-Transport-Security with every response (force_ssl; cookies would be Secure).
  # Set FORCE_SSL=false only where the app really is served over plain HTTP (compose.yaml
  # on localhost).
  config.assume_ssl = ENV.fetch("FORCE_SSL", "true") != "false"
  config.force_ssl = config.assume_ssl

  # Log to STDOUT with the current request id as a default log tag.
  config.log_tags = [ :request_id ]
  config.logger = ActiveSupport::Logger.new($stdout)
    .tap { |logger| logger.formatter = ::Logger::Formatter.new }
    .then { |logger| ActiveSupport::TaggedLogging.new(logger) }

  # "info" keeps parameters and SQL out of the log; "debug" logs everything (including
  # potentially personally-identifiable information!).
  config.log_level = ENV.fetch("RAILS_LOG_LEVEL", "info")

  # Don't log any deprecations.
  config.active_support.report_deprecations = false

  # Jobs run in a thread pool of the web process. That is enough for CacheArticleJob,
  # whose loss on a restart costs one uncached read; for jobs that must not be lost use
  # a durable backend such as Solid Queue (`gem "solid_queue"`, Rails 8's default).
  config.active_job.queue_adapter = :async

  # Enable locale fallbacks for I18n (makes lookups for any locale fall back to
  # the I18n.default_locale when a translation cannot be found).
  config.i18n.fallbacks = true

  # Do not dump schema after migrations.
  config.active_record.dump_schema_after_migration = false

  # Only use :id for inspections in production.
  config.active_record.attributes_for_inspect = [ :id ]
end
