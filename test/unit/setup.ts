// Runs around every test file (vitest setupFiles): the temporary folders a file made are
// removed once it is done.
import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers.js';

afterAll(removeTempDirs);
