// `create-backend add resource` in a Laravel project, in-process: the starter planned
// once in memory, and for each test the files `add` reads or edits (its record, the
// routes, the user model, the OpenAPI document, the migrations) written to a fresh
// folder — then `runAdd` there: the files it creates, the edits beside the documents (and
// beside a first resource), the field types, and every refusal writing nothing.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FRAMEWORKS } from '../../generators/index.js';
import { nextMigrationStamp } from '../../generators/laravel/resource.js';
import { runAdd } from '../../src/add/command.js';
import { planProject } from '../../src/plan.js';
import { buildTemplateData } from '../../src/template-data.js';
import { withRecord } from '../../src/update/record.js';
import { tempDir, writeTree } from './helpers.js';

/** What `add resource` reads of a new Laravel project, as the CLI writes it. */
let starter: Record<string, string>;

beforeAll(async () => {
  const laravel = FRAMEWORKS.find((candidate) => candidate.id === 'laravel')!;
  const data = buildTemplateData('shelf', laravel, {});
  const read =
    /^(\.create-backend\.json|routes\/api\.php|app\/Models\/User\.php|resources\/openapi\.json|database\/migrations\/.*)$/;
  starter = Object.fromEntries(
    (await withRecord(await planProject(laravel, data), data))
      .filter((file) => read.test(file.path))
      .map((file) => [file.path, file.contents.toString()]),
  );
});

/** A fresh folder holding those files. */
function project(): string {
  const dir = tempDir();
  writeTree(dir, starter);
  return dir;
}

function files(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const path of readdirSync(dir, { recursive: true }) as string[]) {
    const full = join(dir, path);
    if (statSync(full).isFile()) found[relative(dir, full)] = readFileSync(full, 'utf8');
  }
  return found;
}

async function add(dir: string, ...argv: string[]): Promise<string> {
  let out = '';
  await runAdd(argv, { cwd: dir, stdout: { write: (text: string) => (out += text) } });
  return out;
}

const migrationOf = (tree: Record<string, string>, table: string) =>
  Object.keys(tree).find(
    (path) => path.startsWith('database/migrations/') && path.endsWith(`_create_${table}_table.php`),
  );

interface OpenApi {
  paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
  components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
}

