import { defineConfig } from 'vitest/config';

// The smoke tests run real installers and servers: long timeouts, two at a time.
export default defineConfig({
  test: {
    include: ['test/smoke/**/*.smoke.test.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 5 * 60_000,
    maxWorkers: 2,
    reporters: ['verbose'],
  },
});
