// `create-backend add resource` for the Express starter: a resource beside `tasks`, in
// the same shape — zod schemas (src/<plural>/<name>.ts), a repository interface and its
// SQLite or PostgreSQL implementation, a numbered SQL migration, a router with the
// response cache and its invalidation, the OpenAPI paths and schemas built from the zod
// schemas, and tests of the API and the repository. Registered by editing the files that
// list `tasks` (storage, database, app, routes/api, server, openapi, logger, test helpers),
// each edit anchored on a line the starter already has, so a second resource lands beside
// the first.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Field, Resource } from '../../src/add/resource-model.js';
import type { ProjectFacts, ResourceAction, ResourceGenerator } from '../../src/add/types.js';
import { resourceActions } from '../../src/add/templates.js';

/** Everything the templates say about one field, as code. */
interface ExpressField extends Field {
  /** The zod schema of the value as the API returns it. */
  output: string;
  /** The zod schema of the value a client sends. */
  input: string;
  /** Column definitions. */
  sqlite: string;
  postgres: string;
  /** The column in SELECT/RETURNING lists (PostgreSQL dates read back as text). */
  postgresSelect: string;
  /** TypeScript type of a row's column, per database. */
  sqliteRow: string;
  postgresRow: string;
  /** `value` (API) → column, and `row.<name>` → API value. */
  toSqlite: string;
  fromSqlite: string;
  toPostgres: string;
  fromPostgres: string;
  /** JSON literals for tests: a valid value, another one, an invalid one. */
  sample: string;
  other: string;
  invalid: string;
}

const BOUNDS = { min: -2147483648, max: 2147483647 };

function describeField(field: Field): ExpressField & { newSuffix: string } {
  return {
    ...fieldCode(field),
    newSuffix: field.required ? (field.type === 'boolean' ? '.default(false)' : '') : '.nullable().optional()',
  };
}

