// `create-backend add resource` in a Rails project, in-process: the files it writes, the
// edits of config/routes.rb, config/openapi.yml and db/schema.rb (as `bin/rails
// db:migrate` would dump it), a second resource beside the first, and every refusal
// writing nothing. The smoke test (test/smoke/rails.add-checks.ts) runs what it writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodePlop from 'node-plop';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { railsPlural } from '../../generators/rails/inflection.js';
import { nextMigrationNumber } from '../../generators/rails/resource.js';
import { add, generate, snapshot } from './add-helpers.js';

const generateRails = (options: Record<string, string> = {}) => generate('rails', options);
const filesOf = snapshot;
const addResource = async (dir: string, ...argv: string[]) => (await add(dir, 'resource', ...argv)).out;

const migrationsOf = (files: Record<string, string>) =>
  Object.keys(files)
    .filter((path) => path.startsWith('db/migrate/'))
    .sort();

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-02T07:44:10Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('add resource in a Rails project', () => {
  it('writes the model, migration, serializer, controller, fixtures and tests, and registers them', async () => {
    const dir = await generateRails();
    const before = filesOf(dir);
    const out = await addResource(dir, 'book', '--fields', 'title:string,pages:integer,published:boolean');
    expect(out).toContain('Added the book resource (/api/v1/books)');
    const files = filesOf(dir);
    const added = Object.keys(files).filter((path) => !(path in before));
    expect(added.sort()).toEqual([
      'app/controllers/api/v1/books_controller.rb',
      'app/models/book.rb',
      'app/serializers/book_serializer.rb',
      'db/migrate/20261202074410_create_books.rb',
      'test/controllers/api/v1/books_controller_test.rb',
      'test/fixtures/books.yml',
      'test/models/book_test.rb',
    ]);
    const changed = Object.keys(before).filter((path) => files[path] !== before[path]);
    expect(changed.sort()).toEqual(['config/openapi.yml', 'config/routes.rb', 'db/schema.rb']);

    expect(files['app/models/book.rb']).toContain(
      [
        '  validates :title, presence: true, length: { maximum: 200 }, format: NO_NUL',
        '  validates :pages, numericality: INTEGER',
        '  validates :published, inclusion: { in: [ true, false ] }',
        '  validate :values_as_sent',
      ].join('\n'),
    );
    expect(files['db/migrate/20261202074410_create_books.rb']).toBe(
      [
        'class CreateBooks < ActiveRecord::Migration[7.2]',
        '  def change',
        '    create_table :books do |t|',
        '      t.string :title, null: false',
        '      t.integer :pages, null: false',
        '      t.boolean :published, default: false, null: false',
        '',
        '      t.timestamps',
        '    end',
        '  end',
        'end',
        '',
      ].join('\n'),
    );
    const controller = files['app/controllers/api/v1/books_controller.rb']!;
    for (const line of [
      'class BooksController < ApplicationController',
      'rate_limit to: WRITES_PER_MINUTE, within: 1.minute, only: %i[create update destroy],',
      'before_action :require_api_token, only: %i[create update destroy]',
      'books, meta = paginate(Book.newest_first)',
      'render json: Rails.cache.fetch(@book) { BookSerializer.new(@book).to_json }',
      'attributes.permit(:title, :pages, :published)',
    ])
      expect(controller).toContain(line);
    expect(files['config/routes.rb']).toContain('      resources :articles, param: :slug\n      resources :books\n');
    expect(files['db/schema.rb']).toContain('ActiveRecord::Schema[7.2].define(version: 2026_12_02_074410) do');
    expect(files['db/schema.rb']).toMatch(
      / {2}end\n\n {2}create_table "books", force: :cascade do \|t\|\n {4}t\.string "title", null: false\n {4}t\.integer "pages", null: false\n {4}t\.boolean "published", default: false, null: false\n {4}t\.datetime "created_at", null: false\n {4}t\.datetime "updated_at", null: false\n {2}end\nend\n$/,
    );
    const openapi = files['config/openapi.yml']!;
    expect(openapi).toMatch(/\n {2}\/api\/v1\/books:\n[\s\S]*\n {2}\/api\/v1\/books\/\{id\}:\n[\s\S]*\ncomponents:\n/);
    expect(openapi).toContain('      required: [ id, title, pages, published, path, created_at, updated_at ]');
    expect(openapi).toMatch(/ {4}BookList:\n[\s\S]*\n {4}Error:\n/);
    // a create must send what has no default; a change sends what it changes
    expect(openapi).toContain('        - required: [ title, pages ]\n');
    expect(openapi).toContain('                book: { $ref: "#/components/schemas/NewBook" }');
    // nothing of Handlebars' HTML escaping reaches the code
    expect(added.concat(changed).filter((path) => /&#x27;|&quot;|&amp;|&lt;|&gt;/.test(files[path]!))).toEqual([]);
  });

  it('maps all seven field types, required and optional, to columns, validations and schemas', async () => {
    const dir = await generateRails();
    await addResource(
      dir,
      'line_item',
      '--fields',
      'label:string,notes:text?,quantity:integer?,price:decimal,gift:boolean?,ships_on:date,seen_at:datetime?',
    );
    const files = filesOf(dir);
    expect(files['db/schema.rb']).toContain(
      [
        '  create_table "line_items", force: :cascade do |t|',
        '    t.string "label", null: false',
        '    t.text "notes"',
        '    t.integer "quantity"',
        '    t.decimal "price", precision: 12, scale: 2, null: false',
        '    t.boolean "gift"',
        '    t.date "ships_on", null: false',
        '    t.datetime "seen_at"',
      ].join('\n'),
    );
    const model = files['app/models/line_item.rb']!;
    expect(model).toContain('class LineItem < ApplicationRecord');
    expect(model).toContain('  validates :quantity, numericality: INTEGER, allow_nil: true\n');
    expect(model).toContain('  validates :price, numericality: DECIMAL\n');
    expect(model).not.toContain('validates :gift');
    expect(model).toContain(
      '  AS_SENT = { quantity: WHOLE_NUMBER, price: EXACT_DECIMAL, gift: TRUE_OR_FALSE, ships_on: ISO_DATE, seen_at: ISO_TIME }.freeze',
    );
    expect(files['app/serializers/line_item_serializer.rb']).toContain(
      'price: ActiveSupport::NumberHelper.number_to_rounded(@line_item.price, precision: 2),',
    );
    const openapi = files['config/openapi.yml']!;
    expect(openapi).toContain('        notes: { type: [ string, "null" ] }');
    expect(openapi).toContain('        price: { type: string, pattern: "^-?[0-9]{1,10}[.][0-9]{2}$" }');
    expect(openapi).toContain('        seen_at: { type: [ string, "null" ], format: date-time }');
    expect(openapi).toContain('  /api/v1/line_items/{id}:');
    expect(files['config/routes.rb']).toContain('      resources :line_items\n');
    expect(files['test/controllers/api/v1/line_items_controller_test.rb']).toContain(
      'class LineItemsControllerTest < ActionDispatch::IntegrationTest',
    );
  });

  it('lands a second resource beside the first: its route, its table in name order, a later migration', async () => {
    const dir = await generateRails();
    await addResource(dir, 'book', '--fields', 'title:string');
    // added in the same second: Rails' generators take one past the newest migration
    const out = await addResource(dir, 'author', '--fields', 'name:string');
    expect(out).toContain('Added the author resource (/api/v1/authors)');
    const files = filesOf(dir);
    expect(migrationsOf(files)).toEqual([
      'db/migrate/20250101000000_create_articles.rb',
      'db/migrate/20250101000001_create_api_tokens.rb',
      'db/migrate/20261202074410_create_books.rb',
      'db/migrate/20261202074411_create_authors.rb',
    ]);
    expect(files['db/schema.rb']).toContain('define(version: 2026_12_02_074411)');
    const tables = [...files['db/schema.rb']!.matchAll(/create_table "(\w+)"/g)].map((match) => match[1]);
    expect(tables).toEqual(['api_tokens', 'articles', 'authors', 'books']);
    expect(files['db/schema.rb']).toContain('  end\n\n  create_table "authors"');
    expect(files['db/schema.rb']).toContain('  end\n\n  create_table "books"');
    expect(files['config/routes.rb']).toContain(
      '      resources :articles, param: :slug\n      resources :authors\n      resources :books\n',
    );
    const openapi = files['config/openapi.yml']!;
    expect(openapi.indexOf('  /api/v1/books:')).toBeLessThan(openapi.indexOf('  /api/v1/authors:'));
    expect(openapi).toContain('      summary: Create an author\n');
    expect(openapi).toContain('requestBody: &author_input');
    expect(openapi).toContain('requestBody: &book_input');
  });

  it('adds the table after the extension line in a PostgreSQL project', async () => {
    const dir = await generateRails({ db: 'postgres', cache: 'redis' });
    await addResource(dir, 'book', '--fields', 'title:string');
    expect(filesOf(dir)['db/schema.rb']).toMatch(
      /enable_extension "plpgsql"\n\n {2}create_table "api_tokens"[\s\S]*create_table "articles"[\s\S]*\n {2}end\n\n {2}create_table "books"[\s\S]*\n {2}end\nend\n$/,
    );
  });

  it('prints the files and the edits with --dry-run, writing nothing', async () => {
    const dir = await generateRails();
    const before = filesOf(dir);
    const out = await addResource(dir, 'book', '--fields', 'title:string', '--dry-run');
    expect(out).toContain('  create  db/migrate/20261202074410_create_books.rb');
    expect(out).toContain('  append  config/routes.rb');
    expect(out).toContain('      |       resources :books');
    expect(out).toContain('      |   create_table "books", force: :cascade do |t|');
    expect(out).toContain('      | …2026_12_02_074410\n');
    expect(out).toContain('nothing written');
    expect(filesOf(dir)).toEqual(before);
  });

  it.each([
    [['article', '--fields', 'title:string'], /reserved: "article" is the starter’s own resource/],
    [['api_token', '--fields', 'name:string'], /reserved: "api_token"/],
    [['date', '--fields', 'day:string'], /reserved: "date" is Date, a Ruby core/],
    [
      ['pagination', '--fields', 'page:integer'],
      /reserved: "pagination" is Pagination, a constant of the generated app/,
    ],
    [['transaction', '--fields', 'amount:decimal'], /reserved: "transaction" is ActiveRecord::Transaction/],
    [['unless', '--fields', 'title:string'], /reserved: "unless" is a Ruby keyword/],
    [['book', '--fields', 'attribute:string'], /"attribute" is reserved: it is a method Active Record defines/],
    [['book', '--fields', 'errors:text'], /"errors" is reserved: it is a method Active Record defines/],
    [['book', '--fields', 'lock_version:integer'], /"lock_version" is reserved: it is the column Active Record uses/],
    [['book', '--fields', 'path:string'], /"path" is reserved: it is the URL the serializer adds/],
    [['book', '--fields', 'ensure:boolean'], /"ensure" is reserved: it is a Ruby keyword/],
    [['book', '--fields', 'title:string,book:string'], /"book" is reserved: it is the key of the book a client sends/],
  ])('refuses %j, writing nothing', async (argv, message) => {
    const dir = await generateRails();
    const before = filesOf(dir);
    await expect(addResource(dir, ...argv)).rejects.toThrow(message);
    expect(filesOf(dir)).toEqual(before);
  });

  it.each([
    [
      'config/routes.rb',
      'resources :articles, param: :slug',
      'resources :posts',
      /config\/routes\.rb no longer has the line/,
    ],
    ['db/schema.rb', 'define(version: 2025_01_01_000001)', 'define', /db\/schema\.rb no longer has the line/],
    ['config/openapi.yml', '\ncomponents:\n', '\n', /config\/openapi\.yml no longer has the line/],
  ])('refuses when %s lost its anchor (%s), writing nothing', async (path, from, to, message) => {
    const dir = await generateRails();
    writeFileSync(join(dir, path), readFileSync(join(dir, path), 'utf8').replace(from, to));
    const before = filesOf(dir);
    await expect(addResource(dir, 'book', '--fields', 'title:string')).rejects.toThrow(message);
    expect(filesOf(dir)).toEqual(before);
  });

  it('refuses a resource whose table a migration or db/schema.rb creates already, writing nothing', async () => {
    const dir = await generateRails();
    writeFileSync(join(dir, 'db/migrate/20250601000000_create_books.rb'), 'class CreateBooks; end\n');
    await expect(addResource(dir, 'book', '--fields', 'title:string')).rejects.toThrow(
      /^The table books exists already \(db\/migrate\/20250601000000_create_books\.rb\)\. Nothing was written\.$/,
    );
    const other = await generateRails();
    const schema = join(other, 'db/schema.rb');
    writeFileSync(schema, readFileSync(schema, 'utf8').replace('  create_table "articles"', '  create_table "books"'));
    const before = filesOf(other);
    await expect(addResource(other, 'book', '--fields', 'title:string')).rejects.toThrow(/\(db\/schema\.rb\)/);
    expect(filesOf(other)).toEqual(before);
  });

  it('names the table, routes and files with the plural Rails gives the model (person: people)', async () => {
    const dir = await generateRails();
    const out = await addResource(dir, 'person', '--fields', 'name:string');
    expect(out).toContain('Added the person resource (/api/v1/people)');
    const files = filesOf(dir);
    expect(files['app/controllers/api/v1/people_controller.rb']).toContain(
      'class PeopleController < ApplicationController',
    );
    expect(files['db/migrate/20261202074410_create_people.rb']).toContain(
      'class CreatePeople < ActiveRecord::Migration[7.2]',
    );
    expect(files['db/schema.rb']).toContain('create_table "people"');
    expect(files['config/routes.rb']).toContain('      resources :people\n');
    expect(files['test/fixtures/people.yml']).toBeDefined();
    await expect(addResource(dir, 'equipment', '--fields', 'name:string')).rejects.toThrow(/no plural in Rails/);
  });

  it('refuses a resource that exists already, writing nothing', async () => {
    const dir = await generateRails();
    await addResource(dir, 'book', '--fields', 'title:string');
    const before = filesOf(dir);
    await expect(addResource(dir, 'book', '--fields', 'title:string')).rejects.toThrow(
      /The resource "book" exists already \(app\/models\/book\.rb, .*\)\. Nothing was written\.$/,
    );
    expect(filesOf(dir)).toEqual(before);
  });
});

describe('plain plop', () => {
  it('runs the same generator as add (npm run plop -- --dest <project> rails:resource)', async () => {
    const viaPlop = await generateRails();
    const plop = await nodePlop(join(import.meta.dirname, '../../dist/generators/plopfile.js'), {
      destBasePath: viaPlop,
      force: false,
    });
    const result = await plop.getGenerator('rails:resource').runActions({ name: 'book', fields: 'title:string' });
    expect(result.failures).toEqual([]);
    const viaAdd = await generateRails();
    await addResource(viaAdd, 'book', '--fields', 'title:string');
    expect(filesOf(viaPlop)).toEqual(filesOf(viaAdd));
  });
});

describe('nextMigrationNumber', () => {
  const now = new Date('2026-12-02T07:44:10Z');
  it('is the current UTC time when that is later than every migration', () => {
    expect(nextMigrationNumber(['20250101000001_create_api_tokens.rb'], now)).toBe('20261202074410');
  });
  it('is one second past the newest migration when that is not earlier, across a minute and a day', () => {
    expect(nextMigrationNumber(['20261202074410_create_books.rb'], now)).toBe('20261202074411');
    expect(nextMigrationNumber(['20261231235959_create_books.rb'], now)).toBe('20270101000000');
  });
});

describe('railsPlural', () => {
  // `ruby -ractive_support/core_ext/string -e 'puts ARGV.map { |w| [w, w.pluralize].join("=") }'` with Rails 7.2.4
  const RAILS_SAYS = [
    'book=books',
    'person=people',
    'line_item=line_items',
    'category=categories',
    'box=boxes',
    'match=matches',
    'day=days',
    'child=children',
    'salesperson=salespeople',
    'wife=wives',
    'leaf=leafs',
    'half=halves',
    'hero=heros',
    'tomato=tomatoes',
    'bus=buses',
    'status=statuses',
    'alias=aliases',
    'quiz=quizzes',
    'mouse=mice',
    'ox=oxen',
    'matrix=matrices',
    'vertex=vertices',
    'index=indices',
    'datum=data',
    'medium=media',
    'axis=axes',
    'analysis=analyses',
    'crisis=crises',
    'octopus=octopi',
    'virus=viri',
    'hive=hives',
    'archive=archives',
    'safe=saves',
    'cafe=caves',
    'zombie=zombies',
    'move=moves',
    'man=men',
    'woman=women',
    'sex=sexes',
    'shoe=shoes',
    'fish=fish',
    'equipment=equipment',
    'money=money',
    'news=news',
    'series=series',
    'sheep=sheep',
    'day_of_week=day_of_weeks',
    'key=keys',
    'toy=toys',
  ];
  it.each(RAILS_SAYS.map((pair) => pair.split('=')))('pluralizes %s as Rails does: %s', (singular, plural) => {
    expect(railsPlural(singular!) ?? singular).toBe(plural);
  });
  it('has no plural for the words Rails counts as uncountable', () => {
    expect(['equipment', 'money', 'sheep', 'series'].map(railsPlural)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
