import pg from 'pg';
import type { Config } from './config.js';
import { log } from './logger.js';
import { type Migration, readMigrations, type Storage } from './storage.js';
import { PostgresTaskRepository } from './tasks/postgres-task-repository.js';

/** Any fixed number: the lock that keeps two starting instances from migrating at once. */
const MIGRATION_LOCK = 7_301_734;

export interface DatabaseOptions {
  /** PostgreSQL settings for every connection, e.g. `-c search_path=test_1` in tests. */
  connectionOptions?: string;
}

/**
 * Connects a pool to DATABASE_URL, applies pending migrations and returns the
 * repositories. Fails at start-up, with PostgreSQL's message, when the server is unreachable.
 */
export async function openDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>,
  options: DatabaseOptions = {},
): Promise<Storage> {
  const pool = new pg.Pool({
    connectionString: config.DATABASE_URL,
    max: config.DATABASE_POOL_SIZE,
    options: options.connectionOptions,
  });
  // An idle connection that breaks (server restart) must not crash the process.
  pool.on('error', (error) => log.error('idle PostgreSQL connection failed: %s', error.message));
  try {
    const applied = await migrate(pool, readMigrations());
    return { tasks: new PostgresTaskRepository(pool), applied, close: () => pool.end() };
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/**
 * Applies each migration not yet recorded in `schema_migrations`, each in its own
 * transaction (PostgreSQL's DDL is transactional), under an advisory lock.
 */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[]): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: string }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((row) => row.version));
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      log.server('applied migration %s', migration.version);
      applied.push(migration.version);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
  return applied;
}
