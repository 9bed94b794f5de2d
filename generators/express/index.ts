import type { FrameworkDefinition, OptionValues, RenderTreeAction } from '../../src/framework.js';

// The base tree holds everything every combination shares; each folder under
// `templates/express/_overlays/` adds one option value's own files (a repository and its
// migrations, a cache store, their tests). Small differences use `{{#if}}` in `.hbs` files.
function overlay(name: string, isOn: (options: OptionValues) => boolean, whyOff: string): RenderTreeAction {
  return { type: 'renderTree', templates: `express/_overlays/${name}`, skip: (data) => (isOn(data.options) ? false : whyOff) };
}

export const express: FrameworkDefinition = {
  id: 'express',
  label: 'Express',
  summary: 'TypeScript REST API with routers per resource, SQLite or PostgreSQL, response caching and server-rendered pages',
  language: 'TypeScript',
  available: true,
  options: [
    {
      kind: 'choice',
      name: 'db',
      message: 'Database for the tasks repository',
      choices: [
        { value: 'sqlite', label: 'SQLite', hint: 'better-sqlite3, a file in data/' },
        { value: 'postgres', label: 'PostgreSQL', hint: 'node-postgres, reads DATABASE_URL', services: ['postgres'] },
      ],
      default: 'sqlite',
    },
    {
      kind: 'choice',
      name: 'cache',
      message: 'Store of the response cache',
      choices: [
        { value: 'memory', label: 'In memory', hint: 'per process, LRU' },
        { value: 'redis', label: 'Redis', hint: 'shared by every process, reads REDIS_URL', services: ['redis'] },
      ],
      default: 'memory',
    },
  ],
  toolchain: [{ name: 'Node.js 20+', check: ['node', '--version'] }],
  commands: {
    install: [{ argv: ['{pm}', 'install'] }],
    test: [{ argv: ['{pm}', 'test'] }],
    setup: [{ argv: ['{pm}', 'run', 'build'] }, { argv: ['{pm}', 'run', 'db:migrate'] }],
    start: { argv: ['{pm}', 'start'] },
    readyPath: '/',
  },
  actions: () => [
    { type: 'renderTree', templates: 'express' },
    overlay('sqlite', (options) => options.db === 'sqlite', 'the database is not SQLite'),
    overlay('postgres', (options) => options.db === 'postgres', 'the database is not PostgreSQL'),
    overlay('redis', (options) => options.cache === 'redis', 'the response cache is not in Redis'),
  ],
};
