import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    env: { NODE_ENV: 'test' },
    // .env (DATABASE_URL, REDIS_URL…) as for the server; the environment still wins.
    setupFiles: ['./src/load-env.ts'],
  },
});