function fieldCode(field: Field): ExpressField {
  const c = field.name;
  const notNull = field.required ? ' NOT NULL' : '';
  const orNull = (expression: string, value = 'value') =>
    field.required ? expression : `${value} === null || ${value} === undefined ? null : ${expression}`;
  const common = {
    ...field,
    postgresSelect: c,
    fromSqlite: `row.${c}`,
    fromPostgres: `row.${c}`,
    toSqlite: orNull('value'),
    toPostgres: orNull('value'),
  };
  const nullable = (type: string) => (field.required ? type : `${type} | null`);
  switch (field.type) {
    case 'string':
      return {
        ...common,
        output: 'z.string()',
        input: `z.string().trim().min(1, '${c} must not be empty').max(200, '${c} must be at most 200 characters').regex(noControlCharacters, '${c} must not contain control characters')`,
        sqlite: `${c} TEXT${notNull} CHECK (length(${c}) BETWEEN 1 AND 200)`,
        postgres: `${c} text${notNull} CHECK (length(${c}) BETWEEN 1 AND 200)`,
        sqliteRow: nullable('string'),
        postgresRow: nullable('string'),
        sample: "'A first one'",
        other: "'Another one'",
        invalid: '42',
      };
    case 'text':
      return {
        ...common,
        output: 'z.string()',
        input: `z.string().max(10000, '${c} must be at most 10000 characters').regex(noNul, '${c} must not contain NUL characters')`,
        sqlite: `${c} TEXT${notNull} CHECK (length(${c}) <= 10000)`,
        postgres: `${c} text${notNull} CHECK (length(${c}) <= 10000)`,
        sqliteRow: nullable('string'),
        postgresRow: nullable('string'),
        sample: "'Some lines\\nof text'",
        other: "'Other text'",
        invalid: 'true',
      };
    case 'integer':
      return {
        ...common,
        output: 'z.int()',
        input: `z.int().min(${BOUNDS.min}).max(${BOUNDS.max})`,
        sqlite: `${c} INTEGER${notNull} CHECK (${c} BETWEEN ${BOUNDS.min} AND ${BOUNDS.max})`,
        postgres: `${c} integer${notNull}`,
        sqliteRow: nullable('number'),
        postgresRow: nullable('number'),
        sample: '42',
        other: '7',
        invalid: "'many'",
      };
    case 'decimal':
      // exact: a string of at most 10 digits before the point and 2 after, stored as
      // numeric(12,2) (PostgreSQL) or as its text (SQLite), read back with 2 decimals
      return {
        ...common,
        output: 'z.string().regex(/^-?\\d{1,10}\\.\\d{2}$/)',
        input: `z.string().regex(/^-?\\d{1,10}(\\.\\d{1,2})?$/, '${c} must be a decimal number as a string, at most 2 decimals (e.g. "12.50")')`,
        sqlite: `${c} TEXT${notNull}`,
        postgres: `${c} numeric(12, 2)${notNull}`,
        sqliteRow: nullable('string'),
        postgresRow: nullable('string'),
        toSqlite: orNull('Number(value).toFixed(2)'),
        sample: "'12.50'",
        other: "'3.25'",
        invalid: '12.5',
      };
    case 'boolean':
      return {
        ...common,
        output: 'z.boolean()',
        input: 'z.boolean()',
        sqlite: `${c} INTEGER${notNull}${field.required ? ' DEFAULT 0' : ''} CHECK (${c} IN (0, 1))`,
        postgres: `${c} boolean${notNull}${field.required ? ' DEFAULT false' : ''}`,
        sqliteRow: nullable('0 | 1'),
        postgresRow: nullable('boolean'),
        toSqlite: orNull('value ? 1 : 0'),
        fromSqlite: field.required ? `row.${c} === 1` : `row.${c} === null ? null : row.${c} === 1`,
        sample: 'true',
        other: 'false',
        invalid: "'yes'",
      };
    case 'date':
      return {
        ...common,
        output: 'z.iso.date()',
        input: `z.iso.date().refine(isCalendarDate, '${c} must be a date that exists')`,
        sqlite: `${c} TEXT${notNull}`,
        postgres: `${c} date${notNull}`,
        postgresSelect: `to_char(${c}, 'YYYY-MM-DD') AS ${c}`,
        sqliteRow: nullable('string'),
        postgresRow: nullable('string'),
        sample: "'2024-05-17'",
        other: "'2025-01-31'",
        invalid: "'2024-02-30'",
      };
    case 'datetime':
      return {
        ...common,
        output: 'z.iso.datetime()',
        input: `z.iso.datetime({ offset: true }).refine(isStorableMoment, '${c} must be a moment between the years 1 and 9999 (UTC)')`,
        sqlite: `${c} TEXT${notNull}`,
        postgres: `${c} timestamptz${notNull}`,
        sqliteRow: nullable('string'),
        postgresRow: nullable('Date'),
        toSqlite: orNull('new Date(value).toISOString()'),
        fromPostgres: field.required ? `row.${c}.toISOString()` : `row.${c} === null ? null : row.${c}.toISOString()`,
        sample: "'2024-05-17T10:30:00.000Z'",
        other: "'2025-01-31T08:00:00.000Z'",
        invalid: "'yesterday'",
      };
  }
}

/** The next free number of migrations/ (001_create_tasks.sql → 002). */
function nextMigration(projectDir: string): string {
  let highest = 0;
  try {
    for (const file of readdirSync(join(projectDir, 'migrations'))) {
      const number = /^(\d+)_/.exec(file)?.[1];
      if (number) highest = Math.max(highest, Number(number));
    }
  } catch {
    // no migrations folder: the first one
  }
  return String(highest + 1).padStart(3, '0');
}

