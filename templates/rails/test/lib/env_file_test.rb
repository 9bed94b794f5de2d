require "test_helper"
require "tempfile"

class EnvFileTest < ActiveSupport::TestCase
  test "parses KEY=value lines, quotes, export prefixes and comments" do
    text = <<~ENV
      # a comment
      PLAIN=value
      export EXPORTED=yes
      SPACED = around # trailing comment
      DOUBLE="two words # not a comment"
      SINGLE='$literal'
      NEWLINE="a\\nb"
      EMPTY=
      not a setting
    ENV

    assert_equal(
      {
        "PLAIN" => "value", "EXPORTED" => "yes", "SPACED" => "around",
        "DOUBLE" => "two words # not a comment", "SINGLE" => "$literal", "NEWLINE" => "a\nb", "EMPTY" => ""
      },
      EnvFile.parse(text)
    )
  end

  test "loads a file without overriding variables that are already set" do
    env = { "KEPT" => "from the environment" }

    Tempfile.create("env") do |file|
      file.write("KEPT=from the file\nADDED=from the file\n")
      file.flush
      EnvFile.load(file.path, env: env)
    end

    assert_equal({ "KEPT" => "from the environment", "ADDED" => "from the file" }, env)
  end

  test "ignores a missing file" do
    env = {}
    assert_equal({}, EnvFile.load("/nonexistent/.env", env: env))
    assert_empty env
  end
end
