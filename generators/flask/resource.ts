// `create-backend add resource` for the Flask starter: a resource beside the notes, in
// their shape — a SQLAlchemy model in its own module (<package>/<plural>.py) whose FIELDS
// say how the API checks and shows each column (<package>/fields.py, written by the first
// resource), JSON CRUD views on the "api" blueprint (<package>/api/<plural>.py) with the
// notes' write authorization (api.views guards the whole blueprint), the list cached under
// its own generation (models.CACHED_MODELS), the OpenAPI paths and schemas in api/openapi.py,
// an Alembic revision on the newest head (or `flask init-db`'s create_all without
// Flask-Migrate), and tests like tests/test_api.py. Each edit of a starter file is
// anchored on a line the starter has, so a second resource lands beside the first.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { quote, UserError } from '../../src/errors.js';
import type { Field, FieldType, Resource } from '../../src/add/resource-model.js';
import type { ProjectFacts, ResourceAction, ResourceGenerator } from '../../src/add/types.js';
import { resourceActions } from '../../src/add/templates.js';

const LINE_LENGTH = 100;

/** Field names that would shadow what the model's class body or the API use. */
const FLASK_RESERVED_FIELDS: Readonly<Record<string, string>> = {
  fields: 'the fields module the model uses',
  metadata: "SQLAlchemy's table metadata",
  registry: "SQLAlchemy's mapper registry",
  query: "Flask-SQLAlchemy's Model.query",
  query_class: "Flask-SQLAlchemy's Model.query_class",
  to_dict: 'the method that shows the model as JSON',
  date: 'the datetime.date type the model uses',
  datetime: 'the datetime.datetime type the model uses',
  mapped_column: "SQLAlchemy's mapped_column",
  db: 'the Flask-SQLAlchemy extension',
  utcnow: 'the models’ timestamp function',
  as_utc: 'the models’ timezone function',
  str: 'a Python built-in type',
  int: 'a Python built-in type',
  bool: 'a Python built-in type',
  padding: 'the oversized body of the generated tests',
};

interface TypeCode {
  python: string;
  column: string;
  sqlalchemy: string;
  migration: string;
  rule: string;
  /** Python literals for tests: a valid value (as the API shows it too), another one. */
  sample: string;
  other: string;
  /** Values the API refuses, with the reason it gives (after "<name>: "). */
  invalid: [string, string][];
}

const DATETIME_REFUSED = 'a date and time with its offset is required, e.g. 2024-05-17T10:30:00Z.';

const TYPES: Record<FieldType, TypeCode> = {
  string: {
    python: 'str',
    column: 'String(fields.STRING_MAX_LENGTH)',
    sqlalchemy: 'String',
    migration: 'sa.String(length=200)',
    rule: 'String',
    sample: '"A first one"',
    other: '"Another one"',
    invalid: [
      ['"   "', 'a non-empty string is required.'],
      ['42', 'a non-empty string is required.'],
      ['"x" * 201', 'at most 200 characters.'],
      ['"nul\\u0000"', 'contains characters that cannot be stored.'],
    ],
  },
  text: {
    python: 'str',
    column: 'Text',
    sqlalchemy: 'Text',
    migration: 'sa.Text()',
    rule: 'Text',
    sample: '"Some lines\\nof text"',
    other: '"Other text"',
    invalid: [
      ['True', 'a string is required.'],
      ['"x" * 10_001', 'at most 10000 characters.'],
    ],
  },
  integer: {
    python: 'int',
    column: 'Integer',
    sqlalchemy: 'Integer',
    migration: 'sa.Integer()',
    rule: 'Integer',
    sample: '42',
    other: '7',
    invalid: [
      ['"many"', 'an integer is required.'],
      ['True', 'an integer is required.'],
      ['2.5', 'an integer is required.'],
      ['2_147_483_648', 'from -2147483648 to 2147483647.'],
    ],
  },
  decimal: {
    python: 'Decimal',
    column: 'Numeric(12, 2)',
    sqlalchemy: 'Numeric',
    migration: 'sa.Numeric(precision=12, scale=2)',
    rule: 'Decimal',
    sample: '"12.50"',
    other: '"3.25"',
    invalid: [
      ['12.5', 'a decimal number as a string is required, e.g. "12.50".'],
      ['"1.234"', 'a decimal number as a string is required, e.g. "12.50".'],
      ['"12345678901"', 'a decimal number as a string is required, e.g. "12.50".'],
    ],
  },
  boolean: {
    python: 'bool',
    column: 'Boolean',
    sqlalchemy: 'Boolean',
    migration: 'sa.Boolean()',
    rule: 'Boolean',
    sample: 'True',
    other: 'False',
    invalid: [['"yes"', 'true or false is required.']],
  },
  date: {
    python: 'date',
    column: 'Date',
    sqlalchemy: 'Date',
    migration: 'sa.Date()',
    rule: 'Date',
    sample: '"2024-05-17"',
    other: '"2025-01-31"',
    invalid: [
      ['"2024-02-30"', 'a date that exists is required, YYYY-MM-DD.'],
      ['"2024-5-1"', 'a date that exists is required, YYYY-MM-DD.'],
    ],
  },
  datetime: {
    python: 'datetime',
    column: 'DateTime(timezone=True)',
    sqlalchemy: 'DateTime',
    migration: 'sa.DateTime(timezone=True)',
    rule: 'DateTime',
    sample: '"2024-05-17T10:30:00+00:00"',
    other: '"2025-01-31T08:00:00+00:00"',
    invalid: [
      ['"yesterday"', DATETIME_REFUSED],
      ['"2024-05-17T10:30:00"', DATETIME_REFUSED],
      ['"0001-01-01T00:30:00+01:00"', 'a moment that exists, in the years 1 to 9999 in UTC, is required.'],
      ['"2024-02-30T10:30:00Z"', 'a moment that exists, in the years 1 to 9999 in UTC, is required.'],
    ],
  },
};

