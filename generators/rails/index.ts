import type { FrameworkDefinition } from '../../src/framework.js';

export const rails: FrameworkDefinition = {
  id: 'rails',
  label: 'Rails',
  summary: 'coming soon',
  language: 'Ruby',
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
  actions: () => [{ type: 'renderTree', templates: 'rails' }],
};
