import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import tmp from 'tmp';
import { FRAMEWORKS } from '../../generators/index.js';
import type { ChoiceOption, FrameworkDefinition, ServiceName, ToggleOption } from '../../src/framework.js';
import { runCli, type CliContext } from '../../src/main.js';

const created: (() => void)[] = [];

/** A fresh temporary folder, removed after its test file (test/unit/setup.ts). */
export function tempDir(): string {
  const dir = tmp.dirSync({ unsafeCleanup: true, prefix: 'create-backend-test-' });
  created.push(dir.removeCallback);
  return dir.name;
}

/** Removes every folder tempDir made so far (worker threads end without exit hooks). */
export function removeTempDirs(): void {
  for (const remove of created.splice(0)) remove();
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
