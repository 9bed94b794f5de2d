import { defineConfig } from 'vitest/config';

// `npm test`: unit tests (Node only, seconds) and property tests (also need python3, ruby
// and php for the syntax checks). `npm run test:unit` is the Node-only part.
// Worker threads without per-file isolation: the tests share no mutable state (runCli
// gets its context injected), and skipping a fresh module graph per file halves the CPU.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/property/**/*.test.ts'],
    setupFiles: ['test/unit/setup.ts'],
    pool: 'threads',
    isolate: false,
    // both cores: vitest keeps one for itself by default, which doubles the wall time here
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
