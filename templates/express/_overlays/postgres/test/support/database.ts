import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { onTestFinished } from 'vitest';
import { openDatabase } from '../../src/database.js';
import { loadConfig } from '../../src/config.js';
import type { Storage } from '../../src/storage.js';

/**
 * A schema of its own in the PostgreSQL at DATABASE_URL for one test, with every
 * migration applied: the same SQL the app runs, nothing shared between tests (which run
 * in parallel). Dropped when the test ends.
 */
export async function testDatabase(): Promise<Storage> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: config.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const database = await openDatabase(
    { ...config, DATABASE_POOL_SIZE: 2 },
    { connectionOptions: `-c search_path=${schema}` },
  );
  onTestFinished(async () => {
    await database.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  });
  return database;
}
