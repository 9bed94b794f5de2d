class CreateArticles < ActiveRecord::Migration[7.2]
  def change
    create_table :articles do |t|
      t.string :title, null: false
      t.text :body, null: false
      t.string :slug, null: false

      t.timestamps
    end

    # Lookups by slug, and the last word on uniqueness when two saves race.
    add_index :articles, :slug, unique: true
  end
end
