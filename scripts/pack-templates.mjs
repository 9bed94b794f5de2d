// Build step: each tree of templates/ in one file, dist/packed/<tree>.json — every folder
// with its mtime, every file with its size, mtime, mode and contents — so generating a
// project opens one file instead of walking folders and opening one file per template
// (opening files and listing folders is the slow part here). src/template-pack.ts uses
// it only while it is current.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../templates/', import.meta.url).pathname;
const outDir = new URL('../dist/packed/', import.meta.url).pathname;
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

let count = 0;
for (const tree of readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
  const dirs = { [tree.name]: statSync(join(root, tree.name)).mtimeMs };
  const files = {};
  for (const path of readdirSync(join(root, tree.name), { recursive: true }).sort()) {
    const key = `${tree.name}/${path}`;
    const info = statSync(join(root, key));
    if (info.isDirectory()) dirs[key] = info.mtimeMs;
    else if (info.isFile()) {
      files[key] = { size: info.size, mtimeMs: info.mtimeMs, mode: info.mode & 0o777, contents: readFileSync(join(root, key)).toString('base64') };
      count++;
    }
  }
  writeFileSync(join(outDir, `${tree.name}.json`), JSON.stringify({ dirs, files }));
}
console.log(`packed ${count} template files`);
