// Pieces several framework definitions share, so each starter's options read the same
// and the same flag means the same thing everywhere (`--db postgres`, `--cache redis`).
import type { ChoiceOption, Command, OptionValues, RenderTreeAction } from '../src/framework.js';

/**
 * Adds `templates/<framework>/_overlays/<name>/` when `isOn(options)`; otherwise the
 * action is skipped with `whyOff` as plop's reason.
 */
export function overlay(
  framework: string,
  name: string,
  isOn: (options: OptionValues) => boolean,
  whyOff: string,
): RenderTreeAction {
  return {
    type: 'renderTree',
    templates: `${framework}/_overlays/${name}`,
    skip: (data) => (isOn(data.options) ? false : whyOff),
  };
}

/** `--db sqlite|postgres`: SQLite by default, PostgreSQL through DATABASE_URL. */
export function databaseOption(message: string, hints: { sqlite?: string; postgres: string }): ChoiceOption {
  return {
    kind: 'choice',
    name: 'db',
    message,
    choices: [
      { value: 'sqlite', label: 'SQLite', hint: hints.sqlite ?? 'a file, nothing to run' },
      { value: 'postgres', label: 'PostgreSQL', hint: hints.postgres, services: ['postgres'] },
    ],
    default: 'sqlite',
  };
}

/**
 * `--cache memory|redis` (plus any extra choices, e.g. `none`): the local store by default
 * (in process; `memoryLabel` names it where it is e.g. files), Redis through REDIS_URL.
 */
export function cacheOption(
  message: string,
  hints: { memory: string; redis: string; memoryLabel?: string },
  extra: ChoiceOption['choices'] = [],
): ChoiceOption {
  return {
    kind: 'choice',
    name: 'cache',
    message,
    choices: [
      { value: 'memory', label: hints.memoryLabel ?? 'In memory', hint: hints.memory },
      { value: 'redis', label: 'Redis', hint: hints.redis, services: ['redis'] },
      ...extra,
    ],
    default: 'memory',
  };
}

/** A virtualenv in `.venv` and pip install of the given requirement files; uv when present. */
export function pythonInstall(requirementFiles: readonly string[]): Command[] {
  const requirements = requirementFiles.flatMap((file) => ['-r', file]);
  return [
    { argv: ['{python}', '-m', 'venv', '.venv'], faster: { argv: ['uv', 'venv', '--quiet', '.venv'] } },
    {
      argv: ['.venv/bin/pip', 'install', ...requirements],
      faster: { argv: ['uv', 'pip', 'install', '--python', '.venv/bin/python', ...requirements] },
    },
  ];
}

/** `{ name: "the <name> <kind>" }` for each name: reserved names of the libraries a starter imports. */
export function libraryNames(kind: string, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, `the ${name} ${kind}`]));
}

/** Names a Node project cannot take: core modules (npm refuses them too) and npm's own. */
export const NODE_RESERVED_NAMES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    ['fs', 'path', 'events', 'crypto', 'util', 'stream', 'url', 'http', 'https', 'os', 'test'].map((module) => [
      module,
      `Node's ${module} module`,
    ]),
  ),
  node_modules: "npm's node_modules folder",
  favicon: 'an npm reserved name',
};

/** Names a Python project's tests would shadow. */
export const PYTHON_TEST_NAMES: Readonly<Record<string, string>> = {
  test: "Python's test package",
  tests: "the project's tests package",
  pytest: 'the pytest package',
  conftest: "pytest's conftest module",
};

/**
 * Python standard library modules the Python starters import: a starter that names a
 * package after the project lists these in its `reservedNames`.
 */
export const PYTHON_MODULE_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  [
    'os',
    'sys',
    'json',
    'email',
    'http',
    'logging',
    'secrets',
    'string',
    'typing',
    'site',
    'random',
    'datetime',
    'functools',
    'pathlib',
    're',
    'time',
    'uuid',
    'types',
    'abc',
    'enum',
    'io',
    'copy',
    'collections',
    'dataclasses',
    'decimal',
    'hashlib',
    'hmac',
    'inspect',
    'math',
    'operator',
    'platform',
    'queue',
    'select',
    'signal',
    'socket',
    'ssl',
    'subprocess',
    'tempfile',
    'threading',
    'unittest',
    'urllib',
    'warnings',
    'weakref',
    'zipfile',
    'code',
    'token',
    'ast',
    'base64',
    'binascii',
    'calendar',
    'contextlib',
    'csv',
    'glob',
    'gzip',
    'html',
    'locale',
    'numbers',
    'pickle',
    'pprint',
    'shutil',
    'sqlite3',
    'stat',
    'struct',
    'textwrap',
    'traceback',
    'wsgiref',
    'xml',
    'zlib',
  ].map((module) => [module, `Python's ${module} module`]),
);
