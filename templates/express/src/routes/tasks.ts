import { type Request, Router } from 'express';
import type { ResponseCache } from '../cache/response-cache.js';
import { NotFoundError, parseOr400 } from '../http-error.js';
import { cacheResponses, invalidateAfterWrite } from '../middleware/cache-responses.js';
import { newTaskSchema, taskChangesSchema, taskFilterSchema } from '../tasks/task.js';
import type { TaskRepository } from '../tasks/task-repository.js';

/** Cache tag of every response that shows tasks (API and pages). */
export const TASKS_TAG = 'tasks';

/**
 * The REST resource `/api/tasks`. Express 5 passes a rejected promise from an async
 * handler to the error handler, so handlers just throw. Writes reach these handlers only
 * with the API token (routes/api.ts); each invalidates the cached reads once it has
 * committed.
 */
export function tasksRouter(tasks: TaskRepository, cache: ResponseCache): Router {
  const router = Router();

  router.get('/', cacheResponses(cache, { tags: [TASKS_TAG], query: ['done'] }), async (req, res) => {
    const { done } = parseOr400(taskFilterSchema, req.query);
    res.json({ data: await tasks.list(done === undefined ? {} : { done: done === 'true' }) });
  });

  router.get('/:id', cacheResponses(cache, { tags: [TASKS_TAG] }), async (req: Request<{ id: string }>, res) => {
    const task = await tasks.get(req.params.id);
    if (!task) throw new NotFoundError(`Task ${req.params.id} not found`);
    res.json({ data: task });
  });

  router.post('/', async (req, res) => {
    const task = await tasks.create(parseOr400(newTaskSchema, req.body));
    await invalidateAfterWrite(cache, TASKS_TAG);
    res.status(201).location(`${req.baseUrl}/${task.id}`).json({ data: task });
  });

  router.patch('/:id', async (req, res) => {
    const changes = parseOr400(taskChangesSchema, req.body);
    const task = await tasks.update(req.params.id, changes);
    if (!task) throw new NotFoundError(`Task ${req.params.id} not found`);
    await invalidateAfterWrite(cache, TASKS_TAG);
    res.json({ data: task });
  });

  router.delete('/:id', async (req, res) => {
    if (!(await tasks.delete(req.params.id))) throw new NotFoundError(`Task ${req.params.id} not found`);
    await invalidateAfterWrite(cache, TASKS_TAG);
    res.status(204).end();
  });

  return router;
}
