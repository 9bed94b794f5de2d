import type { FrameworkDefinition } from '../../src/framework.js';
import { cacheOption, databaseOption, libraryNames, overlay, PYTHON_TEST_NAMES, pythonInstall } from '../shared.js';

// The base tree is the default project (SQLite, in-process cache); settings, requirements,
// compose.yaml and the CI workflow switch on the options inside their `.hbs` files, and
// each folder under `templates/django/_overlays/` adds the tests of one option value.
export const django: FrameworkDefinition = {
  id: 'django',
  label: 'Django',
  summary:
    'Email-login accounts (sign-up, password change/reset, lockout), a session-auth JSON API, deploy-checked settings',
  language: 'Python',
  options: [
    databaseOption('Database', { postgres: 'psycopg 3, DATABASE_URL' }),
    cacheOption('Cache (also holds the log-in lockout counters)', {
      memory: 'per process',
      redis: "Django's RedisCache, REDIS_URL",
    }),
  ],
  reservedNames: { ...PYTHON_TEST_NAMES, ...libraryNames('package', ['django']) },
  secrets: { secretKey: { bytes: 48, encoding: 'base64url' } },
  toolchain: [{ name: 'Python 3.10+', check: ['python3', '--version'] }],
  commands: {
    install: pythonInstall(['requirements-dev.txt']),
    setup: [{ argv: ['.venv/bin/python', 'manage.py', 'migrate'] }],
    test: [{ argv: ['.venv/bin/python', '-m', 'pytest'] }],
    lint: [{ argv: ['.venv/bin/ruff', 'check', '.'] }, { argv: ['.venv/bin/ruff', 'format', '--check', '.'] }],
    start: { argv: ['.venv/bin/python', 'manage.py', 'runserver', '127.0.0.1:{port}'] },
    readyPath: '/',
    defaultPort: 8000,
  },
  actions: () => [
    { type: 'renderTree', templates: 'django' },
    overlay('django', 'postgres', (options) => options.db === 'postgres', 'db is not "postgres"'),
    overlay('django', 'redis', (options) => options.cache === 'redis', 'cache is not "redis"'),
  ],
};
