import { ResponseCache } from '../src/cache/response-cache.js';
import { type Config, loadConfig } from '../src/config.js';
import { createApp } from '../src/app.js';
import { InMemoryTaskRepository } from '../src/tasks/in-memory-task-repository.js';
import type { TaskRepository } from '../src/tasks/task-repository.js';

/** A fresh app with its own store and cache, so tests never share state. */
export function buildTestApp(options: { env?: Partial<Record<keyof Config, string>>; tasks?: TaskRepository } = {}) {
  const config = loadConfig({ NODE_ENV: 'test', ...options.env });
  const tasks = options.tasks ?? new InMemoryTaskRepository();
  const cache = new ResponseCache({ ttlMs: 60_000, maxEntries: 100 });
  return { app: createApp({ config, tasks, cache, logRequests: false }), tasks, cache, config };
}