/** A Python string literal as ruff format writes it (double quotes unless the text has some). */
export function pythonString(text: string): string {
  if (text.includes('"') && !text.includes("'")) return `'${text}'`;
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * `head(items)tail` on one line when it fits in ruff's line length, else as ruff format
 * splits a collection: one item a line, with a trailing comma.
 */
export function fitOrExplode(indent: number, head: string, items: string[], close: string, tail = ''): string {
  const pad = ' '.repeat(indent);
  const line = `${pad}${head}${items.join(', ')}${close}${tail}`;
  if (line.length <= LINE_LENGTH) return line;
  return [`${pad}${head}`, ...items.map((item) => `${pad}    ${item},`), `${pad}${close}${tail}`].join('\n');
}

function describeField(field: Field) {
  const code = TYPES[field.type];
  const type = field.required ? code.python : `${code.python} | None`;
  const args = field.type === 'boolean' && field.required ? `${code.column}, default=False` : code.column;
  const head = `    ${field.name}: Mapped[${type}] = mapped_column(`;
  const column = head.length + args.length + 1 <= LINE_LENGTH ? `${head}${args})` : `${head}\n        ${args}\n    )`;
  const refused: [string, string][] = [
    ...(field.required ? [['None', 'a value is required.'] as [string, string]] : []),
    ...code.invalid,
  ];
  return {
    ...field,
    column,
    rule: `fields.${code.rule}(${field.required ? '' : 'required=False'})`,
    migrationColumn: `sa.Column('${field.name}', ${code.migration}, nullable=${field.required ? 'False' : 'True'}),`,
    sample: code.sample,
    other: code.other,
    invalid: code.invalid[0]![0],
    invalidRows: refused.map(([value, reason]) =>
      fitOrExplode(8, '(', [`{"${field.name}": ${value}}`, pythonString(reason)], ')', ','),
    ),
  };
}

/** `from X import …` lines in the order ruff's isort keeps them (by module, `..` first). */
function sortImports(lines: string[]): string[] {
  const module = (line: string) => (/^from (\S+) import/.exec(line)?.[1] ?? line).replace(/^(\.+)\.?$/, '$1');
  // by code unit, as ruff compares them: item2 < item_a < items
  const key = (line: string) => module(line).toLowerCase();
  return [...lines].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The revisions in migrations/versions: the one to chain onto (the only head) and the next id. */
function nextRevision(projectDir: string): { revision: string; down: string } {
  const dir = join(projectDir, 'migrations', 'versions');
  let files: string[];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.py'));
  } catch {
    throw new UserError(
      'migrations/versions is missing, so the migration cannot be added (was Flask-Migrate removed?). Nothing was written.',
    );
  }
  const revisions = new Set<string>();
  const referenced = new Set<string>();
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    const revision = /^revision(?:\s*:[^=]+)?\s*=\s*['"]([^'"]+)['"]/m.exec(text)?.[1];
    if (!revision) continue;
    revisions.add(revision);
    const down = /^down_revision(?:\s*:[^=]+)?\s*=\s*(.+)$/m.exec(text)?.[1] ?? '';
    for (const match of down.matchAll(/['"]([^'"]+)['"]/g)) referenced.add(match[1]!);
  }
  const heads = [...revisions].filter((revision) => !referenced.has(revision)).sort();
  if (heads.length !== 1)
    throw new UserError(
      heads.length === 0
        ? 'migrations/versions has no revision to build on. Nothing was written.'
        : `migrations/versions has ${heads.length} heads (${heads.join(', ')}): merge them first with \`flask db merge heads\`. Nothing was written.`,
    );
  const numbers = [...revisions].filter((revision) => /^\d+$/.test(revision)).map(Number);
  let next = Math.max(0, ...numbers) + 1;
  while (revisions.has(String(next).padStart(4, '0'))) next++;
  return { revision: String(next).padStart(4, '0'), down: heads[0]! };
}

