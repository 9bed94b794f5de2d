import './load-env.js';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { openCache } from './cache/open-cache.js';
import { loadConfig } from './config.js';
import { openDatabase } from './database.js';
import { log } from './logger.js';

const config = loadConfig();
// Connects (and applies pending migrations) before listening: a wrong DATABASE_URL or
// REDIS_URL stops the start with the server's message instead of failing requests later.
const database = await openDatabase(config);
const responseCache = await openCache(config);
if (config.NODE_ENV === 'development' && (await database.tasks.list()).length === 0) {
  // Something to look at on /tasks in a fresh development database.
  await database.tasks.create({ title: 'Read the README', done: true });
  await database.tasks.create({ title: 'Add a resource of your own', done: false });
}

if (config.API_TOKEN === undefined) console.warn('API_TOKEN is not set: the API is read-only, every write is refused with 401');

const app = createApp({ config, tasks: database.tasks, cache: responseCache.cache });
const server = app.listen(config.PORT, (error?: Error) => {
  if (error) throw error;
  const { port } = server.address() as AddressInfo;
  console.log(`Listening on http://localhost:${port} (${config.NODE_ENV})`);
});

// Finish in-flight requests, then close the connections, before exiting (docker stop,
// Ctrl-C, process managers).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.server('%s received, closing', signal);
    server.close(() => {
      void Promise.allSettled([database.close(), responseCache.close()]).then(() => process.exit(0));
    });
    server.closeIdleConnections();
  });
}
