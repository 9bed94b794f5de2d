import './load-env.js';
import { loadConfig } from './config.js';
import { openDatabase } from './database.js';

// `npm run db:migrate`: applies the pending files of migrations/ and exits. The server
// does the same when it starts, so this is for deploy steps and CI.
const database = await openDatabase(loadConfig());
console.log(database.applied.length ? `Applied ${database.applied.join(', ')}` : 'No pending migrations');
await database.close();
