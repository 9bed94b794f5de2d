require "active_support/core_ext/integer/time"

Rails.application.configure do
  # Settings specified here will take precedence over those in config/application.rb.

  # Make code changes take effect immediately without server restart.
  config.enable_reloading = true

  # Do not eager load code on boot.
  config.eager_load = false

  # Show full error reports: in API mode, as JSON with the exception and its backtrace.
  config.consider_all_requests_local = true

  # Enable server timing.
  config.server_timing = true

  # Controller-level caching (etags aside) is off unless `bin/rails dev:cache` toggled it.
  # Rails.cache itself uses the store of config/application.rb in every environment,
  # because the rate limits count in it.
  config.action_controller.perform_caching = Rails.root.join("tmp/caching-dev.txt").exist?

  # Jobs run in a thread pool of this process, right after the request that enqueued them.
  config.active_job.queue_adapter = :async

  # Highlight code that enqueued background job in logs.
  config.active_job.verbose_enqueue_logs = true

  # Print deprecation notices to the Rails logger.
  config.active_support.deprecation = :log

  # Raise an error on page load if there are pending migrations.
  config.active_record.migration_error = :page_load

  # Highlight code that triggered database queries in logs.
  config.active_record.verbose_query_logs = true

  # Raises error for missing translations.
  # config.i18n.raise_on_missing_translations = true

  # Raise error when a before_action's only/except options reference missing actions.
  config.action_controller.raise_on_missing_callback_actions = true
end
