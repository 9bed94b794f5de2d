import type { FrameworkDefinition } from '../../src/framework.js';

export const laravel: FrameworkDefinition = {
  id: 'laravel',
  label: 'Laravel',
  summary: 'coming soon',
  language: 'PHP',
  available: false,
  options: [],
  toolchain: [],
  commands: {
    install: [],
    test: [],
    setup: [],
    start: { argv: [] },
    readyPath: '/',
  },
  actions: () => [{ type: 'renderTree', templates: 'laravel' }],
};
