// Reads template files from the build's packs (scripts/pack-templates.mjs) when they are
// current, from disk otherwise. Opening a file costs far more than a stat here, so one
// pack per tree makes generation much faster (see `npm run bench`).
import { existsSync, readFileSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PACKAGE_ROOT, TEMPLATES_ROOT } from './paths.js';

interface PackedFile {
  size: number;
  mtimeMs: number;
  contents: string;
}

const packs = new Map<string, Record<string, PackedFile> | null>();

function packOf(tree: string): Record<string, PackedFile> | null {
  if (!packs.has(tree)) {
    try {
      packs.set(tree, JSON.parse(readFileSync(join(PACKAGE_ROOT, 'dist', 'packed', `${tree}.json`), 'utf8')) as Record<string, PackedFile>);
    } catch {
      packs.set(tree, null);
    }
  }
  return packs.get(tree)!;
}

/**
 * A packed file stands for the file on disk only while its size and mtime are the same.
 * An installed package's files get new mtimes from the tarball (npm sets a fixed date) and
 * are not edited, so there the size has to do (`checkMtime` false).
 */
export function isCurrent(
  packed: { size: number; mtimeMs: number } | undefined,
  info: Pick<Stats, 'size' | 'mtimeMs'>,
  checkMtime = true,
): boolean {
  return packed !== undefined && packed.size === info.size && (!checkMtime || packed.mtimeMs === info.mtimeMs);
}

/** A git checkout, where templates are edited: packs must also match the mtime there. */
const IS_CHECKOUT = existsSync(join(PACKAGE_ROOT, '.git'));

/** The bytes of a template file whose stat is `info`. */
export function readTemplateFile(file: string, info: Stats): Buffer {
  const key = relative(TEMPLATES_ROOT, file).split(sep).join('/');
  const packed = key.startsWith('..') ? undefined : packOf(key.split('/')[0]!)?.[key];
  if (packed && isCurrent(packed, info, IS_CHECKOUT)) return Buffer.from(packed.contents, 'base64');
  return readFileSync(file);
}
