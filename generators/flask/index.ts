import type { FrameworkDefinition } from '../../src/framework.js';

export const flask: FrameworkDefinition = {
  id: 'flask',
  label: 'Flask',
  summary: 'coming soon',
  language: 'Python',
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
  actions: () => [{ type: 'renderTree', templates: 'flask' }],
};
