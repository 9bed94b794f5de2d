// Where the generated projects' own commands run. With SMOKE_ROOT set (bash .ci/run sets
// it to the Debian forky root that `.ci/current-root build` makes), every command runs
// inside that root — Node 24, Python 3.14, PHP 8.4 + Laravel 13, Ruby 3.3 + Rails 7.2 —
// at the same path as on the host (the root has /tmp and the checkout bind-mounted).
// Without it, commands run on the host as they are.
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { onPath } from '../../src/run-command.js';

export const CURRENT_ROOT: string | undefined = process.env.SMOKE_ROOT || undefined;

/** Where a scenario runs: the current root, or the host (for an older release the ranges admit). */
export type Stack = { kind: 'root'; root: string } | { kind: 'host' };

export function defaultStack(): Stack {
  return CURRENT_ROOT ? { kind: 'root', root: CURRENT_ROOT } : { kind: 'host' };
}

const ROOT_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/**
 * The program and arguments that run `argv` in `cwd` on `stack`. `chroot` then `exec`
 * keeps the pid, so stopping a server's process group still stops it.
 */
export function onStack(stack: Stack, argv: readonly string[], cwd: string): { file: string; args: string[] } {
  if (stack.kind === 'host') return { file: argv[0]!, args: argv.slice(1) };
  return { file: 'chroot', args: [stack.root, '/bin/sh', '-c', 'cd "$1" && shift && exec "$@"', 'sh', cwd, ...argv] };
}

/**
 * The host's environment less what points into the host's own npm (npm run sets
 * npm_config_* and npm_execpath; inside the root its npm and node-gyp live elsewhere).
 */
export function stackEnv(stack: Stack, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (stack.kind === 'host') return env;
  const kept = Object.entries(env).filter(([name]) => !/^(npm_|NODE$|INIT_CWD$|PNPM_|VITEST|PATH$)/i.test(name));
  return { ...Object.fromEntries(kept), PATH: ROOT_PATH.join(':') };
}

/** Whether `program` is installed on `stack` (for a command's faster variant, e.g. uv). */
export function availableOn(stack: Stack): (program: string) => boolean {
  if (stack.kind === 'host') return (program) => onPath(program);
  return (program) =>
    ROOT_PATH.some((dir) => {
      try {
        accessSync(join(stack.root, dir, program), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

export function describeStack(stack: Stack): string {
  return stack.kind === 'root' ? `current Debian root ${stack.root}` : 'host';
}
