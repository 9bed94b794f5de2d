import type { FrameworkDefinition } from '../../src/framework.js';

export const django: FrameworkDefinition = {
  id: 'django',
  label: 'Django',
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
  actions: () => [{ type: 'renderTree', templates: 'django' }],
};
