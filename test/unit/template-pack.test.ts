import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAMEWORKS } from '../../generators/index.js';
import { TEMPLATES_ROOT } from '../../src/paths.js';
import { packedTree, type Pack } from '../../src/template-pack.js';
import { tempDir, writeTree } from './helpers.js';

/** A pack of `root/tree` as the build writes it (scripts/build-templates.mjs). */
function packOf(root: string, tree: string): Pack {
  const pack: Pack = { dirs: { [tree]: statSync(join(root, tree)).mtimeMs }, files: {} };
  for (const path of readdirSync(join(root, tree), { recursive: true }) as string[]) {
    const key = `${tree}/${path}`;
    const info = statSync(join(root, key));
    if (info.isDirectory()) pack.dirs[key] = info.mtimeMs;
    else pack.files[key] = { size: info.size, mtimeMs: info.mtimeMs, mode: info.mode & 0o777, contents: readFileSync(join(root, key)).toString('base64') };
  }
  return pack;
}

const text = (sources: ReturnType<typeof packedTree>) => Object.fromEntries((sources ?? []).map((s) => [s.segments.join('/'), s.contents.toString()]));

describe('template packs', () => {
  it.each(FRAMEWORKS.map((framework) => framework.id))('hold every file of templates/%s, as on disk, without _overlays', (id) => {
    const sources = packedTree(TEMPLATES_ROOT, id, '_overlays');
    expect(sources, 'npm run build writes dist/packed').toBeDefined();
    const onDisk = (readdirSync(join(TEMPLATES_ROOT, id), { recursive: true }) as string[])
      .filter((path) => !path.startsWith('_overlays') && statSync(join(TEMPLATES_ROOT, id, path)).isFile())
      .sort();
    expect(sources!.map((source) => source.segments.join('/')).sort()).toEqual(onDisk);
    for (const source of sources!) {
      const path = join(TEMPLATES_ROOT, id, ...source.segments);
      expect(source.contents.equals(readFileSync(path)), path).toBe(true);
      expect(source.mode, path).toBe(statSync(path).mode & 0o777);
    }
  });

  describe('in a checkout, where templates change', () => {
    const root = tempDir();
    writeTree(root, { 't/a.txt': 'a', 't/sub/b.txt': 'b', 't/_overlays/x/c.txt': 'c' });
    const pack = packOf(root, 't');

    it('are used while nothing changed, without the _overlays folder', () => {
      expect(text(packedTree(root, 't', '_overlays', true, pack))).toEqual({ 'a.txt': 'a', 'sub/b.txt': 'b' });
      expect(text(packedTree(root, 't/_overlays/x', '_overlays', true, pack))).toEqual({ 'c.txt': 'c' });
    });

    it('give an edited file from the disk', () => {
      writeFileSync(join(root, 't/a.txt'), 'edited');
      expect(text(packedTree(root, 't', '_overlays', true, pack))['a.txt']).toBe('edited');
    });

    it('are not used once a folder changed (a file added or removed)', () => {
      writeFileSync(join(root, 't/sub/new.txt'), 'new');
      utimesSync(join(root, 't/sub'), new Date(), new Date(Date.now() + 5000));
      expect(packedTree(root, 't', '_overlays', true, pack)).toBeUndefined();
    });
  });

  it('in an installed package, are used as they are', () => {
    const root = tempDir();
    writeTree(root, { 't/a.txt': 'packed' });
    const pack = packOf(root, 't');
    writeFileSync(join(root, 't/a.txt'), 'the tarball re-dated me');
    expect(text(packedTree(root, 't', '_overlays', false, pack))).toEqual({ 'a.txt': 'packed' });
  });

  it('are not used for a tree they do not hold', () => {
    expect(packedTree(tempDir(), 'nothing', '_overlays', true, { dirs: {}, files: {} })).toBeUndefined();
  });
});
