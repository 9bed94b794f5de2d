ENV["BUNDLE_GEMFILE"] ||= File.expand_path("../Gemfile", __dir__)

require "bundler/setup" # Set up gems listed in the Gemfile.
require "bootsnap/setup" # Speed up boot time by caching expensive operations.

# Local settings from .env (git-ignored); variables already set in the environment win,
# so production takes its values from the real environment.
require_relative "../lib/env_file"
EnvFile.load(File.expand_path("../.env", __dir__))
