require "active_support/core_ext/integer/time"

# The test environment is used exclusively to run your application's
# test suite. You never need to work with it otherwise. Remember that
# your test database is "scratch space" for the test suite and is wiped
# and recreated between test runs. Don't rely on the data there!

Rails.application.configure do
  # Settings specified here will take precedence over those in config/application.rb.

  config.cache_classes = true

  # Do not eager load code on boot. This avoids loading your whole application
  # just for the purpose of running a single test. If you are using a tool that
  # preloads Rails for running tests, you may have to set it to true.
  config.eager_load = ENV["CI"].present?

  # Show full error reports. Rails.cache keeps the store of config/application.rb, so
  # the tests exercise the cache the app really uses.
  config.consider_all_requests_local = true
  config.action_controller.perform_caching = false

  # Raise exceptions the application does not rescue itself instead of rendering
  # error pages (Rails 7.1 replaced `false` with :rescuable).
  config.action_dispatch.show_exceptions = Rails.gem_version >= Gem::Version.new("7.1") ? :rescuable : false

  # Print deprecation notices to the stderr.
  config.active_support.deprecation = :stderr

  # Raise exceptions for disallowed deprecations.
  config.active_support.disallowed_deprecation = :raise

  # Tell Active Support which deprecation messages to disallow.
  config.active_support.disallowed_deprecation_warnings = []

  # The tests use this origin, whatever CORS_ORIGINS says in .env.
  config.x.cors_origins = ["https://frontend.example"]

  # Raises error for missing translations.
  # config.i18n.raise_on_missing_translations = true
end
