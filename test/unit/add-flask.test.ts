// `create-backend add resource` in a Flask project, in-process: a project generated into a
// temporary folder with the engine's own functions, then `runAdd` in it — the files it
// creates, the edits to the starter's files (a second resource beside the first), how the
// recorded options change them, and that every refusal writes nothing.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitOrExplode, pythonString } from '../../generators/flask/resource.js';
import { add, generate as generateProject, read, snapshot } from './add-helpers.js';

/** A Flask project named "shelf" with these answers. */
const generate = (options: Record<string, string | boolean> = {}) => generateProject('flask', options);
const BOOK = ['resource', 'book', '--fields', 'title:string,pages:integer,published:boolean'];
const AUTHOR = [
  'resource',
  'author',
  '--fields',
  'name:string,born_on:date?,rating:decimal?,bio:text?,seen_at:datetime?',
];

describe('add resource in a Flask project', () => {
  it('writes the model, its fields, the views, a migration and tests, and registers them', async () => {
    const dir = await generate();
    const before = snapshot(dir);
    expect((await add(dir, ...BOOK)).code).toBe(0);
    const files = snapshot(dir);
    const added = Object.keys(files).filter((path) => !(path in before));
    expect(added.sort()).toEqual([
      'migrations/versions/0002_create_books.py',
      'shelf/api/books.py',
      'shelf/books.py',
      'shelf/fields.py',
      'tests/test_books_api.py',
    ]);
    const changed = Object.keys(before).filter((path) => files[path] !== before[path]);
    expect(changed.sort()).toEqual(['shelf/api/__init__.py', 'shelf/api/openapi.py', 'tests/test_openapi.py']);

    expect(files['shelf/books.py']).toContain(
      '    title: Mapped[str] = mapped_column(String(fields.STRING_MAX_LENGTH))\n',
    );
    expect(files['shelf/books.py']).toContain('    published: Mapped[bool] = mapped_column(Boolean, default=False)\n');
    expect(files['shelf/books.py']).toContain('from sqlalchemy import Boolean, DateTime, Integer, String\n');
    expect(files['shelf/books.py']).toContain('CACHED_MODELS[Book] = "books"');
    expect(files['shelf/api/books.py']).toContain(
      '@cache.cached(timeout=60, key_prefix=cache_key("api.list_books", "books"))',
    );
    expect(files['shelf/api/books.py']).toContain('@bp.route("/books/<int:book_id>", methods=["PUT", "PATCH"])');
    expect(files['shelf/api/__init__.py']).toContain('from . import books, views  # noqa: E402, F401');
    expect(files['shelf/api/openapi.py']).toContain(
      'from .. import fields\nfrom ..books import Book\nfrom ..models import Note\n',
    );
    expect(files['shelf/api/openapi.py']).toMatch(
      / {12}"\/api\/books\/\{book_id\}": \{\n(.*\n)+ {12}"\/api\/openapi\.json": \{/,
    );
    expect(files['shelf/api/openapi.py']).toContain('                "BookList": {');
    expect(files['tests/test_openapi.py']).toContain(
      'answer_every_status(\n    "/api/books",\n    "/api/books/{book_id}",\n',
    );

    const migration = files['migrations/versions/0002_create_books.py']!;
    expect(migration).toContain("revision = '0002'\ndown_revision = '0001'\n");
    expect(migration).toContain("    sa.Column('title', sa.String(length=200), nullable=False),\n");
    expect(migration).toContain("    sa.Column('published', sa.Boolean(), nullable=False),\n");
    expect(migration).toContain("    sa.PrimaryKeyConstraint('id', name=op.f('pk_books'))\n");
    // Handlebars must escape nothing: no entity may reach the code
    const written = [...added, ...changed].map((path) => files[path]!);
    expect(written.filter((text) => /&#x27;|&quot;|&amp;|&lt;|&#x3D;/.test(text))).toEqual([]);
  });

  it('lands a second resource beside the first, on the newest migration, fields.py written once', async () => {
    const dir = await generate();
    await add(dir, ...BOOK);
    const fields = read(dir, 'shelf/fields.py');
    const { out } = await add(dir, ...AUTHOR);
    expect(out).not.toContain('shelf/fields.py');
    expect(read(dir, 'shelf/fields.py')).toBe(fields);
    expect(read(dir, 'shelf/api/__init__.py')).toContain('from . import authors, books, views  # noqa: E402, F401');
    const openapi = read(dir, 'shelf/api/openapi.py');
    expect(openapi).toContain(
      'from .. import fields\nfrom ..authors import Author\nfrom ..books import Book\nfrom ..models import Note\n',
    );
    expect(openapi.indexOf('"/api/books": {')).toBeLessThan(openapi.indexOf('"/api/authors": {'));
    expect(openapi.indexOf('\n\n\nAUTHOR_ID = ')).toBeGreaterThan(openapi.indexOf('\n\n\nBOOK_ID = '));
    const migration = read(dir, 'migrations/versions/0003_create_authors.py');
    expect(migration).toContain("revision = '0003'\ndown_revision = '0002'\n");
    expect(migration).toContain("    sa.Column('rating', sa.Numeric(precision=12, scale=2), nullable=True),\n");
    expect(migration).toContain("    sa.Column('seen_at', sa.DateTime(timezone=True), nullable=True),\n");
    const model = read(dir, 'shelf/authors.py');
    expect(model).toContain('from datetime import date, datetime\nfrom decimal import Decimal\n');
    expect(model).toContain('    born_on: Mapped[date | None] = mapped_column(Date)\n');
    expect(model).toContain('        "seen_at": fields.DateTime(required=False),\n');
    const tests = read(dir, 'tests/test_authors_api.py');
    expect(tests).toContain('OPTIONAL = ["born_on", "rating", "bio", "seen_at"]');
    expect(tests).toContain(`        ({"rating": 12.5}, 'a decimal number as a string is required, e.g. "12.50".'),\n`);
  });

  it('names the URL in kebab case and everything Python in snake case', async () => {
    const dir = await generate();
    const { out } = await add(dir, 'resource', 'shelf_item', '--fields', 'label:string');
    expect(out).toContain('Added the shelf item resource (/api/shelf-items)');
    expect(read(dir, 'shelf/api/shelf_items.py')).toContain('@bp.get("/shelf-items/<int:shelf_item_id>")');
    expect(read(dir, 'shelf/api/shelf_items.py')).toContain('return jsonify(shelf_items=shelf_items)');
    expect(read(dir, 'shelf/api/openapi.py')).toContain('            "/api/shelf-items/{shelf_item_id}": {');
    expect(read(dir, 'tests/test_openapi.py')).toContain(
      '    "/api/shelf-items",\n    "/api/shelf-items/{shelf_item_id}",\n',
    );
    expect(read(dir, 'tests/test_shelf_items_api.py')).toContain('URL = "/api/shelf-items"');
  });

  it('keeps imports in isort order for a resource named after the modules it imports', async () => {
    // a fixed import block put `from ..widgets` before `from ..extensions`: ruff's I001
    const dir = await generate();
    await add(dir, 'resource', 'widget', '--fields', 'size:integer');
    expect(read(dir, 'shelf/api/widgets.py')).toContain(
      'from .. import fields\nfrom ..extensions import cache, db\nfrom ..models import cache_key\nfrom ..widgets import Widget\nfrom . import bp\n',
    );
    expect(read(dir, 'shelf/api/openapi.py')).toContain('from ..models import Note\nfrom ..widgets import Widget\n');
    expect(read(dir, 'shelf/api/__init__.py')).toContain('from . import views, widgets  # noqa');
    expect(read(dir, 'tests/test_widgets_api.py')).toContain(
      'from shelf import fields\nfrom shelf.extensions import db\nfrom shelf.widgets import Widget\n',
    );
  });

  it('follows the recorded options: no migration, no cache, no members', async () => {
    const dir = await generate({ cache: 'none', login: false, migrate: false });
    await add(dir, ...BOOK);
    const files = snapshot(dir);
    expect(Object.keys(files).filter((path) => path.startsWith('migrations/'))).toEqual([]);
    expect(files['shelf/books.py']).not.toContain('CACHED_MODELS');
    expect(files['shelf/api/books.py']).not.toContain('cache');
    expect(files['shelf/api/books.py']).toContain('from ..extensions import db\n');
    expect(files['tests/test_books_api.py']).not.toMatch(/logged_in_client|from sqlalchemy import insert/);
  });

  it('chains onto the head of migrations the user added, and refuses two heads', async () => {
    const dir = await generate();
    const own = (revision: string, down: string) =>
      `"""mine"""\nrevision: str = '${revision}'\ndown_revision: Union[str, None] = '${down}'\n`;
    writeFileSync(join(dir, 'migrations/versions/3f2a_add_index.py'), own('3f2a9c1b7d0e', '0001'));
    await add(dir, ...BOOK);
    expect(read(dir, 'migrations/versions/0002_create_books.py')).toContain("down_revision = '3f2a9c1b7d0e'\n");

    const forked = await generate();
    writeFileSync(join(forked, 'migrations/versions/a1_one.py'), own('a1', '0001'));
    writeFileSync(join(forked, 'migrations/versions/b2_two.py'), own('b2', '0001'));
    const before = snapshot(forked);
    await expect(add(forked, ...BOOK)).rejects.toThrow(
      /2 heads \(a1, b2\).*flask db merge heads.*Nothing was written\.$/,
    );
    expect(snapshot(forked)).toEqual(before);
  });

  it('prints the files and edits with --dry-run, writing nothing', async () => {
    const dir = await generate();
    const before = snapshot(dir);
    const { code, out } = await add(dir, ...BOOK, '--dry-run');
    expect(code).toBe(0);
    expect(out).toContain('create  shelf/api/books.py');
    expect(out).toContain('create  migrations/versions/0002_create_books.py');
    expect(out).toContain('      |             "/api/books": {');
    expect(out).toContain('      | from . import books, views  # noqa: E402, F401  (registers the routes on bp)');
    expect(out).toContain('nothing written');
    expect(snapshot(dir)).toEqual(before);
  });

  it.each([
    [BOOK, /exists already/, true],
    [['resource', 'note', '--fields', 'title:string'], /reserved: "note" is the starter’s own resource/, false],
    [['resource', 'user', '--fields', 'name:string'], /reserved: "user" is the accounts’ model/, false],
    [['resource', 'view', '--fields', 'name:string'], /api\/views\.py/, false],
    [['resource', 'field', '--fields', 'name:string'], /fields module/, false],
    [['resource', 'location', '--fields', 'label:string'], /"location" is the create view’s Location variable/, false],
    [['resource', 'client', '--fields', 'label:string'], /client fixture/, false],
    [['resource', 'shelf_item', '--fields', 'metadata:string'], /"metadata" is reserved: it is SQLAlchemy/, false],
    [['resource', 'shelf_item', '--fields', 'fields:string'], /"fields" is reserved/, false],
    [['resource', 'shelf_item', '--fields', 'date:date'], /"date" is reserved: it is the datetime\.date type/, false],
  ])('refuses %j, writing nothing', async (argv, message, addBookFirst) => {
    const dir = await generate();
    if (addBookFirst) await add(dir, ...BOOK);
    const before = snapshot(dir);
    await expect(add(dir, ...argv)).rejects.toThrow(message);
    expect(snapshot(dir)).toEqual(before);
  });

  it.each([
    [
      'shelf/api/openapi.py',
      '            "/api/openapi.json": {',
      '            "/api/openapi": {',
      /openapi\.py no longer has the line/,
    ],
    [
      'tests/test_openapi.py',
      'def test_every_documented_answer_has_a_request_here(',
      'def test_answers(',
      /test_openapi\.py no longer has the line/,
    ],
    ['shelf/api/__init__.py', 'from . import views', 'import shelf.api.views', /__init__\.py no longer has the line/],
    ['shelf/models.py', 'CACHED_MODELS: ', 'CACHED = ', /has no CACHED_MODELS/],
    ['.flaskenv', 'FLASK_APP=shelf', '', /\.flaskenv no longer names the package/],
  ])('refuses when %s lost the line it registers after, writing nothing', async (path, line, replacement, message) => {
    const dir = await generate();
    writeFileSync(join(dir, path), read(dir, path).replace(line, replacement));
    const before = snapshot(dir);
    await expect(add(dir, ...BOOK)).rejects.toThrow(message);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses without migrations/versions when the project has Flask-Migrate', async () => {
    const dir = await generate();
    rmSync(join(dir, 'migrations'), { recursive: true });
    await expect(add(dir, ...BOOK)).rejects.toThrow(/migrations\/versions is missing/);
  });
});

describe('Python source as ruff format writes it', () => {
  it('keeps a row on one line when it fits, else one item a line with a trailing comma', () => {
    expect(fitOrExplode(8, '(', ['{"a": 1}', '"why"'], ')', ',')).toBe('        ({"a": 1}, "why"),');
    const long = '"' + 'x'.repeat(90) + '"';
    expect(fitOrExplode(8, '(', ['{"a": 1}', long], ')', ',')).toBe(
      `        (\n            {"a": 1},\n            ${long},\n        ),`,
    );
  });

  it('quotes with double quotes unless the text holds some', () => {
    expect(pythonString('plain')).toBe('"plain"');
    expect(pythonString('e.g. "12.50".')).toBe(`'e.g. "12.50".'`);
  });
});
