// Running commands inside the generated project. execa is loaded only when a step runs.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Command } from './framework.js';
import type { PackageManager } from './spec.js';

export interface CommandContext {
  packageManager: PackageManager;
  port?: number;
  harness?: string;
  python?: string;
}

/** Whether `program` is an executable on PATH (no process spawned). */
export function onPath(program: string, path: string | undefined = process.env.PATH): boolean {
  for (const dir of (path ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, program), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

/** The command to run: its faster equivalent when that program is available. */
export function preferFaster(command: Command, available: (program: string) => boolean = onPath): Command {
  const faster = command.faster;
  // the faster program takes the same environment
  return faster && available(faster.argv[0]!) ? { ...command, argv: faster.argv } : command;
}

/** Replaces `{pm}`, `{port}`, `{harness}`, `{python}` in a command's argv. */
export function expandCommand(command: Command, context: CommandContext): string[] {
  return command.argv.map((arg) =>
    arg
      .replaceAll('{pm}', context.packageManager)
      .replaceAll('{port}', String(context.port ?? 3000))
      .replaceAll('{harness}', context.harness ?? '')
      .replaceAll('{python}', context.python ?? 'python3'),
  );
}

/** How a command is shown to the user: quoted only where the shell needs it. */
export function formatCommand(argv: readonly string[]): string {
  return argv.map((arg) => (/^[\w@%+=:,./{}-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** The environment a run gives its child processes (the process's own, or a test's). */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Runs `argv` in `cwd` with exactly `env` (plus the command's own variables); its output
 * is appended to the file `log`, or dropped. Rejects with execa's error (its
 * `shortMessage` says what failed).
 */
export async function runInProject(
  argv: readonly string[],
  cwd: string,
  env: Environment,
  options: { env?: Readonly<Record<string, string>> | undefined; log?: string | undefined } = {},
): Promise<void> {
  const { execa } = await import('execa');
  const output = options.log === undefined ? 'ignore' : { file: options.log, append: true };
  await execa(argv[0]!, argv.slice(1), {
    cwd,
    env: { ...env, ...options.env },
    extendEnv: false,
    stdin: 'ignore',
    stdout: output,
    stderr: output,
  });
}
