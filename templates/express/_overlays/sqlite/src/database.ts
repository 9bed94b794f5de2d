import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { Config } from './config.js';
import { log } from './logger.js';
import { type Migration, readMigrations, type Storage } from './storage.js';
import { SqliteTaskRepository } from './tasks/sqlite-task-repository.js';

/**
 * Opens the SQLite file at DATABASE_PATH (creating it and its folder), applies pending
 * migrations and returns the repositories. WAL lets readers continue while one writes.
 */
export async function openDatabase(config: Pick<Config, 'DATABASE_PATH'>): Promise<Storage> {
  const path = config.DATABASE_PATH;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const applied = migrate(db, readMigrations());
  return {
    tasks: new SqliteTaskRepository(db),
    applied,
    close: async () => {
      db.close();
    },
  };
}

/** Applies each migration not yet recorded in `schema_migrations`, each in its own transaction. */
export function migrate(db: Database, migrations: readonly Migration[]): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const done = new Set(db.prepare<[], { version: string }>('SELECT version FROM schema_migrations').all().map((row) => row.version));
  const record = db.prepare<[string, string]>('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, new Date().toISOString());
    }).immediate();
    log.server('applied migration %s', migration.version);
    applied.push(migration.version);
  }
  return applied;
}
