// Turns the project name into every identifier a template needs, and refuses names
// that would break one of them. Pure functions: no filesystem, no prompts.

export const MAX_NAME_LENGTH = 64;

/**
 * Names a generated project must not take because the project would shadow a module it
 * imports (or a framework command would refuse it). Value: what it would shadow.
 */
const RESERVED_NAMES: Readonly<Record<string, string>> = {
  // the frameworks and their core libraries
  express: 'the express package',
  django: 'the django package',
  flask: 'the flask package',
  rails: 'the rails gem',
  laravel: 'the laravel framework',
  illuminate: 'the illuminate packages',
  rack: 'the rack gem',
  puma: 'the puma gem',
  werkzeug: 'the werkzeug package',
  jinja2: 'the jinja2 package',
  sqlalchemy: 'the sqlalchemy package',
  wtforms: 'the wtforms package',
  click: 'the click package',
  pytest: 'the pytest package',
  vitest: 'the vitest package',
  test: 'the test modules of Python, Ruby and Node',
  tests: 'the tests package of the generated project',
  // Node core modules (npm refuses these as package names too)
  fs: "Node's fs module",
  path: "Node's path module",
  events: "Node's events module",
  crypto: "Node's crypto module",
  util: "Node's util module",
  stream: "Node's stream module",
  url: "Node's url module",
  node_modules: "npm's node_modules folder",
  favicon: 'an npm reserved name',
};

/**
 * Python standard library modules the Python starters import: a framework that names a
 * package after the project lists these in its `reservedNames`.
 */
export const PYTHON_MODULE_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  ['os', 'sys', 'json', 'email', 'http', 'logging', 'secrets', 'string', 'typing', 'site', 'random', 'datetime', 'functools', 'pathlib', 're', 'time', 'uuid', 'types', 'abc', 'enum', 'io', 'copy', 'collections', 'dataclasses', 'decimal', 'hashlib', 'hmac', 'inspect', 'math', 'operator', 'platform', 'queue', 'select', 'signal', 'socket', 'ssl', 'subprocess', 'tempfile', 'threading', 'unittest', 'urllib', 'warnings', 'weakref', 'zipfile', 'code', 'token', 'ast', 'base64', 'binascii', 'calendar', 'contextlib', 'csv', 'glob', 'gzip', 'html', 'locale', 'numbers', 'pickle', 'pprint', 'shutil', 'sqlite3', 'stat', 'struct', 'textwrap', 'traceback', 'wsgiref', 'xml', 'zlib'].map((module) => [module, `Python's ${module} module`]),
);

const NAME_PATTERN = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;

/**
 * Returns why `name` cannot be a project name, or undefined when it can. `reserved` adds
 * names one framework cannot take (its definition's `reservedNames`).
 */
export function projectNameProblem(name: string, reserved: Readonly<Record<string, string>> = {}): string | undefined {
  if (name.trim() === '') return 'the name is empty';
  if (name === '.' || name === '..' || name.split(/[\\/]/).includes('..')) {
    return 'it must be a new folder name, not "." or ".."';
  }
  if (/[\\/]/.test(name)) return 'it contains a path separator; pass a plain folder name or an absolute path';
  if (name.length > MAX_NAME_LENGTH) return `it is longer than ${MAX_NAME_LENGTH} characters`;
  if (/^[._-]/.test(name)) return `it starts with "${name[0]}"; start with a lowercase letter`;
  if (/^[0-9]/.test(name)) return 'it starts with a digit; Python and Ruby identifiers cannot';
  if (/\s/.test(name)) return 'it contains whitespace';
  if (/[A-Z]/.test(name)) return 'it contains uppercase letters; npm package names are lowercase';
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(name)) return 'it contains non-ASCII characters';
  if (!NAME_PATTERN.test(name)) {
    return 'use lowercase letters, digits and single "-" or "_" between them';
  }
  const key = toPythonPackage(name);
  const shadowed = RESERVED_NAMES[key] ?? RESERVED_NAMES[name] ?? reserved[key] ?? reserved[name];
  if (shadowed) return `it would shadow ${shadowed}`;
  return undefined;
}

export function isValidProjectName(name: string): boolean {
  return projectNameProblem(name) === undefined;
}

/** Best-effort valid name from free text (used to suggest a default). */
export function toValidProjectName(text: string): string {
  const candidate = text
    .trim()
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/[-_]{2,}/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/[-_]+$/, '')
    .slice(0, MAX_NAME_LENGTH)
    .replace(/[-_]+$/, '');
  return candidate;
}

function words(name: string): string[] {
  return name.split(/[-_]/).filter(Boolean);
}

/** npm package name: the project name itself (already lowercase, URL-safe). */
export function toPackageName(name: string): string {
  return name;
}

/** Python package/module: `my-app` → `my_app`. */
export function toPythonPackage(name: string): string {
  return name.replace(/-/g, '_');
}

/** Ruby module / PHP class constant: `my-app` → `MyApp`. */
export function toModuleName(name: string): string {
  return words(name)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

/** Human title: `my-app` → `My App`. */
export function toTitle(name: string): string {
  return words(name)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}
