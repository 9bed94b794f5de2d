import { join } from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import morgan from 'morgan';
import type { ResponseCache } from './cache/response-cache.js';
import { type Config, loadConfig } from './config.js';
import { errorHandler, notFound } from './middleware/errors.js';
import { openApiDocument } from './openapi.js';
import { apiRouter } from './routes/api.js';
import { pagesRouter } from './routes/pages.js';
import { site } from './site.js';
import type { TaskRepository } from './tasks/task-repository.js';
import { etaEngine } from './views.js';

// src/ and dist/ sit at the same depth, so these work from both.
const projectRoot = join(import.meta.dirname, '..');
const viewsDir = join(projectRoot, 'views');
const publicDir = join(projectRoot, 'public');

export interface AppOptions {
  config?: Config;
  /** Storage for tasks (src/database.ts opens it); routes only see this interface. */
  tasks: TaskRepository;
  /** Response cache store (src/cache/open-cache.ts opens it). */
  cache: ResponseCache;
  /** Log each request to stdout (morgan); on by default except when NODE_ENV=test. */
  logRequests?: boolean;
}

/** Builds the Express app without listening, so tests can drive it with supertest. */
export function createApp(options: AppOptions): Express {
  const config = options.config ?? loadConfig();
  const { tasks, cache } = options;
  // Only an explicit NODE_ENV=development shows stack traces and re-reads views; unset
  // (production by default), production and test do not.
  const development = config.NODE_ENV === 'development';

  const app = express();
  app.disable('x-powered-by'); // helmet would strip it too; this never sets it
  // Behind a proxy (TRUST_PROXY=1): req.ip, req.protocol and req.secure come from its
  // X-Forwarded-* headers; never trust them from clients that connect directly.
  app.set('trust proxy', config.TRUST_PROXY);
  app.engine('eta', etaEngine(viewsDir, { cache: !development }));
  app.set('view engine', 'eta');
  app.set('views', viewsDir);
  app.locals.site = site;

  app.use(helmet());
  if (options.logRequests ?? config.NODE_ENV !== 'test') app.use(morgan(development ? 'dev' : 'combined'));
  app.use(express.static(publicDir, { maxAge: development ? 0 : '1h' }));

  app.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });
  app.use('/api', apiRouter({ tasks, cache, config }));
  app.use(pagesRouter({ tasks, cache }));

  app.use(notFound);
  app.use(errorHandler({ exposeStack: development, logErrors: config.NODE_ENV !== 'test' }));
  return app;
}
