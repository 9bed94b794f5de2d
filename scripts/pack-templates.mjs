// Build step: every file under templates/<tree>/ in one file, dist/packed/<tree>.json
// (path → size, mtime, contents), so generation opens one file instead of one per
// template: opening files is the slow part here. src/template-pack.ts uses an entry only
// while the template's size and mtime still match, so an edited template is never stale.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../templates/', import.meta.url).pathname;
const outDir = new URL('../dist/packed/', import.meta.url).pathname;
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

let count = 0;
for (const tree of readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
  const files = {};
  for (const path of readdirSync(join(root, tree.name), { recursive: true }).sort()) {
    const full = join(root, tree.name, path);
    const info = statSync(full);
    if (!info.isFile()) continue;
    files[`${tree.name}/${path}`] = { size: info.size, mtimeMs: info.mtimeMs, contents: readFileSync(full).toString('base64') };
    count++;
  }
  writeFileSync(join(outDir, `${tree.name}.json`), JSON.stringify(files));
}
console.log(`packed ${count} template files`);
