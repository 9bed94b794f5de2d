// The three-way merge of `create-backend update`, file by file: the base (the project as
// the recorded build renders it), the next (as this build renders it, maybe with changed
// answers) and the project's own files. Planning reads only; `applyChanges` writes.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { RECORD_PATH } from './record.js';
import { SECRET_PLACEHOLDER_PREFIX } from './render.js';

export interface TreeFile {
  contents: Buffer;
  /** 0o755 or 0o644: only the executable bit counts (umasks and checkouts vary the rest). */
  mode: number;
}

/** The mode as the merge sees it: executable or not. */
export function normalMode(mode: number): number {
  return mode & 0o111 ? 0o755 : 0o644;
}
export type Tree = ReadonlyMap<string, TreeFile>;

export type Change =
  /** Upstream added the file. */
  | { kind: 'add'; path: string; file: TreeFile }
  /** Upstream changed a file the user had not changed: the new version. */
  | { kind: 'update'; path: string; file: TreeFile }
  /** Both changed it, in different places: the merged text. */
  | { kind: 'merge'; path: string; file: TreeFile }
  /** Both changed the same lines: conflict markers written; `reason` says what happened. */
  | { kind: 'conflict'; path: string; file?: TreeFile; reason: string }
  /** Upstream removed a file the user had not changed. */
  | { kind: 'delete'; path: string }
  /** Only the executable bit changed upstream. */
  | { kind: 'mode'; path: string; mode: number }
  /** Left as it is, and why (never written). */
  | { kind: 'keep'; path: string; reason: string };

/** What this update changes or leaves: `changes` are written, `kept` are reported. */
export interface MergePlan {
  changes: Change[];
  conflicts: string[];
}

export interface MergeLabels {
  ours: string;
  base: string;
  theirs: string;
}

const ENV_FILE = '.env';

/** Files the update never touches: `.env`, and every file that holds a secret. */
export function untouchable(path: string, ...versions: (TreeFile | undefined)[]): string | undefined {
  if (basename(path) === ENV_FILE) return '.env is yours: never touched';
  if (versions.some((file) => file?.contents.includes(SECRET_PLACEHOLDER_PREFIX)))
    return 'holds a secret: never touched';
  return undefined;
}

function same(a: TreeFile | undefined, b: TreeFile | undefined): boolean {
  if (!a || !b) return a === b;
  return a.contents.equals(b.contents);
}

function isBinary(file: TreeFile | undefined): boolean {
  return Boolean(file && file.contents.subarray(0, 8000).includes(0));
}

/** Reads the project's file at `path` (undefined when absent). */
export function readProjectFile(projectDir: string, path: string): TreeFile | undefined {
  const full = join(projectDir, path);
  if (!existsSync(full)) return undefined;
  const info = statSync(full);
  if (!info.isFile()) return undefined;
  return { contents: readFileSync(full), mode: normalMode(info.mode) };
}

/** Every file below `root` as a tree (paths with `/`). */
export function readTree(root: string): Map<string, TreeFile> {
  const tree = new Map<string, TreeFile>();
  for (const rel of (readdirSync(root, { recursive: true }) as string[]).sort()) {
    const full = join(root, rel);
    const info = statSync(full);
    if (info.isFile())
      tree.set(rel.split(/[\\/]/).join('/'), { contents: readFileSync(full), mode: normalMode(info.mode) });
  }
  return tree;
}

/**
 * `git merge-file`: ours ← (base → theirs). Returns the merged text and the number of
 * conflicting hunks (marked with <<<<<<< ======= >>>>>>>).
 */
