import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { log } from '../logger.js';
import type { NewTask, Task, TaskChanges } from './task.js';
import type { TaskFilter, TaskRepository } from './task-repository.js';

interface TaskRow {
  id: string;
  title: string;
  done: boolean;
  created_at: Date;
  updated_at: Date;
}

const columns = 'id, title, done, created_at, updated_at';

/** An id that cannot be a uuid cannot be a task (and would make PostgreSQL raise an error). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    title: row.title,
    done: row.done,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Tasks in PostgreSQL through a node-postgres pool; every query is parameterised. */
export class PostgresTaskRepository implements TaskRepository {
  constructor(
    private readonly pool: Pool,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(filter: TaskFilter = {}): Promise<Task[]> {
    const { rows } = await this.pool.query<TaskRow>(
      `SELECT ${columns} FROM tasks WHERE $1::boolean IS NULL OR done = $1 ORDER BY created_at, seq`,
      [filter.done ?? null],
    );
    return rows.map(toTask);
  }

  async get(id: string): Promise<Task | undefined> {
    if (!UUID.test(id)) return undefined;
    const { rows } = await this.pool.query<TaskRow>(`SELECT ${columns} FROM tasks WHERE id = $1`, [id]);
    return rows[0] && toTask(rows[0]);
  }

  async create(input: NewTask): Promise<Task> {
    const timestamp = this.now();
    const { rows } = await this.pool.query<TaskRow>(
      `INSERT INTO tasks (id, title, done, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING ${columns}`,
      [randomUUID(), input.title, input.done, timestamp],
    );
    const task = toTask(rows[0]!);
    log.tasks('created %s', task.id);
    return task;
  }

  async update(id: string, changes: TaskChanges): Promise<Task | undefined> {
    if (!UUID.test(id)) return undefined;
    const { rows } = await this.pool.query<TaskRow>(
      `UPDATE tasks SET title = coalesce($2, title), done = coalesce($3, done), updated_at = $4
       WHERE id = $1 RETURNING ${columns}`,
      [id, changes.title ?? null, changes.done ?? null, this.now()],
    );
    if (rows[0]) log.tasks('updated %s', id);
    return rows[0] && toTask(rows[0]);
  }

  async delete(id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const { rowCount } = await this.pool.query('DELETE FROM tasks WHERE id = $1', [id]);
    const deleted = (rowCount ?? 0) > 0;
    if (deleted) log.tasks('deleted %s', id);
    return deleted;
  }
}
