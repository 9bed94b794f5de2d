// Template trees from the build's packs (scripts/build-templates.mjs) when they are
// current, so a run opens one file per tree instead of walking folders and opening every
// template (see `npm run bench`). In a git checkout, where templates are edited, a pack
// counts only while every folder's mtime (files added, removed, renamed) and every
// file's size and mtime (files edited) still match; otherwise the caller reads the disk.
// An installed package is never edited, and its files carry the tarball's dates, so
// there the pack is used as it is.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT, TEMPLATES_ROOT } from './paths.js';

export interface PackedFile {
  size: number;
  mtimeMs: number;
  mode: number;
  contents: string;
}

export interface Pack {
  dirs: Record<string, number>;
  files: Record<string, PackedFile>;
}

/** A template file as planTree needs it: its path below the tree, its bytes and mode. */
export interface TemplateSource {
  segments: string[];
  contents: Buffer;
  mode: number;
}

const packs = new Map<string, Pack | null>();

function packOf(top: string): Pack | null {
  if (!packs.has(top)) {
    try {
      packs.set(top, JSON.parse(readFileSync(join(PACKAGE_ROOT, 'dist', 'packed', `${top}.json`), 'utf8')) as Pack);
    } catch {
      packs.set(top, null);
    }
  }
  return packs.get(top)!;
}

const IS_CHECKOUT = existsSync(join(PACKAGE_ROOT, '.git'));

function mtimeOf(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Whether the keys below `tree` (excluding its `_overlays` and `_resource`) belong to it. */
function inTree(key: string, tree: string, excluded: readonly string[]): boolean {
  return (key === tree || key.startsWith(`${tree}/`)) && !excluded.some((folder) => key === folder || key.startsWith(`${folder}/`));
}

/**
 * The files of `templates/<tree>` (without its root `_overlays/` and `_resource/` folders) from the pack, in
 * path order; undefined when there is no current pack, so the caller walks the disk.
 */
export function packedTree(
  templatesRoot: string,
  tree: string,
  excludedFolders: string | readonly string[],
  checkDisk: boolean = IS_CHECKOUT,
  pack: Pack | null = templatesRoot === TEMPLATES_ROOT ? packOf(tree.split('/')[0]!) : null,
): TemplateSource[] | undefined {
  if (!pack) return undefined;
  const excluded = (typeof excludedFolders === 'string' ? [excludedFolders] : excludedFolders).map((folder) => `${tree}/${folder}`);
  if (!(tree in pack.dirs)) return undefined;
  if (checkDisk) {
    for (const [dir, mtimeMs] of Object.entries(pack.dirs)) {
      if (inTree(dir, tree, excluded) && mtimeOf(join(templatesRoot, dir)) !== mtimeMs) return undefined;
    }
  }
  const sources: TemplateSource[] = [];
  for (const [key, file] of Object.entries(pack.files)) {
    if (!inTree(key, tree, excluded)) continue;
    const segments = key.slice(tree.length + 1).split('/');
    if (checkDisk) {
      const info = statSync(join(templatesRoot, key), { throwIfNoEntry: false });
      if (!info) return undefined;
      if (info.size !== file.size || info.mtimeMs !== file.mtimeMs) {
        // edited since the build: this file from the disk, the rest from the pack
        sources.push({ segments, contents: readFileSync(join(templatesRoot, key)), mode: info.mode & 0o777 });
        continue;
      }
    }
    sources.push({ segments, contents: Buffer.from(file.contents, 'base64'), mode: file.mode });
  }
  return sources;
}
