// `add resource <name> --fields …`: the resource name and its fields, checked and turned
// into every form a generator needs (file names, identifiers, tables, URLs). Pure
// functions: no filesystem, no plop.
import { quote, UserError } from '../errors.js';

export const FIELD_TYPES = ['string', 'text', 'integer', 'decimal', 'boolean', 'date', 'datetime'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface Field {
  /** snake_case, as typed (`published_on`): the column and the Python attribute. */
  name: string;
  /** camelCase (`publishedOn`): the JSON key and the TypeScript property. */
  camel: string;
  type: FieldType;
  required: boolean;
}

export interface Resource {
  /** snake_case singular, as typed: `book`, `line_item`. */
  name: string;
  /** snake_case plural: the table, the Django app, the cache tag (`books`, `line_items`). */
  plural: string;
  camel: string;
  pluralCamel: string;
  pascal: string;
  pluralPascal: string;
  /** kebab-case plural, the URL segment and TypeScript folder (`line-items`). */
  kebabPlural: string;
  kebab: string;
  /** Words for messages and docs: `line item`, `line items`. */
  words: string;
  pluralWords: string;
  fields: Field[];
}

const NAME = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const MAX_NAME = 40;

// Words of TypeScript/JavaScript, Python and SQL (the keywords the starters' languages and
// PostgreSQL/SQLite reserve), refused as a resource or a field name.
const LANGUAGE_WORDS: Record<string, string> = Object.fromEntries([
  ...[
    'break',
    'case',
    'catch',
    'class',
    'const',
    'continue',
    'debugger',
    'default',
    'delete',
    'do',
    'else',
    'enum',
    'export',
    'extends',
    'false',
    'finally',
    'for',
    'function',
    'if',
    'import',
    'in',
    'instanceof',
    'new',
    'null',
    'return',
    'super',
    'switch',
    'this',
    'throw',
    'true',
    'try',
    'typeof',
    'var',
    'void',
    'while',
    'with',
    'yield',
    'let',
    'static',
    'implements',
    'interface',
    'package',
    'private',
    'protected',
    'public',
    'await',
    'async',
    'arguments',
    'eval',
    'undefined',
    'constructor',
    'prototype',
    'proto',
  ].map((word) => [word, 'a JavaScript/TypeScript keyword']),
  ...[
    'and',
    'as',
    'assert',
    'def',
    'del',
    'elif',
    'except',
    'from',
    'global',
    'is',
    'lambda',
    'nonlocal',
    'not',
    'or',
    'pass',
    'raise',
    'none',
    'match',
    'type',
  ].map((word) => [word, 'a Python keyword']),
  ...[
    'all',
    'alter',
    'any',
    'array',
    'asc',
    'between',
    'both',
    'by',
    'cast',
    'check',
    'collate',
    'column',
    'constraint',
    'create',
    'cross',
    'current_date',
    'current_time',
    'current_timestamp',
    'current_user',
    'desc',
    'distinct',
    'drop',
    'end',
    'except',
    'exists',
    'fetch',
    'foreign',
    'full',
    'grant',
    'group',
    'having',
    'index',
    'inner',
    'insert',
    'intersect',
    'into',
    'join',
    'key',
    'leading',
    'left',
    'like',
    'limit',
    'natural',
    'offset',
    'on',
    'only',
    'order',
    'outer',
    'primary',
    'references',
    'right',
    'row',
    'select',
    'session_user',
    'set',
    'some',
    'table',
    'then',
    'to',
    'trailing',
    'union',
    'unique',
    'update',
    'user',
    'using',
    'values',
    'when',
    'where',
    'window',
  ].map((word) => [word, 'an SQL reserved word']),
]);

/** Names a resource cannot take in any starter: what each would clash with. */
const RESERVED_RESOURCES: Record<string, string> = {
  ...LANGUAGE_WORDS,
  api: 'the /api prefix',
  health: 'the /api/health route',
  openapi: 'the /openapi.json document',
  schema_migration: 'the migrations table',
  migration: 'the migrations folders',
  test: 'the test folders',
  static: 'the static files',
  config: 'the config package',
  model: 'the frameworks’ base model classes',
  object: 'Python’s and JavaScript’s base object',
  string: 'a built-in type',
  number: 'a built-in type',
  error: 'the error handler and Error type',
  request: 'the request objects',
  response: 'the response objects',
  router: 'the routers',
  app: 'the application object',
  cache: 'the response cache',
  session: 'the sessions',
  admin: 'the admin site',
  auth: 'the auth apps and middleware',
};

/** Field names the generated model sets itself. */
const RESERVED_FIELDS: Record<string, string> = {
  ...LANGUAGE_WORDS,
  id: 'the primary key every resource has',
  created_at: 'the creation timestamp every resource has',
  updated_at: 'the change timestamp every resource has',
  seq: 'the insertion order column (PostgreSQL)',
  pk: "Django's primary key alias",
  objects: "Django's model manager",
  data: 'the envelope of every JSON answer',
  error: 'the envelope of every error answer',
};

function words(name: string): string[] {
  return name.split('_');
}
const cap = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const camelOf = (name: string) =>
  words(name)
    .map((word, i) => (i === 0 ? word : cap(word)))
    .join('');

/** English plural of the last word: book → books, category → categories, box → boxes. */
export function pluralOf(name: string): string {
  if (/[^aeiou]y$/.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(name)) return `${name}es`;
  return `${name}s`;
}

function nameProblem(name: string, what: string): string | undefined {
  if (!NAME.test(name))
    return `${what} ${quote(name)} must be snake_case: lowercase letters and digits, words joined by single underscores, starting with a letter`;
  if (name.length > MAX_NAME) return `${what} ${quote(name)} is longer than ${MAX_NAME} characters`;
  return undefined;
}

/**
 * Checks the resource name (singular) and the `--fields` list (`title:string,notes:text?`)
 * against every starter's rules plus `reserved` (a starter's own: its resources and apps)
 * and `reservedFields` (names its models cannot give a field).
 * Throws a UserError naming the first problem and why.
 */
export function parseResource(
  name: string,
  fieldList: string | undefined,
  reserved: Readonly<Record<string, string>> = {},
  reservedFields: Readonly<Record<string, string>> = {},
): Resource {
  const problem = nameProblem(name, 'The resource name');
  if (problem) throw new UserError(`${problem}.`);
  const plural = pluralOf(name);
  if (/[^siu]s$/.test(name) && !reserved[name])
    throw new UserError(`The resource name ${quote(name)} must be singular (its plural names the table and the URL).`);
  for (const candidate of [name, plural]) {
    const clash = reserved[candidate] ?? RESERVED_RESOURCES[candidate];
    if (clash) throw new UserError(`The resource name ${quote(name)} is reserved: ${quote(candidate)} is ${clash}.`);
  }
  const fields = parseFields(fieldList ?? '', reservedFields);
  if (fields.length === 0)
    throw new UserError(
      'Give the resource at least one field: --fields title:string,pages:integer (types: ' +
        FIELD_TYPES.join(', ') +
        ').',
    );
  return {
    name,
    plural,
    camel: camelOf(name),
    pluralCamel: camelOf(plural),
    pascal: cap(camelOf(name)),
    pluralPascal: cap(camelOf(plural)),
    kebab: name.replaceAll('_', '-'),
    kebabPlural: plural.replaceAll('_', '-'),
    words: name.replaceAll('_', ' '),
    pluralWords: plural.replaceAll('_', ' '),
    fields,
  };
}

export function parseFields(list: string, reserved: Readonly<Record<string, string>> = {}): Field[] {
  const fields: Field[] = [];
  for (const item of list
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([^:]+):([a-z]+)(\?)?$/.exec(item);
    if (!match)
      throw new UserError(
        `The field ${quote(item)} must be name:type or name:type? (optional), e.g. title:string or notes:text?.`,
      );
    const [, name, type, optional] = match as unknown as [string, string, string, string | undefined];
    const problem = nameProblem(name, 'The field name');
    if (problem) throw new UserError(`${problem}.`);
    const clash = RESERVED_FIELDS[name] ?? reserved[name];
    if (clash) throw new UserError(`The field name ${quote(name)} is reserved: it is ${clash}.`);
    if (!(FIELD_TYPES as readonly string[]).includes(type))
      throw new UserError(
        `The field ${quote(name)} has the unknown type ${quote(type)}; the types are ${FIELD_TYPES.join(', ')}.`,
      );
    if (fields.some((field) => field.name === name || field.camel === camelOf(name)))
      throw new UserError(`The field ${quote(name)} is given twice.`);
    fields.push({ name, camel: camelOf(name), type: type as FieldType, required: !optional });
  }
  return fields;
}
