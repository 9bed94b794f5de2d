// `create-backend add resource`, in-process: a project generated into a temporary folder
// with the engine's own functions, then `runAdd` in it, checking the files it creates,
// the edits it makes to the starter's files, and that every refusal writes nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodePlop from 'node-plop';
import { describe, expect, it } from 'vitest';
import { FRAMEWORKS } from '../../generators/index.js';
import { RESOURCE_GENERATORS, resourceGenerator } from '../../src/add/plan.js';
import { parseResource, pluralOf } from '../../src/add/resource-model.js';
import { runCli } from '../../src/main.js';
import { add, generate, read, snapshot } from './add-helpers.js';
import { tempDir } from './helpers.js';

describe('add resource in an Express project', () => {
  it('keeps the _resource templates out of a newly generated project', async () => {
    const dir = await generate('express');
    expect(Object.keys(snapshot(dir)).filter((path) => path.includes('_resource'))).toEqual([]);
  });

  it('writes the model, repository, migration, router and tests, and registers them', async () => {
    const dir = await generate('express');
    const before = snapshot(dir);
    const { code } = await add(dir, 'resource', 'book', '--fields', 'title:string,pages:integer,published:boolean');
    expect(code).toBe(0);
    const files = snapshot(dir);
    for (const path of [
      'src/books/book.ts',
      'src/books/book-repository.ts',
      'src/books/sqlite-book-repository.ts',
      'migrations/002_create_books.sql',
      'src/routes/books.ts',
      'test/books-api.test.ts',
      'test/book-repository.test.ts',
    ]) {
      expect(files[path], path).toBeDefined();
    }
    expect(files['src/books/book.ts']).toContain('pages: z.int().min(-2147483648).max(2147483647),');
    expect(files['src/books/book.ts']).toContain('published: fields.published.default(false),');
    expect(files['migrations/002_create_books.sql']).toContain(
      'title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),',
    );
    expect(files['src/routes/api.ts']).toContain(
      "  router.use('/tasks', tasksRouter(tasks, cache));\n  router.use('/books', booksRouter(books, cache));",
    );
    expect(files['src/routes/books.ts']).toContain('invalidateAfterWrite(cache, BOOKS_TAG)');
    expect(files['src/database.ts']).toContain('    books: new SqliteBookRepository(db),');
    expect(files['src/openapi.ts']).toContain("'/api/books/{id}': {");
    expect(files['src/openapi.ts']).toContain("NewBook: schemaOf(newBookSchema, 'input'),");
    expect(files['src/server.ts']).toContain('tasks: database.tasks, books: database.books, ');
    expect(files['test/helpers.ts']).toContain('const database = await testDatabase();');
    expect(files['test/task-repository.test.ts']).toContain("toEqual(['001_create_tasks', '002_create_books'])");
    // the Handlebars of plop escapes HTML by default: no entity may reach the code
    const written = Object.entries(files).filter(([path, text]) => before[path] !== text);
    expect(written.length).toBe(7 + 10);
    expect(written.filter(([, text]) => /&#x27;|&quot;|&amp;|&lt;/.test(text)).map(([path]) => path)).toEqual([]);
  });

  it('lands a second resource beside the first, with the next migration', async () => {
    const dir = await generate('express');
    await add(dir, 'resource', 'book', '--fields', 'title:string');
    await add(
      dir,
      'resource',
      'author',
      '--fields',
      'name:string,born_on:date?,rating:decimal?,bio:text?,seen_at:datetime?',
    );
    const files = snapshot(dir);
    expect(files['migrations/003_create_authors.sql']).toContain('born_on TEXT,');
    expect(files['src/routes/api.ts']).toMatch(/router\.use\('\/tasks'.*\n.*'\/authors'.*\n.*'\/books'/);
    expect(files['src/app.ts']).toContain('apiRouter({ tasks, authors, books, cache, config })');
    expect(files['test/helpers.ts']).toContain(
      'createApp({ config, tasks, authors, books, cache, logRequests: false }), tasks, authors, books, cache, config',
    );
    expect(files['test/task-repository.test.ts']).toContain(
      "['001_create_tasks', '002_create_books', '003_create_authors']",
    );
    expect(files['src/authors/author.ts']).toContain('bornOn: fields.bornOn.nullable().optional(),');
    expect(files['src/authors/author.ts']).toContain('function isStorableMoment(value: string): boolean {');
  });

  it('writes the PostgreSQL repository and migration in a PostgreSQL project', async () => {
    const dir = await generate('express', { db: 'postgres' });
    await add(dir, 'resource', 'book', '--fields', 'title:string,published_on:date');
    const files = snapshot(dir);
    expect(files['src/books/postgres-book-repository.ts']).toContain(
      "to_char(published_on, 'YYYY-MM-DD') AS published_on",
    );
    expect(files['migrations/002_create_books.sql']).toContain('seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,');
    expect(files['src/database.ts']).toContain(
      'tasks: new PostgresTaskRepository(pool), books: new PostgresBookRepository(pool), ',
    );
    expect(files['src/books/sqlite-book-repository.ts']).toBeUndefined();
  });

  it('prints the files and edits with --dry-run, writing nothing', async () => {
    const dir = await generate('express');
    const before = snapshot(dir);
    const { code, out } = await add(dir, 'resource', 'book', '--fields', 'title:string', '--dry-run');
    expect(code).toBe(0);
    expect(out).toContain('create  src/routes/books.ts');
    expect(out).toContain("      |   router.use('/books', booksRouter(books, cache));");
    expect(out).toContain('nothing written');
    expect(snapshot(dir)).toEqual(before);
  });

  it.each([
    [['resource', 'book', '--fields', 'title:string'], /exists already/, true],
    [['resource', 'books', '--fields', 'title:string'], /singular|exists/, false],
    [['resource', 'task', '--fields', 'title:string'], /reserved: "task" is the starter’s own resource/, false],
    [['resource', 'order', '--fields', 'title:string'], /reserved: "order" is an SQL reserved word/, false],
    [['resource', 'Book', '--fields', 'title:string'], /snake_case/, false],
    [['resource', 'note', '--fields', 'id:string'], /"id" is reserved: it is the primary key/, false],
    [['resource', 'note', '--fields', 'class:string'], /JavaScript\/TypeScript keyword/, false],
    [['resource', 'note', '--fields', 'title:money'], /unknown type "money"/, false],
    [['resource', 'note', '--fields', 'title:string,title:text'], /given twice/, false],
    [['resource', 'note'], /at least one field/, false],
    [['controller', 'note'], /knows one thing to add, a resource/, false],
  ])('refuses %j, writing nothing', async (argv, message, addBookFirst) => {
    const dir = await generate('express');
    if (addBookFirst) await add(dir, 'resource', 'book', '--fields', 'title:string');
    const before = snapshot(dir);
    await expect(add(dir, ...argv)).rejects.toThrow(message);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses when a file it registers in was edited away from its anchor, writing nothing', async () => {
    const dir = await generate('express');
    writeFileSync(
      join(dir, 'src/routes/api.ts'),
      read(dir, 'src/routes/api.ts').replace("router.use('/tasks'", "router.use('/todo'"),
    );
    const before = snapshot(dir);
    await expect(add(dir, 'resource', 'book', '--fields', 'title:string')).rejects.toThrow(
      /src\/routes\/api\.ts no longer has the line/,
    );
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('add resource elsewhere', () => {
  it('refuses a folder create-backend did not generate', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), '{}');
    await expect(add(dir, 'resource', 'book', '--fields', 'title:string')).rejects.toThrow(
      /was not generated by create-backend/,
    );
    expect(Object.keys(snapshot(dir))).toEqual(['package.json']);
  });

  it('has a resource generator for every starter', () => {
    expect(RESOURCE_GENERATORS.map((generator) => generator.framework).sort()).toEqual(
      FRAMEWORKS.map((framework) => framework.id).sort(),
    );
  });

  it('refuses, in one line naming the starters it knows, a starter without a resource generator', () => {
    expect(() => resourceGenerator('phoenix')).toThrow(
      new RegExp(
        `^add resource supports projects of these starters so far: ${RESOURCE_GENERATORS.map((g) => g.framework).join(', ')}; this project is phoenix\\. Nothing was written\\.$`,
      ),
    );
  });
});

describe('resource names', () => {
  it('makes every form a generator needs', () => {
    expect(parseResource('line_item', 'unit_price:decimal')).toMatchObject({
      plural: 'line_items',
      pascal: 'LineItem',
      pluralCamel: 'lineItems',
      kebabPlural: 'line-items',
      fields: [{ name: 'unit_price', camel: 'unitPrice', type: 'decimal', required: true }],
    });
    expect(['category', 'box', 'match', 'day'].map(pluralOf)).toEqual(['categories', 'boxes', 'matches', 'days']);
    expect(parseResource('note', 'body:text?').fields[0]).toMatchObject({ required: false });
  });
});

describe('plain plop', () => {
  it('runs the same resource generator as add (npm run plop -- --dest <project> express:resource)', async () => {
    const dir = await generate('express');
    const plop = await nodePlop(join(import.meta.dirname, '../../dist/generators/plopfile.js'), {
      destBasePath: dir,
      force: false,
    });
    expect(plop.getGeneratorList().map((generator) => generator.name)).toContain('express:resource');
    const viaAdd = await generate('express');
    await add(viaAdd, 'resource', 'book', '--fields', 'title:string,pages:integer?');
    const result = await plop
      .getGenerator('express:resource')
      .runActions({ name: 'book', fields: 'title:string,pages:integer?' });
    expect(result.failures).toEqual([]);
    const strip = (files: Record<string, string>) =>
      Object.fromEntries(Object.entries(files).filter(([path]) => !['.env', '.create-backend.json'].includes(path)));
    expect(strip(snapshot(dir))).toEqual(strip(snapshot(viaAdd)));
  });
});

describe('the CLI', () => {
  it('dispatches `add` to the plop bundle, whose code the bin does not carry', async () => {
    const dir = await generate('express');
    let out = '';
    let err = '';
    const code = await runCli(['add', 'resource', 'book', '--fields', 'title:string'], {
      cwd: dir,
      env: {},
      stdin: {},
      stdout: { write: (text: string) => ((out += text), true) },
      stderr: { write: (text: string) => ((err += text), true) },
    } as never);
    expect([code, err]).toEqual([0, '']);
    expect(out).toContain('Added the book resource (/api/books)');
    const again = await runCli(['add', 'resource', 'book', '--fields', 'title:string'], {
      cwd: dir,
      env: {},
      stdin: {},
      stdout: { write: () => true },
      stderr: { write: (text: string) => ((err += text), true) },
    } as never);
    expect(again).toBe(1);
    expect(err.trim().split('\n')).toHaveLength(1);
    const bin = readFileSync(join(import.meta.dirname, '../../dist/create-backend.js'), 'utf8');
    expect(bin).not.toContain('add resource supports projects of these starters');
    expect(readFileSync(join(import.meta.dirname, '../../dist/plop.js'), 'utf8')).toContain(
      'add resource supports projects of these starters',
    );
  });
});
