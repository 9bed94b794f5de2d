import type { FrameworkDefinition } from '../../src/framework.js';
import { cacheOption, databaseOption, libraryNames, NODE_RESERVED_NAMES, overlay } from '../shared.js';

// The base tree holds everything every combination shares; each folder under
// `templates/express/_overlays/` adds one option value's own files (a repository and its
// migrations, a cache store, their tests). Small differences use `{{#if}}` in `.hbs` files.
export const express: FrameworkDefinition = {
  id: 'express',
  label: 'Express',
  summary:
    'TypeScript REST API with routers per resource, SQLite or PostgreSQL, response caching and server-rendered pages',
  language: 'TypeScript',
  options: [
    databaseOption('Database for the tasks repository', {
      sqlite: 'better-sqlite3, a file in data/',
      postgres: 'node-postgres, reads DATABASE_URL',
    }),
    cacheOption('Store of the response cache', {
      memory: 'per process, LRU',
      redis: 'shared by every process, reads REDIS_URL',
    }),
  ],
  reservedNames: { ...NODE_RESERVED_NAMES, ...libraryNames('package', ['express', 'vitest']) },
  secrets: { sessionSecret: { bytes: 32, encoding: 'hex' } },
  toolchain: [{ name: 'Node.js 22+', check: ['node', '--version'] }],
  commands: {
    install: [{ argv: ['{pm}', 'install'] }],
    test: [{ argv: ['{pm}', 'test'] }],
    lint: [{ argv: ['{pm}', 'run', 'lint'] }, { argv: ['{pm}', 'run', 'typecheck'] }],
    setup: [{ argv: ['{pm}', 'run', 'build'] }, { argv: ['{pm}', 'run', 'db:migrate'] }],
    // Development mode (stack traces, sample data): `npm start` runs the built server in
    // production mode unless NODE_ENV=development.
    start: { argv: ['{pm}', 'run', 'dev'] },
    readyPath: '/',
    defaultPort: 3000,
  },
  actions: () => [
    { type: 'renderTree', templates: 'express' },
    overlay('express', 'sqlite', (options) => options.db === 'sqlite', 'the database is not SQLite'),
    overlay('express', 'postgres', (options) => options.db === 'postgres', 'the database is not PostgreSQL'),
    overlay('express', 'redis', (options) => options.cache === 'redis', 'the response cache is not in Redis'),
  ],
};