function readText(projectDir: string, path: string): string {
  try {
    return readFileSync(join(projectDir, path), 'utf8');
  } catch {
    return '';
  }
}

/** The project's package, as `.flaskenv` names it for the flask command. */
function pythonPackageOf(projectDir: string): string {
  const name = /^FLASK_APP=([A-Za-z_][A-Za-z0-9_]*)\s*$/m.exec(readText(projectDir, '.flaskenv'))?.[1];
  if (!name) throw new UserError('.flaskenv no longer names the package (FLASK_APP=<package>). Nothing was written.');
  return name;
}

const ROUTE_MODULES = /^from \. import ([a-z0-9_, ]+?)( {2}# noqa: E402, F401.*)$/m;

export const flaskResource: ResourceGenerator = {
  framework: 'flask',
  reserved: {
    note: 'the starter’s own resource (models.Note, /api/notes)',
    user: 'the accounts’ model (models.User, table users)',
    login_attempt: 'the log-in throttle’s model (table login_attempts)',
    cache_generation: 'the cache’s model (table cache_generations)',
    view: 'the API’s views module (api/views.py)',
    form: 'the forms module (forms.py)',
    command: 'the commands module (commands.py)',
    extension: 'the extensions module (extensions.py)',
    template: 'the templates folder',
    field: 'the fields module of the resources (fields.py)',
    // names the generated views and tests use for their own variables and fixtures
    db: 'the Flask-SQLAlchemy extension (db) the views use',
    query: 'the list view’s query variable',
    location: 'the create view’s Location variable',
    name: 'the update view’s loop variable',
    value: 'the update view’s loop variable',
    url: 'the tests’ url() helper',
    client: 'the tests’ client fixture (tests/conftest.py)',
    writer: 'the tests’ writer fixture (tests/conftest.py)',
    runner: 'the tests’ runner fixture (tests/conftest.py)',
    method: 'a parameter of the generated tests',
    path: 'a parameter of the generated tests',
    changed: 'a variable of the generated tests',
    expected: 'a variable of the generated tests',
    without: 'a variable of the generated tests',
  },
  collectionPath: (r) => `/api/${r.kebabPlural}`,
  existing(r) {
    return [`tests/test_${r.plural}_api.py`];
  },
  actions(r: Resource, project: ProjectFacts, projectDir: string): ResourceAction[] {
    for (const field of r.fields) {
      const clash = FLASK_RESERVED_FIELDS[field.name];
      if (clash) throw new UserError(`The field name ${quote(field.name)} is reserved: it is ${clash}.`);
    }
    const pkg = pythonPackageOf(projectDir);
    const { cache: cacheOption, login, migrate } = project.options;
    const cache = cacheOption !== 'none' && cacheOption !== undefined;
    const props = r.fields.map(describeField);
    const types = new Set(r.fields.map((field) => field.type));
    const first = props[0]!;
    const migration = migrate === true ? nextRevision(projectDir) : undefined;
    const constant = r.name.toUpperCase();
    const models = `${pkg}/models.py`;
    if (cache && !/^CACHED_MODELS: /m.test(readText(projectDir, models)))
      throw new UserError(
        `${models} has no CACHED_MODELS (the cached models and their generations), so the ${r.words} list cannot be cached. Nothing was written.`,
      );
    const sqlalchemy = ['DateTime', ...[...types].map((type) => TYPES[type].sqlalchemy)];
    const data = {
      r,
      pythonPackage: pkg,
      cache,
      login: login === true,
      props,
      first,
      constant,
      idBraced: `{${r.name}_id}`,
      invalidRows: props.flatMap((field) => field.invalidRows),
      mustSend: props.filter((field) => field.required && field.type !== 'boolean'),
      optional: props.filter((field) => !field.required),
      revision: migration?.revision,
      downRevision: migration?.down,
      downRevisionLiteral: migration ? `'${migration.down}'` : 'None',
      pythonImports: [
        `from datetime import ${types.has('date') ? 'date, ' : ''}datetime`,
        ...(types.has('decimal') ? ['from decimal import Decimal'] : []),
        'from typing import Any, ClassVar',
        '',
        `from sqlalchemy import ${[...new Set(sqlalchemy)].sort().join(', ')}`,
        'from sqlalchemy.orm import Mapped, mapped_column',
      ],
      apiImports: sortImports([
        'from .. import fields',
        `from ..${r.plural} import ${r.pascal}`,
        `from ..extensions import ${cache ? 'cache, ' : ''}db`,
        ...(cache ? ['from ..models import cache_key'] : []),
      ]),
      testImports: sortImports([
        ...(cache ? [`from ${pkg} import fields`] : []),
        `from ${pkg}.${r.plural} import ${r.pascal}`,
        `from ${pkg}.extensions import db`,
      ]),
    };
    const { add, modify, before } = resourceActions('flask', data);
    /** `separated`: the rendered template after two blank lines, not ending one. */
    const insertBefore = (path: string, anchor: RegExp, source: string, separated = false) =>
      before(path, anchor, source, separated ? (text) => `\n\n\n${text.trim()}` : undefined);
    const openapi = `${pkg}/api/openapi.py`;
    const openapiText = readText(projectDir, openapi);
    const apiInit = `${pkg}/api/__init__.py`;
    const fieldsModule = `${pkg}/fields.py`;
    return [
      ...(readText(projectDir, fieldsModule) === '' ? [add(fieldsModule, 'package/fields.py.hbs')] : []),
      add(`${pkg}/${r.plural}.py`, 'package/resource.py.hbs'),
      add(`${pkg}/api/${r.plural}.py`, 'package/api/resources.py.hbs'),
      add(`tests/test_${r.plural}_api.py`, 'tests/test_resources_api.py.hbs'),
      ...(migration
        ? [add(`migrations/versions/${migration.revision}_create_${r.plural}.py`, 'migrations/create.py.hbs')]
        : []),
      // the api blueprint imports the modules that register routes on it
      modify(apiInit, ROUTE_MODULES, routeModulesWith(readText(projectDir, apiInit), r)),
      // the OpenAPI document: imports, the resource's constants, paths and schemas
      ...importEdits(openapi, openapiText, [
        ...(/^from \.\. import fields$/m.test(openapiText) ? [] : ['from .. import fields']),
        `from ..${r.plural} import ${r.pascal}`,
      ]),
      insertBefore(
        openapi,
        /\n\n\n@lru_cache\(maxsize=1\)\ndef _document\(/,
        'package/api/openapi-constants.py.hbs',
        true,
      ),
      insertBefore(openapi, /^ {12}"\/api\/openapi\.json": \{$/m, 'package/api/openapi-paths.py.hbs'),
      insertBefore(openapi, /^ {16}"Error": \{$/m, 'package/api/openapi-schemas.py.hbs'),
      // tests/test_openapi.py makes one request per documented answer of every resource
      {
        type: 'modify',
        path: 'tests/test_openapi.py',
        anchor: ANSWERS_ANCHOR,
        source: 'answer_every_status',
        render: async () => answerEveryStatus(r, first),
        transform: async (text) => text.replace(ANSWERS_ANCHOR, (line) => answerEveryStatus(r, first) + line),
        abortOnFail: true,
      },
    ];
  },
};

const ANSWERS_ANCHOR = /\n\n\ndef test_every_documented_answer_has_a_request_here\(/;

function answerEveryStatus(r: Resource, first: ReturnType<typeof describeField>): string {
  const valid = fitOrExplode(
    4,
    'valid={',
    r.fields.map((field) => `"${field.name}": ${TYPES[field.type].sample}`),
    '}',
    ',',
  );
  return [
    '\nanswer_every_status(',
    `    "/api/${r.kebabPlural}",`,
    `    "/api/${r.kebabPlural}/{${r.name}_id}",`,
    valid,
    `    invalid={"${first.name}": ${first.invalid}},`,
    ')',
  ].join('\n');
}

/** The `from . import …` line of api/__init__.py with the resource's module added, in order. */
function routeModulesWith(text: string, r: Resource): string {
  const [, names = '', comment = ''] = ROUTE_MODULES.exec(text) ?? [];
  const listed = names.split(',').map((name) => name.trim());
  return `from . import ${[...new Set([...listed.filter(Boolean), r.plural])].sort().join(', ')}${comment}`;
}

/**
 * Each `from ..x import y` line inserted where ruff's isort keeps it: before the first
 * `from ..` line of the file that sorts after it, else after the last one.
 */
function importEdits(path: string, text: string, lines: string[]): ResourceAction[] {
  const existing = [...text.matchAll(/^from \.\.\S* import .+$/gm)].map((match) => match[0]);
  if (existing.length === 0)
    throw new UserError(`${path} no longer imports from the package (from ..models import …). Nothing was written.`);
  return lines.map((line) => {
    const after = existing.find((candidate) => sortImports([line, candidate])[0] === line);
    const anchor = after ?? existing[existing.length - 1]!;
    const pattern = new RegExp(`^${anchor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm');
    return {
      type: 'modify',
      path,
      pattern,
      template: after ? `${line}\n${anchor}` : `${anchor}\n${line}`,
      abortOnFail: true,
    };
  });
}
