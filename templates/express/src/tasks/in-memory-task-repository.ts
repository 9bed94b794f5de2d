import { randomUUID } from 'node:crypto';
import { log } from '../logger.js';
import type { NewTask, Task, TaskChanges } from './task.js';
import type { TaskRepository } from './task-repository.js';

/** Keeps tasks in a Map: fine for a demo and for tests, gone when the process exits. */
export class InMemoryTaskRepository implements TaskRepository {
  private readonly tasks = new Map<string, Task>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async list(): Promise<Task[]> {
    return [...this.tasks.values()].map((task) => ({ ...task }));
  }

  async get(id: string): Promise<Task | undefined> {
    const task = this.tasks.get(id);
    return task && { ...task };
  }

  async create(input: NewTask): Promise<Task> {
    const timestamp = this.now().toISOString();
    const task: Task = { id: randomUUID(), title: input.title, done: input.done, createdAt: timestamp, updatedAt: timestamp };
    this.tasks.set(task.id, task);
    log.tasks('created %s', task.id);
    return { ...task };
  }

  async update(id: string, changes: TaskChanges): Promise<Task | undefined> {
    const task = this.tasks.get(id);
    if (!task) return undefined;
    const updated: Task = {
      ...task,
      title: changes.title ?? task.title,
      done: changes.done ?? task.done,
      updatedAt: this.now().toISOString(),
    };
    this.tasks.set(id, updated);
    log.tasks('updated %s', id);
    return { ...updated };
  }

  async delete(id: string): Promise<boolean> {
    const deleted = this.tasks.delete(id);
    if (deleted) log.tasks('deleted %s', id);
    return deleted;
  }
}
