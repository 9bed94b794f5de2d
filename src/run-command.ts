// Running commands inside the generated project. execa is loaded only when a step runs.
import type { Command } from './framework.js';
import type { PackageManager } from './spec.js';

export interface CommandContext {
  packageManager: PackageManager;
  port?: number;
  harness?: string;
  python?: string;
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

export async function runInProject(
  argv: readonly string[],
  cwd: string,
  options: { env?: Readonly<Record<string, string>> | undefined; quiet?: boolean } = {},
): Promise<void> {
  const { execa } = await import('execa');
  await execa(argv[0]!, argv.slice(1), {
    cwd,
    env: { ...options.env },
    stdio: options.quiet ? 'pipe' : ['ignore', 'inherit', 'inherit'],
  });
}
