import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { log } from '../logger.js';
import type { NewTask, Task, TaskChanges } from './task.js';
import type { TaskFilter, TaskRepository } from './task-repository.js';

interface TaskRow {
  id: string;
  title: string;
  done: 0 | 1;
  created_at: string;
  updated_at: string;
}

const columns = 'id, title, done, created_at, updated_at';

function toTask(row: TaskRow): Task {
  return { id: row.id, title: row.title, done: row.done === 1, createdAt: row.created_at, updatedAt: row.updated_at };
}

/**
 * Tasks in SQLite through better-sqlite3. Its calls are synchronous (SQLite runs in this
 * process and answers in microseconds); the methods are async to fit the interface.
 * Statements are prepared once. SQLite has no boolean type: `done` is 0 or 1.
 */
export class SqliteTaskRepository implements TaskRepository {
  private readonly statements: {
    list: Statement<[{ done: 0 | 1 | null }], TaskRow>;
    get: Statement<[string], TaskRow>;
    insert: Statement<[TaskRow], TaskRow>;
    update: Statement<[{ id: string; title: string | null; done: 0 | 1 | null; updated_at: string }], TaskRow>;
    delete: Statement<[string]>;
  };

  constructor(
    db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.statements = {
      list: db.prepare(`SELECT ${columns} FROM tasks WHERE @done IS NULL OR done = @done ORDER BY created_at, rowid`),
      get: db.prepare(`SELECT ${columns} FROM tasks WHERE id = ?`),
      insert: db.prepare(
        `INSERT INTO tasks (${columns}) VALUES (@id, @title, @done, @created_at, @updated_at) RETURNING ${columns}`,
      ),
      update: db.prepare(
        `UPDATE tasks SET title = coalesce(@title, title), done = coalesce(@done, done), updated_at = @updated_at
         WHERE id = @id RETURNING ${columns}`,
      ),
      delete: db.prepare('DELETE FROM tasks WHERE id = ?'),
    };
  }

  async list(filter: TaskFilter = {}): Promise<Task[]> {
    const done = filter.done === undefined ? null : filter.done ? 1 : 0;
    return this.statements.list.all({ done }).map(toTask);
  }

  async get(id: string): Promise<Task | undefined> {
    const row = this.statements.get.get(id);
    return row && toTask(row);
  }

  async create(input: NewTask): Promise<Task> {
    const timestamp = this.now().toISOString();
    const row = this.statements.insert.get({
      id: randomUUID(),
      title: input.title,
      done: input.done ? 1 : 0,
      created_at: timestamp,
      updated_at: timestamp,
    })!;
    log.tasks('created %s', row.id);
    return toTask(row);
  }

  async update(id: string, changes: TaskChanges): Promise<Task | undefined> {
    const row = this.statements.update.get({
      id,
      title: changes.title ?? null,
      done: changes.done === undefined ? null : changes.done ? 1 : 0,
      updated_at: this.now().toISOString(),
    });
    if (row) log.tasks('updated %s', id);
    return row && toTask(row);
  }

  async delete(id: string): Promise<boolean> {
    const deleted = this.statements.delete.run(id).changes > 0;
    if (deleted) log.tasks('deleted %s', id);
    return deleted;
  }
}
