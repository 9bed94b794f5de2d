import { Router } from 'express';
import type { ResponseCache } from '../cache/response-cache.js';
import type { TaskRepository } from '../tasks/task-repository.js';
import { tasksRouter } from './tasks.js';

/** Everything under /api: one router per resource. */
export function apiRouter({ tasks, cache }: { tasks: TaskRepository; cache: ResponseCache }): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.use('/tasks', tasksRouter(tasks, cache));
  return router;
}
