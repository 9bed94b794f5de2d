namespace :articles do
  desc "Rebuild every article's slug from its title (old slug URLs stop working)"
  task reslug: :environment do
    changed = 0

    Article.find_each do |article|
      old_slug = article.slug
      article.regenerate_slug
      next if article.slug == old_slug

      # A title can map to the slug another article still holds; the next free one is
      # taken then, and a later article's rename may free the plain one again.
      article.save!
      changed += 1
      puts "#{old_slug} -> #{article.slug}"
    end

    puts "#{changed} of #{Article.count} slugs changed"
  end
end
