import { defineConfig } from 'vitest/config';

// `npm test`: unit tests (Node only, seconds) and property tests (also need python3, ruby
// and php for the syntax checks). `npm run test:unit` is the Node-only part.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/property/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
