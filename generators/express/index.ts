import type { FrameworkDefinition } from '../../src/framework.js';

export const express: FrameworkDefinition = {
  id: 'express',
  label: 'Express',
  summary: 'TypeScript REST API with routers per resource, response caching and server-rendered pages',
  language: 'TypeScript',
  available: true,
  options: [],
  toolchain: [{ name: 'Node.js 20+', check: ['node', '--version'] }],
  commands: {
    install: [{ argv: ['{pm}', 'install'] }],
    test: [{ argv: ['{pm}', 'test'] }],
    setup: [{ argv: ['{pm}', 'run', 'build'] }],
    start: { argv: ['{pm}', 'start'] },
    readyPath: '/',
  },
  actions: () => [{ type: 'renderTree', templates: 'express' }],
};
