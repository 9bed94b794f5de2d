require "active_support/core_ext/integer/time"

Rails.application.configure do
  # Settings specified here will take precedence over those in config/application.rb.

  # Code is not reloaded between requests.
  config.cache_classes = true

  # Eager load code on boot. This eager loads most of Rails and
  # your application in memory, allowing both threaded web servers
  # and those relying on copy on write to perform better.
  # Rake tasks automatically ignore this option for performance.
  config.eager_load = true

  # Full error reports are disabled: clients get a short JSON error, the log gets the rest.
  config.consider_all_requests_local = false
  config.action_controller.perform_caching = true

  # Secrets come from the environment, not encrypted credentials: Rails reads
  # SECRET_KEY_BASE from ENV. Without it every request would fail, so refuse to boot.
  if ENV["SECRET_KEY_BASE"].blank?
    abort "SECRET_KEY_BASE is not set. Generate one with `bin/rails secret` and set it in the environment."
  end

  # Disable serving static files from the `/public` folder by default since
  # Apache or NGINX already handles this.
  config.public_file_server.enabled = ENV["RAILS_SERVE_STATIC_FILES"].present?

  # Force all access to the app over SSL, use Strict-Transport-Security, and use secure
  # cookies. Set FORCE_SSL=false only when nothing in front of the app terminates TLS.
  # The health check stays reachable over plain HTTP for load balancers.
  config.force_ssl = ENV.fetch("FORCE_SSL", "true") != "false"
  config.ssl_options = { redirect: { exclude: ->(request) { request.path == "/up" } } }

  # Include generic and useful information about system operation, but avoid logging too much
  # information to avoid inadvertent exposure of personally identifiable information (PII).
  config.log_level = ENV.fetch("RAILS_LOG_LEVEL", "info").to_sym

  # Prepend all log lines with the following tags.
  config.log_tags = [:request_id]

  # Use a real queuing backend for Active Job (and separate queues per environment).
  # config.active_job.queue_adapter = :resque

  # Enable locale fallbacks for I18n (makes lookups for any locale fall back to
  # the I18n.default_locale when a translation cannot be found).
  config.i18n.fallbacks = true

  # Send deprecation notices to registered listeners.
  config.active_support.deprecation = :notify

  # Log disallowed deprecations.
  config.active_support.disallowed_deprecation = :log

  # Tell Active Support which deprecation messages to disallow.
  config.active_support.disallowed_deprecation_warnings = []

  # Use default logging formatter so that PID and timestamp are not suppressed.
  config.log_formatter = ::Logger::Formatter.new

  # Containers and most platforms collect logs from standard output.
  if ENV["RAILS_LOG_TO_STDOUT"].present?
    logger           = ActiveSupport::Logger.new($stdout)
    logger.formatter = config.log_formatter
    config.logger    = ActiveSupport::TaggedLogging.new(logger)
  end

  # Do not dump schema after migrations.
  config.active_record.dump_schema_after_migration = false
end
