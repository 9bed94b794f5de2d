import './load-env.js';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { log } from './logger.js';
import { InMemoryTaskRepository } from './tasks/in-memory-task-repository.js';

const config = loadConfig();
const tasks = new InMemoryTaskRepository();
if (config.NODE_ENV === 'development') {
  // Something to look at on /tasks; the in-memory store starts empty on every start.
  await tasks.create({ title: 'Read the README', done: true });
  await tasks.create({ title: 'Replace the in-memory store with a database', done: false });
}

const app = createApp({ config, tasks });
const server = app.listen(config.PORT, (error?: Error) => {
  if (error) throw error;
  const { port } = server.address() as AddressInfo;
  console.log(`Listening on http://localhost:${port} (${config.NODE_ENV})`);
});

// Finish in-flight requests before exiting (docker stop, Ctrl-C, process managers).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.server('%s received, closing', signal);
    server.close(() => process.exit(0));
    server.closeIdleConnections();
  });
}
