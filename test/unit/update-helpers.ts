// Shared by the update tests (update.test.ts: record, merge plan, .env advice;
// update-command.test.ts: the command in generated projects).
import { execa } from 'execa';
import { FRAMEWORKS } from '../../generators/index.js';
import type { FrameworkDefinition, OptionValues } from '../../src/framework.js';
import type { Reporter } from '../../src/reporter.js';
import { readTree, type Tree, type TreeFile } from '../../src/update/merge.js';
import { generatedProject } from './helpers.js';

export const flask = FRAMEWORKS.find((framework) => framework.id === 'flask') as FrameworkDefinition;
export const GIT_IDENTITY = ['-c', 'user.name=test', '-c', 'user.email=test@localhost'];

export const git = async (cwd: string, ...args: string[]) =>
  (await execa('git', [...GIT_IDENTITY, ...args], { cwd })).stdout;

export function recorder(): Reporter & { text(): string } {
  const lines: string[] = [];
  const push = (message: string) => void lines.push(message);
  const task = (label: string) => ({ done: () => push(`✔ ${label}`), failed: () => push(`✖ ${label}`) });
  return { step: push, task, info: push, warn: push, error: push, out: push, text: () => lines.join('\n') };
}

/** A project as the CLI writes it (plan + record), committed to a fresh git repository: a copy per call. */
export const generate = (framework: FrameworkDefinition, options: OptionValues = {}) =>
  generatedProject(framework, options, { git: true });

export async function commitAll(dir: string, message: string): Promise<void> {
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-qm', message);
}

export const file = (text: string, mode = 0o644): TreeFile => ({ contents: Buffer.from(text), mode });
export const tree = (files: Record<string, string>): Tree =>
  new Map(Object.entries(files).map(([path, text]) => [path, file(text)]));
export const labels = { ours: 'yours', base: 'create-backend 1.0.0', theirs: 'create-backend 2.0.0' };

/** The project's files that git tracks or would (not ignored), as a tree. */
export async function projectFiles(dir: string): Promise<Map<string, TreeFile>> {
  const all = readTree(dir);
  const listed = new Set((await git(dir, 'ls-files', '--cached', '--others', '--exclude-standard')).split('\n'));
  return new Map([...all].filter(([path]) => listed.has(path)));
}
