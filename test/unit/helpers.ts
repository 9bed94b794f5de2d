import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import tmp from 'tmp';
import { FRAMEWORKS } from '../../generators/index.js';
import type {
  ChoiceOption,
  FrameworkDefinition,
  OptionValues,
  ServiceName,
  ToggleOption,
} from '../../src/framework.js';
import { runCli, type CliContext } from '../../src/main.js';
import { planProject } from '../../src/plan.js';
import { buildTemplateData } from '../../src/template-data.js';
import { withRecord } from '../../src/update/record.js';
import { writePlannedFiles } from '../../src/write-project.js';

const created: (() => void)[] = [];
/** generatedProject's originals, by framework and answers (in folders tempDir made). */
const generatedOnce = new Map<string, Promise<string>>();

/** A fresh temporary folder, removed after its test file (test/unit/setup.ts). */
export function tempDir(): string {
  const dir = tmp.dirSync({ unsafeCleanup: true, prefix: 'create-backend-test-' });
  created.push(dir.removeCallback);
  return dir.name;
}

/** Removes every folder tempDir made so far (worker threads end without exit hooks). */
export function removeTempDirs(): void {
  for (const remove of created.splice(0)) remove();
  // the originals generatedProject copies from were among them
  generatedOnce.clear();
}

/** Writes files (path → contents, or contents and mode) under `root`. */
export function writeTree(root: string, files: Record<string, string | { contents: string; mode: number }>): void {
  for (const [path, spec] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    const contents = typeof spec === 'string' ? spec : spec.contents;
    writeFileSync(full, contents);
    if (typeof spec !== 'string') chmodSync(full, spec.mode);
  }
}

export const express = FRAMEWORKS.find((framework) => framework.id === 'express') as FrameworkDefinition;

/** A framework definition rendering a template tree of the test's own. */
export function fixtureFramework(templates: string, extra: Partial<FrameworkDefinition> = {}): FrameworkDefinition {
  return { ...express, actions: () => [{ type: 'renderTree', templates }], ...extra };
}

/** An output stream that keeps what is written. */
export function captureStream(isTTY = false): { write(text: string): boolean; isTTY: boolean; text(): string } {
  let written = '';
  return {
    isTTY,
    write(text: string) {
      written += text;
      return true;
    },
    text: () => written,
  };
}

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `create-backend …args` in this process, as it runs without a terminal (CI=true) unless
 * `tty` is set: the same code path as the bin, with argv, cwd, env and streams injected.
 * The environment holds only PATH and HOME of this process, plus `env`.
 */
export async function runInProcess(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string>; tty?: boolean } & Partial<
    Pick<CliContext, 'asker' | 'frameworks' | 'templates'>
  > = {},
): Promise<InProcessRun> {
  const { cwd = tempDir(), env, tty = false, ...injected } = options;
  const stdout = captureStream(tty);
  const stderr = captureStream(tty);
  const code = await runCli(args, {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', ...(tty ? {} : { CI: 'true' }), ...env },
    stdin: { isTTY: tty },
    stdout,
    stderr,
    ...injected,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** A choice option for fixtures: the first value is the default; `services` by value. */
export function choiceOption(
  name: string,
  values: readonly string[],
  services: Partial<Record<string, ServiceName[]>> = {},
): ChoiceOption {
  const choices = values.map((value) => ({
    value,
    label: value,
    ...(services[value] ? { services: services[value] } : {}),
  }));
  return { kind: 'choice', name, message: name, default: values[0]!, choices };
}

/** A toggle option for fixtures, on by default. */
export function toggleOption(name: string, on = true): ToggleOption {
  return { kind: 'toggle', name, message: name, default: on };
}

/** A PATH whose `npm` is a script of the test's own, before this process's PATH. */
export function fakeNpm(script: string): string {
  const bin = tempDir();
  writeTree(bin, { npm: { contents: `#!/bin/sh\n${script}\n`, mode: 0o755 } });
  return `${bin}:${process.env.PATH}`;
}

/**
 * A copy of the project the CLI writes for `framework` with these answers (its record
 * included), as `<tempDir>/<name>`, optionally committed to a fresh git repository. It is
 * planned, written (and committed) once per test file and answers; every caller gets its
 * own copy, so tests can change theirs freely (secrets are the same in every copy).
 */
export async function generatedProject(
  framework: FrameworkDefinition,
  options: OptionValues = {},
  { name = 'demo', git = false }: { name?: string; git?: boolean } = {},
): Promise<{ dir: string; secrets: string[] }> {
  const key = JSON.stringify([framework.id, options, name, git]);
  let original = generatedOnce.get(key);
  if (!original) {
    original = (async () => {
      const dir = join(tempDir(), name);
      const data = buildTemplateData(name, framework, options);
      await writePlannedFiles(dir, await withRecord(await planProject(framework, data), data));
      writeFileSync(join(dir, '..', 'secrets.json'), JSON.stringify(Object.values(data.secrets)));
      if (git) {
        const identity = ['-c', 'user.name=test', '-c', 'user.email=test@localhost'];
        await execa('git', ['init', '-q', '--initial-branch=main'], { cwd: dir });
        await execa('git', ['add', '-A'], { cwd: dir });
        await execa('git', [...identity, 'commit', '-qm', 'generated'], { cwd: dir });
      }
      return dir;
    })();
    generatedOnce.set(key, original);
  }
  const source = await original;
  const dir = join(tempDir(), name);
  cpSync(source, dir, { recursive: true, preserveTimestamps: true });
  return { dir, secrets: JSON.parse(readFileSync(join(source, '..', 'secrets.json'), 'utf8')) as string[] };
}
