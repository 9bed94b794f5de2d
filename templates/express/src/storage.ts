import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TaskRepository } from './tasks/task-repository.js';

// src/ and dist/ sit at the same depth, so this works from both.
const migrationsDir = join(import.meta.dirname, '..', 'migrations');

export interface Migration {
  /** File name without `.sql`, e.g. `001_create_tasks`; recorded once applied. */
  version: string;
  sql: string;
}

/**
 * The SQL files in `migrations/`, in name order. Add a change as a new file with the next
 * number; never edit one that has been applied somewhere.
 */
export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({ version: file.slice(0, -'.sql'.length), sql: readFileSync(join(dir, file), 'utf8') }));
}

/** What `openDatabase()` (src/database.ts) returns, whichever database it talks to. */
export interface Storage {
  tasks: TaskRepository;
  /** Migrations this call applied (empty when the schema was up to date). */
  applied: string[];
  close(): Promise<void>;
}
