import type { ResponseCache } from '../src/cache/response-cache.js';
import { createApp } from '../src/app.js';
import { type Config, loadConfig } from '../src/config.js';
import type { TaskRepository } from '../src/tasks/task-repository.js';
import { testCache } from './support/cache.js';
import { testDatabase } from './support/database.js';

/** The API token of every test app; `auth` is the header that sends it. */
export const TEST_API_TOKEN = 'test-token-0123456789abcdef0123456789abcdef';
export const auth = { Authorization: `Bearer ${TEST_API_TOKEN}` };

/**
 * A fresh app for one test: its own database (test/support/database.ts) and response
 * cache (test/support/cache.ts), on the same database and cache store as the app.
 * `env` overrides variables (`undefined` removes one, e.g. NODE_ENV).
 */
export async function buildTestApp(
  options: { env?: Partial<Record<keyof Config, string | undefined>>; tasks?: TaskRepository; cache?: ResponseCache } = {},
) {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', API_TOKEN: TEST_API_TOKEN, ...options.env });
  const tasks = options.tasks ?? (await testDatabase()).tasks;
  const cache = options.cache ?? (await testCache());
  return { app: createApp({ config, tasks, cache, logRequests: false }), tasks, cache, config };
}
