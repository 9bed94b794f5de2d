import type { FrameworkDefinition, OptionValues, RenderTreeAction } from '../../src/framework.js';

// The base tree is the app with every optional extension off; each folder under
// `templates/flask/_overlays/` adds one extension's own files (blueprint, migrations,
// tests). Code shared by several extensions uses `{{#if}}` in its `.hbs` file.
function overlay(name: string, isOn: (options: OptionValues) => boolean, whyOff: string): RenderTreeAction {
  return { type: 'renderTree', templates: `flask/_overlays/${name}`, skip: (data) => (isOn(data.options) ? false : whyOff) };
}

export const flask: FrameworkDefinition = {
  id: 'flask',
  label: 'Flask',
  summary: 'App factory, blueprints, SQLAlchemy + Migrate, Login, WTF forms with CSRF, Caching, pytest',
  language: 'Python',
  available: true,
  options: [
    {
      kind: 'choice',
      name: 'cache',
      message: 'Which cache for the home page and the API list (Flask-Caching)?',
      choices: [
        { value: 'memory', label: 'In memory', hint: 'SimpleCache, per process' },
        { value: 'none', label: 'None', hint: 'no Flask-Caching' },
      ],
      default: 'memory',
    },
    {
      kind: 'toggle',
      name: 'login',
      message: 'User accounts with Flask-Login (register, log in, log out, a members-only page)?',
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
  toolchain: [{ name: 'Python 3.10+', check: ['python3', '--version'] }],
  commands: {
    install: [
      { argv: ['{python}', '-m', 'venv', '.venv'] },
      { argv: ['.venv/bin/pip', 'install', '-r', 'requirements.txt', '-r', 'requirements-dev.txt'] },
    ],
    // `init-db` is the project's own command: `flask db upgrade` with Flask-Migrate,
    // `db.create_all()` without, so this step is the same for every option combination.
    setup: [{ argv: ['.venv/bin/flask', 'init-db'] }],
    test: [{ argv: ['.venv/bin/python', '-m', 'pytest'] }],
    start: { argv: ['.venv/bin/flask', 'run', '--host', '127.0.0.1', '--port', '{port}'] },
    readyPath: '/',
  },
  actions: () => [
    { type: 'renderTree', templates: 'flask' },
    overlay('cache', (options) => options.cache !== 'none', 'cache is "none"'),
    overlay('login', (options) => options.login === true, 'login is off'),
    overlay('csrf', (options) => options.csrf === true, 'csrf is off'),
    overlay('migrate', (options) => options.migrate === true, 'migrate is off'),
  ],
};
