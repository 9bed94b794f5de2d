import type { FrameworkDefinition } from '../../src/framework.js';

export const django: FrameworkDefinition = {
  id: 'django',
  label: 'Django',
  summary: 'Email-login accounts (sign-up, password change/reset, lockout), a session-auth JSON API, deploy-checked settings',
  language: 'Python',
  available: true,
  options: [],
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
  actions: () => [{ type: 'renderTree', templates: 'django' }],
};
