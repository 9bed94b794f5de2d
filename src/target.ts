// The project folder: where it goes, what it is called, and whether it may be written.
// Checked right after the name is known, before any other question.
import { readdirSync, statSync } from 'node:fs';
import { basename, isAbsolute, resolve } from 'node:path';
import { quote, UserError } from './errors.js';
import { projectNameProblem } from './names.js';

export type TargetState = 'missing' | 'empty' | 'non-empty';

export interface Target {
  /** The project name: the last segment of the directory. */
  name: string;
  /** Absolute path of the project folder. */
  targetDir: string;
  /** The directory as the user typed it, without trailing slashes (for `cd` in next steps). */
  displayDir: string;
}

/**
 * A directory argument → the project folder. A plain name or a relative path (`apps/api`,
 * `./demo/`) lands below `cwd`, an absolute path stays as it is; the project name is the
 * last segment and must be a valid name (and not one the framework reserves).
 */
export function resolveTarget(
  directory: string,
  cwd: string,
  framework?: { label: string; reservedNames?: Readonly<Record<string, string>> },
): Target {
  const displayDir = directory.replace(/\/+$/, '') || directory;
  const name =
    isAbsolute(displayDir) && displayDir.length > 1 ? basename(displayDir) : (displayDir.split('/').pop() ?? '');
  const segments = displayDir.split('/');
  const goesUp = segments.includes('..') || (segments.length > 1 && segments.slice(1).includes('.'));
  const problem = goesUp ? projectNameProblem('..') : projectNameProblem(name);
  if (problem) throw new UserError(`Invalid project name ${quote(goesUp ? directory : name)}: ${problem}.`);
  const reserved = framework && projectNameProblem(name, framework.reservedNames);
  if (reserved) throw new UserError(`Invalid project name ${quote(name)} for ${framework.label}: ${reserved}.`);
  return { name, targetDir: resolve(cwd, displayDir), displayDir };
}

/** What is at the target path now; refuses a file or something unreadable. */
export function targetState(targetDir: string): TargetState {
  let info;
  try {
    info = statSync(targetDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw new UserError(`Cannot read "${targetDir}": ${(error as Error).message}.`);
  }
  if (!info.isDirectory()) throw new UserError(`"${targetDir}" exists and is not a directory. Choose another name.`);
  return readdirSync(targetDir).length === 0 ? 'empty' : 'non-empty';
}

/** Refuses a target that is a file, or a non-empty folder without --force. */
export function checkTarget(targetDir: string, force: boolean, shownAs: string = basename(targetDir)): TargetState {
  const state = targetState(targetDir);
  if (state === 'non-empty' && !force)
    throw new UserError(`Directory "${shownAs}" is not empty. Use --force to add files to it.`);
  return state;
}