export async function mergeText(
  ours: Buffer,
  base: Buffer,
  theirs: Buffer,
  labels: MergeLabels,
): Promise<{ text: Buffer; conflicts: number }> {
  const { execa } = await import('execa');
  const dir = mkdtempSync(join(tmpdir(), 'create-backend-merge-'));
  try {
    const files = [ours, base, theirs].map((contents, i) => {
      const path = join(dir, String(i));
      writeFileSync(path, contents);
      return path;
    });
    const result = await execa(
      'git',
      ['merge-file', '-p', '-L', labels.ours, '-L', labels.base, '-L', labels.theirs, ...files],
      {
        reject: false,
        encoding: 'buffer',
        stripFinalNewline: false,
      },
    );
    if ((result as { code?: string }).code === 'ENOENT')
      throw new Error('create-backend update needs git (for git merge-file): install git');
    const code = result.exitCode ?? -1;
    if (code < 0 || code > 127)
      throw new Error(
        `git merge-file failed: ${Buffer.from(result.stderr as Uint8Array)
          .toString()
          .trim()}`,
      );
    return { text: Buffer.from(result.stdout as Uint8Array), conflicts: code };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Decides, for every path of base ∪ next, what happens to the project's file: kept as it
 * is, replaced by upstream, merged, marked as a conflict, added or deleted. Nothing is
 * written. Paths only the project has are the user's: never looked at.
 */
export async function planMerge(
  base: Tree,
  next: Tree,
  current: (path: string) => TreeFile | undefined,
  labels: MergeLabels,
): Promise<MergePlan> {
  const changes: Change[] = [];
  const paths = [...new Set([...base.keys(), ...next.keys()])].filter((path) => path !== RECORD_PATH).sort();
  for (const path of paths) {
    const b = base.get(path);
    const n = next.get(path);
    if (same(b, n)) {
      if (b && n && b.mode !== n.mode) {
        const c = current(path);
        if (c && c.mode === b.mode) changes.push({ kind: 'mode', path, mode: n.mode });
      }
      continue; // upstream did not change it: whatever the user did stays
    }
    const c = current(path);
    const untouched = untouchable(path, b, n);
    if (untouched) {
      changes.push({ kind: 'keep', path, reason: `${untouched}; upstream changed it` });
      continue;
    }
    if (!n) {
      // removed upstream
      if (!c) continue;
      if (same(c, b)) changes.push({ kind: 'delete', path });
      else changes.push({ kind: 'keep', path, reason: 'removed upstream, but you changed it: kept' });
      continue;
    }
    if (!c) {
      if (!b) changes.push({ kind: 'add', path, file: n });
      else
        changes.push({
          kind: 'conflict',
          path,
          file: n,
          reason:
            'you deleted it and upstream changed it: the new version is back; delete it again if you do not want it',
        });
      continue;
    }
    if (same(c, n)) {
      if (c.mode !== n.mode) changes.push({ kind: 'mode', path, mode: n.mode });
      continue;
    }
    if (b && same(c, b)) {
      changes.push({ kind: 'update', path, file: n });
      continue;
    }
    if (isBinary(b) || isBinary(n) || isBinary(c)) {
      changes.push({
        kind: 'keep',
        path,
        reason: 'binary file changed by you and upstream: yours kept, take the new one from the template by hand',
      });
      continue;
    }
    const merged = await mergeText(c.contents, b?.contents ?? Buffer.alloc(0), n.contents, labels);
    const mode = b && c.mode === b.mode ? n.mode : c.mode;
    if (merged.conflicts === 0) changes.push({ kind: 'merge', path, file: { contents: merged.text, mode } });
    else {
      const what = b ? 'you and upstream changed the same lines' : 'you and upstream both added this file';
      changes.push({
        kind: 'conflict',
        path,
        file: { contents: merged.text, mode },
        reason: `${what} (${merged.conflicts} conflict${merged.conflicts === 1 ? '' : 's'})`,
      });
    }
  }
  return { changes, conflicts: changes.filter((change) => change.kind === 'conflict').map((change) => change.path) };
}

/** The part of `path` that is a file (or anything but a folder) in the project, if a folder must go there. */
function blockedBy(projectDir: string, path: string): string | undefined {
  const segments = path.split('/');
  for (let i = 1; i < segments.length; i++) {
    const prefix = segments.slice(0, i).join('/');
    const full = join(projectDir, prefix);
    if (!existsSync(full)) return undefined;
    if (!statSync(full).isDirectory()) return prefix;
  }
  return undefined;
}

/** Changes that cannot be written because a file of the user's stands where their folder goes become conflicts. */
export function checkWritable(projectDir: string, plan: MergePlan): MergePlan {
  const changes = plan.changes.map((change): Change => {
    if (change.kind !== 'add' && change.kind !== 'conflict') return change;
    const blocker = blockedBy(projectDir, change.path);
    return blocker
      ? { kind: 'conflict', path: change.path, reason: `not written: your ${blocker} is not a folder` }
      : change;
  });
  return { changes, conflicts: changes.filter((change) => change.kind === 'conflict').map((change) => change.path) };
}

/** Sets or clears the executable bits of a file, keeping the rest of its permissions. */
function setExecutable(full: string, mode: number): void {
  const current = statSync(full).mode & 0o777;
  const wanted = mode & 0o111 ? current | ((current & 0o444) >> 2) : current & ~0o111;
  if (wanted !== current) chmodSync(full, wanted);
}

function writeFile(projectDir: string, path: string, file: TreeFile): void {
  const full = join(projectDir, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, file.contents, { mode: file.mode });
  setExecutable(full, file.mode);
}

/** Writes the plan's changes into the project; `keep` entries are not touched. */
export function applyChanges(projectDir: string, changes: readonly Change[]): void {
  for (const change of changes) {
    if (change.kind === 'keep') continue;
    if (change.kind === 'mode') setExecutable(join(projectDir, change.path), change.mode);
    else if (change.kind === 'delete') {
      unlinkSync(join(projectDir, change.path));
      removeEmptyParents(projectDir, dirname(change.path));
    } else if (change.file) writeFile(projectDir, change.path, change.file);
  }
}

function removeEmptyParents(projectDir: string, dir: string): void {
  for (let rel = dir; rel !== '.' && rel !== ''; rel = dirname(rel)) {
    const full = join(projectDir, rel);
    if (readdirSync(full).length > 0) return;
    rmdirSync(full);
  }
}
