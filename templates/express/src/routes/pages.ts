import { Router } from 'express';
import type { ResponseCache } from '../cache/response-cache.js';
import { cacheResponses } from '../middleware/cache-responses.js';
import type { TaskRepository } from '../tasks/task-repository.js';
import { TASKS_TAG } from './tasks.js';

/** Server-rendered HTML pages (views/). */
export function pagesRouter({ tasks, cache }: { tasks: TaskRepository; cache: ResponseCache }): Router {
  const router = Router();

  router.get('/', (_req, res) => {
    res.render('home', { title: 'Home' });
  });

  // Same tag as the API: creating a task through the API refreshes this page too.
  router.get('/tasks', cacheResponses(cache, { tags: [TASKS_TAG] }), async (_req, res) => {
    const all = await tasks.list();
    res.render('tasks', { title: 'Tasks', tasks: all, openCount: all.filter((task) => !task.done).length });
  });

  return router;
}
