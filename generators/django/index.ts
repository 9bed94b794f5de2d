import type { FrameworkDefinition, OptionValues, RenderTreeAction } from '../../src/framework.js';

// The base tree is the default project (SQLite, in-process cache); settings, requirements,
// compose.yaml and the CI workflow switch on the options inside their `.hbs` files, and
// each folder under `templates/django/_overlays/` adds the tests of one option value.
function overlay(name: string, isOn: (options: OptionValues) => boolean, whyOff: string): RenderTreeAction {
  return { type: 'renderTree', templates: `django/_overlays/${name}`, skip: (data) => (isOn(data.options) ? false : whyOff) };
}

export const django: FrameworkDefinition = {
  id: 'django',
  label: 'Django',
  summary: 'Email-login accounts (sign-up, password change/reset, lockout), a session-auth JSON API, deploy-checked settings',
  language: 'Python',
  available: true,
  options: [
    {
      kind: 'choice',
      name: 'db',
      message: 'Database',
      choices: [
        { value: 'sqlite', label: 'SQLite', hint: 'a file, nothing to run' },
        { value: 'postgres', label: 'PostgreSQL', hint: 'psycopg 3, DATABASE_URL', services: ['postgres'] },
      ],
      default: 'sqlite',
    },
    {
      kind: 'choice',
      name: 'cache',
      message: 'Cache (also holds the log-in lockout counters)',
      choices: [
        { value: 'memory', label: 'In memory', hint: 'per process' },
        { value: 'redis', label: 'Redis', hint: "Django's RedisCache, REDIS_URL", services: ['redis'] },
      ],
      default: 'memory',
    },
  ],
  toolchain: [{ name: 'Python 3.10+', check: ['python3', '--version'] }],
  commands: {
    install: [
      { argv: ['{python}', '-m', 'venv', '.venv'] },
      { argv: ['.venv/bin/pip', 'install', '-r', 'requirements-dev.txt'] },
    ],
    setup: [{ argv: ['.venv/bin/python', 'manage.py', 'migrate'] }],
    test: [{ argv: ['.venv/bin/python', '-m', 'pytest'] }],
    start: { argv: ['.venv/bin/python', 'manage.py', 'runserver', '127.0.0.1:{port}'] },
    readyPath: '/',
  },
  actions: () => [
    { type: 'renderTree', templates: 'django' },
    overlay('postgres', (options) => options.db === 'postgres', 'db is not "postgres"'),
    overlay('redis', (options) => options.cache === 'redis', 'cache is not "redis"'),
  ],
};
