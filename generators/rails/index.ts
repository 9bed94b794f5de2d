import type { FrameworkDefinition } from '../../src/framework.js';

export const rails: FrameworkDefinition = {
  id: 'rails',
  label: 'Rails',
  summary: 'API-only Rails app: versioned JSON resource with slug URLs, pagination, CORS and a rake task',
  language: 'Ruby',
  available: true,
  options: [],
  toolchain: [
    { name: 'Ruby 3.1+', check: ['ruby', '--version'] },
    { name: 'Bundler', check: ['bundle', '--version'] },
  ],
  commands: {
    install: [{ argv: ['bundle', 'install'] }],
    setup: [{ argv: ['bin/rails', 'db:prepare'] }],
    test: [{ argv: ['bin/rails', 'test'] }],
    start: { argv: ['bin/rails', 'server', '-b', '127.0.0.1', '-p', '{port}'] },
    readyPath: '/up',
  },
  // No RubyGems on CI: resolve against the gems Debian installed (ruby-rails, ruby-sqlite3,
  // puma, ruby-rack-cors).
  smokeInstall: [{ argv: ['bundle', 'install', '--local'] }],
  actions: () => [{ type: 'renderTree', templates: 'rails' }],
};
