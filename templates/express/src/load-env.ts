import { existsSync } from 'node:fs';

// Imported first by server.ts, before any module reads process.env (debug reads DEBUG
// when it loads). Variables already set in the environment win over the file.
if (existsSync('.env')) process.loadEnvFile('.env');
