// What the in-process tests of `create-backend add resource` share (test/unit/add*.test.ts):
// a project generated into a temporary folder with the engine's own functions, its files
// as a snapshot, and `runAdd` run in it with its output kept.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FRAMEWORKS } from '../../generators/index.js';
import { runAdd } from '../../src/add/command.js';
import { generatedProject } from './helpers.js';

/** A project "shelf" of `framework` with these answers, its record included, as the CLI writes it. */
export async function generate(framework: string, options: Record<string, string | boolean> = {}): Promise<string> {
  const definition = FRAMEWORKS.find((candidate) => candidate.id === framework)!;
  return (await generatedProject(definition, options, { name: 'shelf' })).dir;
}

/** Every file below `dir` with its contents. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const path of readdirSync(dir, { recursive: true }) as string[]) {
    const full = join(dir, path);
    if (statSync(full).isFile()) files[relative(dir, full)] = readFileSync(full, 'utf8');
  }
  return files;
}

/** `create-backend add …argv` in `dir`: its exit code and what it printed. */
export async function add(dir: string, ...argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runAdd(argv, { cwd: dir, stdout: { write: (text: string) => (out += text) } });
  return { code, out };
}

export const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
