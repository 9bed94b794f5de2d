import { onTestFinished } from 'vitest';
import { openDatabase } from '../../src/database.js';
import type { Storage } from '../../src/storage.js';

/**
 * A fresh SQLite database in memory for one test, with every migration applied: the same
 * SQL the app runs, nothing shared between tests. Closed when the test ends.
 */
export async function testDatabase(): Promise<Storage> {
  const database = await openDatabase({ DATABASE_PATH: ':memory:' });
  onTestFinished(() => database.close());
  return database;
}
