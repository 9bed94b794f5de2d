import type { NewTask, Task, TaskChanges } from './task.js';

export interface TaskFilter {
  done?: boolean;
}

/**
 * Everything the routes need from storage. The in-memory implementation is the only one
 * today; a SQLite or Postgres one implements the same methods and is passed to
 * `createApp({ tasks })` — no route changes. Methods are async for that reason.
 */
export interface TaskRepository {
  /** Every task in creation order; only done (or only open) ones with `{ done }`. */
  list(filter?: TaskFilter): Promise<Task[]>;
  get(id: string): Promise<Task | undefined>;
  create(input: NewTask): Promise<Task>;
  /** The updated task, or undefined when no task has this id. */
  update(id: string, changes: TaskChanges): Promise<Task | undefined>;
  /** True when a task was deleted. */
  delete(id: string): Promise<boolean>;
}