describe('add resource in a Laravel project', () => {
  it('writes the model, migration, factory, requests, resource, controller and test, and registers them', async () => {
    const dir = project();
    const before = files(dir);
    await add(dir, 'resource', 'book', '--fields', 'title:string,pages:integer,published:boolean');
    const tree = files(dir);
    for (const path of [
      'app/Models/Book.php',
      'database/factories/BookFactory.php',
      'app/Http/Requests/StoreBookRequest.php',
      'app/Http/Requests/UpdateBookRequest.php',
      'app/Http/Resources/BookResource.php',
      'app/Http/Controllers/Api/BookController.php',
      'tests/Feature/BookApiTest.php',
    ])
      expect(tree[path], path).toBeDefined();
    const migration = migrationOf(tree, 'books')!;
    expect(migration).toMatch(/^database\/migrations\/\d{4}_\d{2}_\d{2}_\d{6}_create_books_table\.php$/);
    expect(
      Object.keys(tree)
        .filter((path) => path.startsWith('database/migrations/'))
        .sort()
        .at(-1),
    ).toBe(migration);
    expect(tree[migration]).toContain('return new class extends Migration\n{');
    expect(tree[migration]).toContain("$table->foreignId('user_id')->constrained()->cascadeOnDelete();");
    expect(tree[migration]).toContain("$table->boolean('published')->default(false);");
    // the namespaces stand whole: a backslash before {{ would have swallowed the name
    expect(tree['app/Models/Book.php']).toContain('use Database\\Factories\\BookFactory;');
    expect(tree['tests/Feature/BookApiTest.php']).toContain('use App\\Models\\Book;');
    expect(tree['app/Models/Book.php']).toContain('    protected function casts(): array\n');
    expect(tree['app/Models/Book.php']).toContain("        'published' => false,\n");
    expect(tree['app/Models/Book.php']).not.toContain('$dateFormat');
    expect(tree['app/Http/Requests/StoreBookRequest.php']).toContain(
      "'pages' => ['required', 'integer:strict', 'min:-2147483648', 'max:2147483647'],",
    );
    expect(tree['app/Http/Controllers/Api/BookController.php']).toContain(
      "$request->user()->books()->latest()->latest('id')->paginate(20)",
    );
    expect(tree['tests/Feature/BookApiTest.php']).toContain("#[DataProvider('invalidValues')]");
    expect(tree['routes/api.php']).toContain(
      'use App\\Http\\Controllers\\Api\\BookController;\nuse App\\Http\\Controllers\\Api\\DocumentController;',
    );
    expect(tree['routes/api.php']).toContain(
      "        ->name('documents.show');\n    Route::apiResource('books', BookController::class)->where(['book' => '[0-9]{1,18}']);\n});",
    );
    expect(tree['app/Models/User.php']).toContain(
      '    public function books(): HasMany\n    {\n        return $this->hasMany(Book::class);\n    }\n\n    /**\n     * A new API token',
    );
    const openapi = JSON.parse(tree['resources/openapi.json']!) as OpenApi;
    expect(Object.keys(openapi.paths)).toEqual([
      '/api/documents',
      '/api/documents/{document}',
      '/api/books',
      '/api/books/{book}',
    ]);
    // OpenApiTest reads every key of a path as an operation: the parameters go in each
    expect(Object.keys(openapi.paths['/api/books/{book}']!)).toEqual(['get', 'put', 'patch', 'delete']);
    for (const operation of Object.values(openapi.paths['/api/books/{book}']!))
      expect(operation.parameters?.map((parameter) => parameter.name)).toEqual(['book']);
    expect(openapi.components.schemas.BookInput!.required).toEqual(['title', 'pages']);
    expect(Object.keys(openapi.components.schemas.Book!.properties)).toEqual([
      'id',
      'title',
      'pages',
      'published',
      'created_at',
      'updated_at',
      'links',
    ]);
    const written = Object.keys(tree).filter((path) => before[path] !== tree[path]);
    expect(written.length).toBe(8 + 3);
    expect(written.filter((path) => /&#x27;|&quot;|&amp;|&lt;/.test(tree[path]!))).toEqual([]);
  });

  it('lands a second resource beside the first: imports sorted, routes, relations, paths and migrations in order', async () => {
    const dir = project();
    await add(dir, 'resource', 'book', '--fields', 'title:string');
    await add(dir, 'resource', 'author', '--fields', 'name:string');
    const tree = files(dir);
    expect(tree['routes/api.php']).toMatch(
      /use App\\Http\\Controllers\\Api\\AuthorController;\nuse App\\Http\\Controllers\\Api\\BookController;\nuse App\\Http\\Controllers\\Api\\DocumentController;\n/,
    );
    expect(tree['routes/api.php']).toMatch(/apiResource\('books'.*\n {4}Route::apiResource\('authors'.*\n\}\);/);
    expect(tree['app/Models/User.php']).toMatch(
      /function documents\(\)[\s\S]*function books\(\)[\s\S]*function authors\(\)/,
    );
    const openapi = JSON.parse(tree['resources/openapi.json']!) as OpenApi;
    expect(Object.keys(openapi.paths).slice(2)).toEqual([
      '/api/books',
      '/api/books/{book}',
      '/api/authors',
      '/api/authors/{author}',
    ]);
    expect(Object.keys(openapi.components.schemas)).toEqual(
      expect.arrayContaining(['BookPage', 'AuthorInput', 'AuthorChanges', 'Author', 'Error']),
    );
    expect(migrationOf(tree, 'authors')! > migrationOf(tree, 'books')!).toBe(true);
  });

  it('maps every field type, required and optional', async () => {
    const dir = project();
    await add(
      dir,
      'resource',
      'line_item',
      '--fields',
      'label:string,notes:text?,count:integer?,price:decimal,done:boolean?,due_on:date,starts_at:datetime?',
    );
    const tree = files(dir);
    const migration = tree[migrationOf(tree, 'line_items')!]!;
    for (const column of [
      "$table->string('label', 200);",
      "$table->text('notes')->nullable();",
      "$table->integer('count')->nullable();",
      "$table->decimal('price', 12, 2);",
      "$table->boolean('done')->nullable();",
      "$table->date('due_on');",
      "$table->timestampTz('starts_at')->nullable();",
    ])
      expect(migration).toContain(column);
    const store = tree['app/Http/Requests/StoreLineItemRequest.php']!;
    for (const rule of [
      "'label' => ['required', 'string', 'max:200', 'not_regex:/\\x00/'],",
      "'notes' => ['nullable', 'string', 'max:10000', 'not_regex:/\\x00/'],",
      "'price' => ['required', 'decimal:0,2', 'min:-9999999999.99', 'max:9999999999.99'],",
      "'done' => ['nullable', 'boolean:strict'],",
      "'due_on' => ['required', 'date_format:Y-m-d', 'after_or_equal:0001-01-01'],",
      "'starts_at' => ['nullable', 'date_format:'.self::MOMENT_FORMATS, 'after_or_equal:0001-01-01T00:00:00+00:00', 'before_or_equal:9999-12-31T23:59:59+00:00'],",
    ])
      expect(store).toContain(rule);
    // Eloquent drops a moment's offset when it stores it: the request turns it into UTC first
    expect(store).toContain("foreach (['starts_at'] as $name) {");
    expect(store).toContain("Date::parse($attributes[$name])->setTimezone(config('app.timezone'))");
    expect(tree['app/Models/LineItem.php']).toContain("'price' => 'decimal:2',");
    // a timestamptz takes a moment without offset in the connection's time zone: send it
    expect(tree['app/Models/LineItem.php']).toContain("protected $dateFormat = 'Y-m-d H:i:sP';");
    expect(tree['app/Models/LineItem.php']).not.toContain('protected $attributes');
    const resource = tree['app/Http/Resources/LineItemResource.php']!;
    expect(resource).toContain("'due_on' => $this->due_on->toDateString(),");
    expect(resource).toContain("'starts_at' => $this->starts_at?->utc()->toIso8601String(),");
    expect(tree['app/Http/Controllers/Api/LineItemController.php']).toContain(
      '$request->user()->lineItems()->findOrFail($id)',
    );
    expect(tree['routes/api.php']).toContain(
      "Route::apiResource('line-items', LineItemController::class)->where(['line_item' => '[0-9]{1,18}']);",
    );
    const schemas = (JSON.parse(tree['resources/openapi.json']!) as OpenApi).components.schemas;
    expect(schemas.LineItem!.properties.price).toEqual({ type: 'string', pattern: '^-?\\d{1,10}\\.\\d{2}$' });
    expect(schemas.LineItem!.properties.count).toEqual({ type: ['integer', 'null'] });
    expect(schemas.LineItemInput!.properties.count).toEqual({
      type: ['integer', 'null'],
      minimum: -2147483648,
      maximum: 2147483647,
    });
    expect(schemas.LineItemInput!.required).toEqual(['label', 'price', 'due_on']);
    const test = tree['tests/Feature/LineItemApiTest.php']!;
    expect(test).toContain("'due_on: \\'2024-02-30\\'' => ['due_on', '2024-02-30'],");
    expect(test).toContain("->assertJsonPath('data.starts_at', '2024-05-17T10:30:00+00:00')");
  });

  it('prints the files and edits with --dry-run, writing nothing', async () => {
    const dir = project();
    const before = files(dir);
    const out = await add(dir, 'resource', 'book', '--fields', 'title:string', '--dry-run');
    expect(out).toContain('create  app/Http/Controllers/Api/BookController.php');
    expect(out).toContain(
      "      |     Route::apiResource('books', BookController::class)->where(['book' => '[0-9]{1,18}']);",
    );
    expect(out).toContain('      |     public function books(): HasMany');
    expect(out).toContain('nothing written');
    expect(files(dir)).toEqual(before);
  });

  it.each([
    [['resource', 'book', '--fields', 'title:string'], /exists already/, true],
    [['resource', 'document', '--fields', 'title:string'], /reserved: "document" is the starter’s own resource/, false],
    [['resource', 'list', '--fields', 'title:string'], /reserved: "list" is a PHP reserved word/, false],
    [['resource', 'job', '--fields', 'title:string'], /reserved: "job" is the queue’s jobs table/, false],
    [['resource', 'user', '--fields', 'title:string'], /reserved: "user"/, false],
    // User.php imports Casts\Attribute: `hasMany(Attribute::class)` would name that class
    [
      ['resource', 'attribute', '--fields', 'title:string'],
      /reserved: "attribute" is a class User\.php imports/,
      false,
    ],
    [['resource', 'note', '--fields', 'resource:string'], /"resource" is reserved in the Laravel starter/, false],
    [['resource', 'note', '--fields', 'user_id:integer'], /"user_id" is reserved in the Laravel starter/, false],
    [
      ['resource', 'note', '--fields', 'title:string,incrementing:boolean'],
      /"incrementing" is reserved in the Laravel starter/,
      false,
    ],
  ])('refuses %j, writing nothing', async (argv, message, addBookFirst) => {
    const dir = project();
    if (addBookFirst) await add(dir, 'resource', 'book', '--fields', 'title:string');
    const before = files(dir);
    await expect(add(dir, ...argv)).rejects.toThrow(message);
    expect(files(dir)).toEqual(before);
  });

  it.each([
    ['routes/api.php', "        ->name('documents.show');\n", "        ->name('documents.view');\n"],
    ['app/Models/User.php', '* A new API token for', '* An API token for'],
    ['resources/openapi.json', '            "Error": {', '            "Problem": {'],
  ])('refuses when %s lost its anchor line, writing nothing', async (path, line, edited) => {
    const dir = project();
    writeFileSync(join(dir, path), readFileSync(join(dir, path), 'utf8').replace(line, edited));
    const before = files(dir);
    await expect(add(dir, 'resource', 'book', '--fields', 'title:string')).rejects.toThrow(
      new RegExp(`${path.replace('.', '\\.')} no longer has the line`),
    );
    expect(files(dir)).toEqual(before);
  });
});

describe('the migration stamp', () => {
  const at = (iso: string) => new Date(iso);

  it('is now in UTC, as make:migration names it', () => {
    expect(nextMigrationStamp(project(), at('2026-12-02T07:48:46.900Z'))).toBe('2026_12_02_074846');
  });

  it('is one second after the newest migration when that is not earlier', () => {
    const dir = project();
    writeFileSync(join(dir, 'database/migrations/2999_12_31_235959_create_books_table.php'), '<?php\n');
    expect(nextMigrationStamp(dir, at('2026-12-02T07:48:46Z'))).toBe('3000_01_01_000000');
    expect(nextMigrationStamp(dir, at('2999-12-31T23:59:59Z'))).toBe('3000_01_01_000000');
  });
});
