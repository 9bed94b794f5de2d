namespace :api_tokens do
  desc 'Issue an API token for writes and print it once: bin/rails "api_tokens:create[deploy bot]"'
  task :create, [ :name ] => :environment do |_task, args|
    name = args[:name].presence || abort('Name the token: bin/rails "api_tokens:create[deploy bot]"')
    api_token, token = ApiToken.issue!(name: name)

    puts "API token ##{api_token.id} (#{api_token.name}); it is shown only now:"
    puts token
  end

  desc "List API tokens (never the tokens themselves)"
  task list: :environment do
    ApiToken.order(:id).each do |api_token|
      state = api_token.revoked? ? "revoked #{api_token.revoked_at.iso8601}" : "active"
      last_used = api_token.last_used_at&.iso8601 || "never"
      puts "##{api_token.id}  #{api_token.name}  #{state}  last used #{last_used}"
    end
  end

  desc "Revoke an API token by its number: bin/rails \"api_tokens:revoke[3]\""
  task :revoke, [ :id ] => :environment do |_task, args|
    api_token = ApiToken.find_by(id: args[:id]) || abort("No API token ##{args[:id]}")
    api_token.revoke!
    puts "API token ##{api_token.id} (#{api_token.name}) revoked"
  end
end
