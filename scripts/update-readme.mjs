// Rewrites the framework table in README.md from the definitions (run after `npm run build`).
import { readFileSync, writeFileSync } from 'node:fs';
import { FRAMEWORKS } from '../dist/generators/index.js';
import { README_TABLE_END, README_TABLE_START, readmeTable } from '../dist/src/describe.js';

const path = new URL('../README.md', import.meta.url);
const readme = readFileSync(path, 'utf8');
const start = readme.indexOf(README_TABLE_START);
const end = readme.indexOf(README_TABLE_END);
if (start === -1 || end === -1) throw new Error('README.md has no framework table markers');
writeFileSync(path, readme.slice(0, start) + readmeTable(FRAMEWORKS) + readme.slice(end + README_TABLE_END.length));
