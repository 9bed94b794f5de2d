import type { FrameworkDefinition } from '../../src/framework.js';
import {
  cacheOption,
  databaseOption,
  libraryNames,
  overlay,
  PYTHON_MODULE_NAMES,
  PYTHON_TEST_NAMES,
  pythonInstall,
} from '../shared.js';

// The base tree is the app with every optional extension off; each folder under
// `templates/flask/_overlays/` adds one extension's own files (blueprint, migrations,
// tests). Code shared by several extensions uses `{{#if}}` in its `.hbs` file, and so do
// the settings, requirements, compose.yaml and the CI workflow for `db` and `cache`.
// The project's package is named after the project, so it must not take the name of a
// module the project imports (or of a folder/module of its own at the top level).
const FLASK_RESERVED_NAMES: Readonly<Record<string, string>> = {
  migrations: "the project's migrations folder",
  instance: "Flask's instance folder",
  conftest: "pytest's conftest module",
  wsgi: "the project's wsgi module (gunicorn's entry point)",
  flask_sqlalchemy: 'the Flask-SQLAlchemy package',
  flask_migrate: 'the Flask-Migrate package',
  flask_login: 'the Flask-Login package',
  flask_wtf: 'the Flask-WTF package',
  flask_caching: 'the Flask-Caching package',
  dotenv: 'the python-dotenv package',
  alembic: 'the alembic package',
  markupsafe: 'the markupsafe package',
  itsdangerous: 'the itsdangerous package',
  cachelib: 'the cachelib package',
  gunicorn: 'the gunicorn package',
  psycopg: 'the psycopg package',
  redis: 'the redis package',
  wtforms: 'the wtforms package',
  werkzeug: 'the werkzeug package',
  jinja2: 'the jinja2 package',
  sqlalchemy: 'the sqlalchemy package',
  click: 'the click package',
};

export const flask: FrameworkDefinition = {
  id: 'flask',
  label: 'Flask',
  summary: 'App factory, blueprints, SQLAlchemy + Migrate, Login, WTF forms with CSRF, Caching, pytest',
  language: 'Python',
  options: [
    databaseOption('Database (Flask-SQLAlchemy)?', {
      sqlite: 'a file in instance/, nothing to run',
      postgres: 'psycopg 3, DATABASE_URL',
    }),
    cacheOption(
      'Which cache for the home page and the API list (Flask-Caching)?',
      { memory: 'SimpleCache, one per worker process', redis: 'RedisCache, shared, REDIS_URL' },
      [{ value: 'none', label: 'None', hint: 'no Flask-Caching' }],
    ),
    {
      kind: 'toggle',
      name: 'login',
      message:
        'User accounts with Flask-Login (register, log in with a throttle, log out; only members write notes)? (off: API writes need API_TOKEN)',
      default: true,
    },
    {
      kind: 'toggle',
      name: 'csrf',
      message: 'Forms with Flask-WTF and CSRF protection? (off: plain WTForms forms, no CSRF tokens, also for login)',
      default: true,
    },
    {
      kind: 'toggle',
      name: 'migrate',
      message: 'Database migrations with Flask-Migrate? (off: `flask init-db` creates the tables)',
      default: true,
    },
  ],
  reservedNames: {
    ...PYTHON_MODULE_NAMES,
    ...PYTHON_TEST_NAMES,
    ...libraryNames('package', ['flask']),
    ...FLASK_RESERVED_NAMES,
  },
  secrets: { secretKey: { bytes: 48, encoding: 'base64url' } },
  toolchain: [{ name: 'Python 3.10+', check: ['python3', '--version'] }],
  commands: {
    install: pythonInstall(['requirements.txt', 'requirements-dev.txt']),
    // `init-db` is the project's own command: `flask db upgrade` with Flask-Migrate,
    // `db.create_all()` without, so this step is the same for every option combination.
    setup: [{ argv: ['.venv/bin/flask', 'init-db'] }],
    test: [{ argv: ['.venv/bin/python', '-m', 'pytest'] }],
    lint: [{ argv: ['.venv/bin/ruff', 'check', '.'] }, { argv: ['.venv/bin/ruff', 'format', '--check', '.'] }],
    start: { argv: ['.venv/bin/flask', 'run', '--host', '127.0.0.1', '--port', '{port}'] },
    readyPath: '/',
    defaultPort: 5000,
  },
  actions: () => [
    { type: 'renderTree', templates: 'flask' },
    overlay('flask', 'cache', (options) => options.cache !== 'none', 'cache is "none"'),
    overlay('flask', 'login', (options) => options.login === true, 'login is off'),
    overlay('flask', 'csrf', (options) => options.csrf === true, 'csrf is off'),
    overlay('flask', 'migrate', (options) => options.migrate === true, 'migrate is off'),
  ],
};