export const expressResource: ResourceGenerator = {
  framework: 'express',
  reserved: {
    task: 'the starter’s own resource',
    page: 'the server-rendered pages (src/routes/pages.ts)',
    storage: 'src/storage.ts',
    database: 'src/database.ts',
    site: 'src/site.ts',
    view: 'src/views.ts',
    logger: 'src/logger.ts',
    middleware: 'src/middleware/',
    helper: 'test/helpers.ts',
  },
  collectionPath: (r) => `/api/${r.kebabPlural}`,
  existing: (r) => [`src/${r.kebabPlural}`, `src/routes/${r.kebabPlural}.ts`, `test/${r.kebabPlural}-api.test.ts`],
  actions(r: Resource, project: ProjectFacts, projectDir: string): ResourceAction[] {
    const db = project.options.db === 'postgres' ? 'postgres' : 'sqlite';
    const fields = r.fields.map(describeField);
    const migration = `${nextMigration(projectDir)}_create_${r.plural}`;
    // `props`, not `fields`: the answers (the --fields text) travel beside it
    const data = {
      r,
      props: fields,
      db,
      postgres: db === 'postgres',
      migration,
      first: fields[0],
      requiredMissing: fields.filter((field) => field.required && field.type !== 'boolean'),
      optional: fields.filter((field) => !field.required),
      sampleBody: `{ ${fields.map((field) => `${field.camel}: ${field.sample}`).join(', ')} }`,
      camelNames: fields.map((field) => field.camel).join(', '),
      postgresColumns: ['id', ...fields.map((field) => field.postgresSelect), 'created_at', 'updated_at'].join(', '),
      insertColumns: fields.map((field) => field.name).join(', '),
      insertPlaceholders: fields.map((_, i) => `$${i + 2}`).join(', '),
      timestampPlaceholder: fields.length + 2,
      constantTag: r.plural.toUpperCase(),
      sentenceName: r.words.charAt(0).toUpperCase() + r.words.slice(1),
      dbClass: db === 'postgres' ? 'Postgres' : 'Sqlite',
      usesDate: fields.some((field) => field.type === 'date'),
      usesDatetime: fields.some((field) => field.type === 'datetime'),
      usesString: fields.some((field) => field.type === 'string'),
      usesText: fields.some((field) => field.type === 'text'),
    };
    const { add, modify, append, instead } = resourceActions('express', data);
    const edit = (type: 'modify' | 'append', path: string, pattern: RegExp, template: string) =>
      type === 'modify' ? modify(path, pattern, template) : append(path, pattern, template);
    // the starter's helper opens a database for the tasks only: the first resource names it
    const original = /const tasks = options\.tasks \?\? \(await testDatabase\(\)\)\.tasks;/;
    const helpersOpenDatabase = original.test(readText(projectDir, 'test/helpers.ts'))
      ? [
          edit(
            'modify',
            'test/helpers.ts',
            original,
            'const database = await testDatabase();\n  const tasks = options.tasks ?? database.tasks;',
          ),
        ]
      : [];
    const dir = `src/${r.kebabPlural}`;
    const repository = `${r.pascal}Repository`;
    const repositoryImport = `import type { ${repository} } from './${r.kebabPlural}/${r.kebab}-repository.js';`;
    return [
      add(`${dir}/${r.kebab}.ts`, 'src/resource/resource.ts.hbs'),
      add(`${dir}/${r.kebab}-repository.ts`, 'src/resource/resource-repository.ts.hbs'),
      add(`${dir}/${db}-${r.kebab}-repository.ts`, `src/resource/${db}-resource-repository.ts.hbs`),
      add(`migrations/${migration}.sql`, `migrations/${db}.sql.hbs`),
      add(`src/routes/${r.kebabPlural}.ts`, 'src/routes/resources.ts.hbs'),
      add(`test/${r.kebabPlural}-api.test.ts`, 'test/resources-api.test.ts.hbs'),
      add(`test/${r.kebab}-repository.test.ts`, 'test/resource-repository.test.ts.hbs'),
      // storage: the repository every database opens
      edit(
        'append',
        'src/storage.ts',
        /^import type \{ TaskRepository \} from '\.\/tasks\/task-repository\.js';$/m,
        repositoryImport,
      ),
      edit('append', 'src/storage.ts', /^ {2}tasks: TaskRepository;$/m, `  ${r.pluralCamel}: ${repository};`),
      edit(
        'append',
        'src/database.ts',
        /^import \{ (Sqlite|Postgres)TaskRepository \} from '\.\/tasks\/(sqlite|postgres)-task-repository\.js';$/m,
        `import { ${data.dbClass}${repository} } from './${r.kebabPlural}/${db}-${r.kebab}-repository.js';`,
      ),
      db === 'postgres'
        ? edit(
            'modify',
            'src/database.ts',
            /tasks: new PostgresTaskRepository\(pool\), /,
            `tasks: new PostgresTaskRepository(pool), ${r.pluralCamel}: new Postgres${repository}(pool), `,
          )
        : edit(
            'append',
            'src/database.ts',
            /^ {4}tasks: new SqliteTaskRepository\(db\),$/m,
            `    ${r.pluralCamel}: new Sqlite${repository}(db),`,
          ),
      // the app and the API router take the repository and mount the router
      edit(
        'append',
        'src/app.ts',
        /^import type \{ TaskRepository \} from '\.\/tasks\/task-repository\.js';$/m,
        repositoryImport,
      ),
      edit(
        'append',
        'src/app.ts',
        /^ {2}tasks: TaskRepository;$/m,
        `  /** Storage for ${r.pluralWords}. */\n  ${r.pluralCamel}: ${repository};`,
      ),
      edit('modify', 'src/app.ts', /const \{ tasks, /, `const { tasks, ${r.pluralCamel}, `),
      edit('modify', 'src/app.ts', /apiRouter\(\{ tasks, /, `apiRouter({ tasks, ${r.pluralCamel}, `),
      edit(
        'append',
        'src/routes/api.ts',
        /^import type \{ TaskRepository \} from '\.\.\/tasks\/task-repository\.js';$/m,
        `import type { ${repository} } from '../${r.kebabPlural}/${r.kebab}-repository.js';`,
      ),
      edit(
        'append',
        'src/routes/api.ts',
        /^import \{ tasksRouter \} from '\.\/tasks\.js';$/m,
        `import { ${r.pluralCamel}Router } from './${r.kebabPlural}.js';`,
      ),
      edit('append', 'src/routes/api.ts', /^ {2}tasks: TaskRepository;$/m, `  ${r.pluralCamel}: ${repository};`),
      edit('modify', 'src/routes/api.ts', /apiRouter\(\{ tasks, /, `apiRouter({ tasks, ${r.pluralCamel}, `),
      edit(
        'append',
        'src/routes/api.ts',
        /^ {2}router\.use\('\/tasks', tasksRouter\(tasks, cache\)\);$/m,
        `  router.use('/${r.kebabPlural}', ${r.pluralCamel}Router(${r.pluralCamel}, cache));`,
      ),
      edit(
        'modify',
        'src/server.ts',
        /tasks: database\.tasks, /,
        `tasks: database.tasks, ${r.pluralCamel}: database.${r.pluralCamel}, `,
      ),
      edit(
        'append',
        'src/logger.ts',
        /^ {2}tasks: createDebug\('app:tasks'\),$/m,
        `  ${r.pluralCamel}: createDebug('app:${r.plural}'),`,
      ),
      // the OpenAPI document: import, paths (before `components`), schemas
      edit(
        'append',
        'src/openapi.ts',
        /^import \{ newTaskSchema, taskChangesSchema, taskSchema \} from '\.\/tasks\/task\.js';$/m,
        `import { ${r.camel}ChangesSchema, ${r.camel}Schema, new${r.pascal}Schema } from './${r.kebabPlural}/${r.kebab}.js';`,
      ),
      instead('src/openapi.ts', /\n {2}\},\n {2}components: \{\n {4}schemas: \{\n/, 'src/openapi-entries.ts.hbs'),
      // test helpers: every test app gets the repository too
      ...helpersOpenDatabase,
      edit(
        'append',
        'test/helpers.ts',
        /^ {2}const tasks = options\.tasks \?\? (database\.tasks|\(await testDatabase\(\)\)\.tasks);$/m,
        `  const ${r.pluralCamel} = database.${r.pluralCamel};`,
      ),
      edit(
        'modify',
        'test/helpers.ts',
        /createApp\(\{ config, tasks, /,
        `createApp({ config, tasks, ${r.pluralCamel}, `,
      ),
      edit('modify', 'test/helpers.ts', /\), tasks, /, `), tasks, ${r.pluralCamel}, `),
      // the write-auth test lists every write route it checks, sorted
      edit(
        'modify',
        'test/write-auth.test.ts',
        WRITE_ROUTES,
        `$1${writeRoutesWith(readText(projectDir, 'test/write-auth.test.ts'), r)}$3`,
      ),
      // the tasks repository test lists the migrations applied to a fresh database
      edit(
        'modify',
        'test/task-repository.test.ts',
        /(expect\(database\.applied\)\.toEqual\(\[[^\]]*)\]/,
        `$1, '${migration}']`,
      ),
    ];
  },
};

const WRITE_ROUTES = /(writeRoutes\(app\)[^\n]*\.toEqual\(\[\n)((?: {6}'[^'\n]*',\n)+)( {4}\]\);)/;

/** The write routes the test lists, with the resource's three, in the test's (sorted) order. */
function writeRoutesWith(text: string, r: Resource): string {
  const listed = [...(WRITE_ROUTES.exec(text)?.[2] ?? '').matchAll(/'([^']*)'/g)].map((match) => match[1]!);
  const routes = [
    ...listed,
    `DELETE /api/${r.kebabPlural}/{id}`,
    `PATCH /api/${r.kebabPlural}/{id}`,
    `POST /api/${r.kebabPlural}`,
  ].sort();
  return routes.map((route) => `      '${route}',\n`).join('');
}

function readText(projectDir: string, path: string): string {
  try {
    return readFileSync(join(projectDir, path), 'utf8');
  } catch {
    return '';
  }
}
