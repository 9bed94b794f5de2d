# Reads a dotenv-style file (KEY=value lines) into ENV without overriding variables that
# are already set. A few lines instead of the dotenv gem, so the app boots with nothing
# beyond Rails, sqlite3, puma and rack-cors installed.
#
# Supported: blank lines, `# comments`, an optional `export ` prefix, values in single
# or double quotes (double-quoted values understand \n), and trailing ` # comments`
# after unquoted values.
module EnvFile
  LINE = /\A\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\z/

  module_function

  def load(path, env: ENV)
    return {} unless File.file?(path)

    parse(File.read(path)).each_with_object({}) do |(key, value), loaded|
      next if env.key?(key)

      env[key] = value
      loaded[key] = value
    end
  end

  def parse(text)
    text.each_line.with_object({}) do |line, pairs|
      match = LINE.match(line.chomp)
      next unless match

      pairs[match[1]] = unquote(match[2].strip)
    end
  end

  def unquote(value)
    case value
    when /\A"(.*)"\z/ then Regexp.last_match(1).gsub('\n', "\n").gsub('\"', '"')
    when /\A'(.*)'\z/ then Regexp.last_match(1)
    else value.sub(/\s+#.*\z/, "")
    end
  end
end
