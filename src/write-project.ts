// Writing safely: render into a staging folder beside the target (same filesystem), then
// move into place. Until the move is done an undo is registered, so an error, Ctrl-C or
// SIGTERM leaves the target exactly as it was.
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  rmSync,
  rmdirSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { chmod, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { onAbort } from './cleanup.js';
import { UserError } from './errors.js';
import type { PlannedFile } from './render.js';
import { checkTarget } from './target.js';

export const STAGING_PREFIX = '.create-backend-staging-';

/** Refuses to go on when any planned file exists in the target already. */
export function checkConflicts(targetDir: string, files: readonly PlannedFile[]): void {
  const conflicts = findConflicts(targetDir, files);
  if (conflicts.length > 0) {
    const shown = conflicts.slice(0, 5).join(', ') + (conflicts.length > 5 ? `, and ${conflicts.length - 5} more` : '');
    throw new UserError(
      `${conflicts.length} file(s) already exist in "${basename(targetDir)}": ${shown}. Move them away first; nothing was written.`,
    );
  }
}

/** Planned paths that already exist in the target (or whose folder is a file there). */
export function findConflicts(targetDir: string, files: readonly PlannedFile[]): string[] {
  const conflicts: string[] = [];
  for (const file of files) {
    const segments = file.path.split('/');
    for (let i = 1; i <= segments.length; i++) {
      const path = join(targetDir, ...segments.slice(0, i));
      if (!existsSync(path)) break;
      const isLast = i === segments.length;
      if (isLast || !lstatSync(path).isDirectory()) {
        conflicts.push(segments.slice(0, i).join('/'));
        break;
      }
    }
  }
  return [...new Set(conflicts)];
}

/**
 * Writes the files under `root`. Synchronous on purpose: a scaffolder writes many small
 * files, and each async call is a round trip through libuv's thread pool (measured with
 * `npm run bench`, docs/BENCHMARKS.md).
 */
export async function writePlannedFiles(root: string, files: readonly PlannedFile[]): Promise<void> {
  const dirs = new Set(files.map((file) => dirname(join(root, file.path))));
  for (const dir of [...dirs].sort()) mkdirSync(dir, { recursive: true });
  for (const file of files) {
    const path = join(root, file.path);
    writeFileSync(path, file.contents, { mode: file.mode });
    // writeFile's mode is filtered by the umask; executables must stay executable.
    if (file.mode & 0o111) chmodSync(path, file.mode);
  }
}

function errorMessage(error: unknown): string {
  const err = error as NodeJS.ErrnoException;
  if (err.code === 'EACCES' || err.code === 'EPERM') return `permission denied (${err.path ?? ''})`;
  if (err.code === 'ENOSPC') return 'no space left on the device';
  if (err.code === 'EROFS') return 'the filesystem is read-only';
  return err.message ?? String(error);
}

/**
 * Writes `files` into `targetDir` all-or-nothing. The target must be missing or empty,
 * or `force` must be set and no planned file may exist there already.
 */
export async function writeProject(
  targetDir: string,
  files: readonly PlannedFile[],
  options: { force: boolean },
): Promise<void> {
  const state = checkTarget(targetDir, options.force);
  if (state === 'non-empty') checkConflicts(targetDir, files);

  const parent = dirname(targetDir);
  let createdParent: string | undefined;
  let staging: string | undefined;
  const undo = (): void => {
    if (staging) rmSync(staging, { recursive: true, force: true });
    if (createdParent) rmSync(createdParent, { recursive: true, force: true });
  };
  const forgetStaging = onAbort(undo);
  try {
    createdParent = await mkdir(parent, { recursive: true });
    staging = await mkdtemp(join(parent, STAGING_PREFIX));
    // mkdtemp makes the folder 0700; the project folder gets the usual mode.
    await chmod(staging, 0o777 & ~process.umask());
    await writePlannedFiles(staging, files);
    await pauseForInterruptionTests();
    if (state === 'missing') {
      await rename(staging, targetDir);
      staging = undefined;
    } else {
      await mergeInto(staging, targetDir, files);
      await rm(staging, { recursive: true, force: true });
      staging = undefined;
    }
    createdParent = undefined;
  } catch (error) {
    undo();
    if (error instanceof UserError) throw error;
    throw new UserError(`Cannot write the project to "${targetDir}": ${errorMessage(error)}. Nothing was left behind.`);
  } finally {
    forgetStaging();
  }
}

/** Moves staged files into an existing folder; on failure moves back what it moved. */
async function mergeInto(staging: string, targetDir: string, files: readonly PlannedFile[]): Promise<void> {
  const moved: string[] = [];
  const createdDirs: string[] = [];
  const undo = (): void => {
    for (const path of moved.reverse()) {
      try {
        unlinkSync(path);
      } catch {
        // already gone
      }
    }
    for (const dir of createdDirs.reverse()) {
      try {
        if (readdirSync(dir).length === 0) rmdirSync(dir);
      } catch {
        // not empty or gone: leave it
      }
    }
  };
  const forget = onAbort(undo);
  try {
    for (const file of files) {
      const to = join(targetDir, file.path);
      const created = await mkdir(dirname(to), { recursive: true });
      if (created) {
        // mkdir returns the first folder it created; record each level for the undo
        const levels: string[] = [];
        for (let dir = dirname(to); dir.length >= created.length; dir = dirname(dir)) levels.unshift(dir);
        createdDirs.push(...levels);
      }
      await rename(join(staging, file.path), to);
      moved.push(to);
    }
  } catch (error) {
    undo();
    throw error;
  } finally {
    forget();
  }
}

/**
 * Test seam: with CREATE_BACKEND_PAUSE_BEFORE_MOVE=<ms> the CLI says "staged" on stderr and
 * waits before moving into place, so tests can deliver a real signal mid-generation.
 */
async function pauseForInterruptionTests(): Promise<void> {
  const ms = Number(process.env.CREATE_BACKEND_PAUSE_BEFORE_MOVE);
  if (!ms) return;
  process.stderr.write('staged\n');
  await new Promise((resolve) => setTimeout(resolve, ms));
}
