import express, { Router } from 'express';
import type { ResponseCache } from '../cache/response-cache.js';
import type { Config } from '../config.js';
import { requireJsonBody, requireTokenForWrites } from '../middleware/require-token.js';
import type { TaskRepository } from '../tasks/task-repository.js';
import { tasksRouter } from './tasks.js';

interface ApiDependencies {
  tasks: TaskRepository;
  cache: ResponseCache;
  config: Pick<Config, 'API_TOKEN' | 'JSON_BODY_LIMIT'>;
}

/**
 * Everything under /api: one router per resource. In front of them, in this order: a
 * write without the API token gets 401, one whose body is not JSON 415, then the body is
 * parsed (413 over JSON_BODY_LIMIT, 400 when malformed). Reads pass straight through.
 */
export function apiRouter({ tasks, cache, config }: ApiDependencies): Router {
  const router = Router();
  router.use(requireTokenForWrites(config.API_TOKEN), requireJsonBody, express.json({ limit: config.JSON_BODY_LIMIT }));
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.use('/tasks', tasksRouter(tasks, cache));
  return router;
}
