// After the files are in place: install dependencies, then git init + first commit (so
// lockfiles land in the first commit). A failing step never deletes the project. Each
// step is one progress line; the installers' own output goes to a log in the project,
// kept (and named) only when a step fails.
import { appendFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Reporter } from './reporter.js';
import { expandCommand, formatCommand, onPath, preferFaster, runInProject, type Environment } from './run-command.js';
import type { ProjectSpec } from './spec.js';

/** The installers' output, in the project folder; removed when every step succeeded. */
export const INSTALL_LOG = 'create-backend-install.log';

type ShownCommand = { argv: string[]; env?: Readonly<Record<string, string>> | undefined };

/** Where `dir` stands for git: one `git rev-parse` answers both questions. */
async function gitStatusOf(dir: string, env: Environment): Promise<'no-git' | 'inside-work-tree' | 'outside'> {
  const { execa } = await import('execa');
  const result = await execa('git', ['rev-parse', '--is-inside-work-tree'], {
    cwd: dir,
    env,
    extendEnv: false,
    reject: false,
  });
  if ((result as { code?: string }).code === 'ENOENT') return 'no-git';
  return result.exitCode === 0 && result.stdout.trim() === 'true' ? 'inside-work-tree' : 'outside';
}

/** The install commands as run here: faster installers where the user has them. */
function installCommands(spec: ProjectSpec, available: (program: string) => boolean): ShownCommand[] {
  return spec.framework.commands.install.map((command) => {
    const chosen = preferFaster(command, available);
    return { argv: expandCommand(chosen, { packageManager: spec.packageManager }), env: chosen.env };
  });
}

function reasonOf(error: unknown): string {
  return ((error as { shortMessage?: string }).shortMessage ?? (error as Error).message).split('\n')[0]!;
}

/** The first toolchain the project needs that is not on this machine, or undefined. */
async function missingToolchain(spec: ProjectSpec, env: Environment): Promise<string | undefined> {
  for (const tool of spec.framework.toolchain) {
    try {
      await runInProject(tool.check, spec.targetDir, env);
    } catch {
      return `${tool.name} was not found (${formatCommand(tool.check)} failed)`;
    }
  }
  return undefined;
}

/** Returns false (after saying how to finish) when an installer failed or cannot run. */
export async function installDependencies(spec: ProjectSpec, report: Reporter, env: Environment): Promise<boolean> {
  const commands = installCommands(spec, (program) => onPath(program, env.PATH));
  const finish = (from: number) =>
    `finish with: cd ${formatCommand([spec.displayDir])} && ${commands
      .slice(from)
      .map((command) => formatCommand(command.argv))
      .join(' && ')}`;
  const missing = await missingToolchain(spec, env);
  if (missing) {
    report.warn(`Skipped installing dependencies: ${missing}. The project is kept; install it, then ${finish(0)}`);
    return false;
  }
  const log = join(spec.targetDir, INSTALL_LOG);
  for (const [index, { argv, env: commandEnv }] of commands.entries()) {
    const task = report.task(`Installing dependencies: ${formatCommand(argv)}`);
    appendFileSync(log, `$ ${formatCommand(argv)}\n`);
    try {
      await runInProject(argv, spec.targetDir, env, { env: commandEnv, log });
      task.done();
    } catch (error) {
      task.failed();
      appendFileSync(log, `\n${reasonOf(error)}\n`);
      report.warn(
        `Installing dependencies failed (${reasonOf(error)}); its output is in ${join(spec.displayDir, INSTALL_LOG)}. The project is kept; ${finish(index)}`,
      );
      return false;
    }
  }
  rmSync(log, { force: true });
  return true;
}

export async function initializeGit(spec: ProjectSpec, report: Reporter, env: Environment): Promise<void> {
  const status = await gitStatusOf(spec.targetDir, env);
  if (status === 'no-git') {
    report.info('Skipped git init: git is not installed.');
    return;
  }
  if (status === 'inside-work-tree') {
    report.info('Skipped git init: the project is inside an existing git work tree.');
    return;
  }
  const task = report.task('Initializing a git repository');
  const { execa } = await import('execa');
  const options = { cwd: spec.targetDir, env, extendEnv: false };
  const git = (args: string[]) => execa('git', args, options);
  const identity = await execa('git', ['config', 'user.email'], { ...options, reject: false });
  const fallbackIdentity =
    identity.exitCode === 0 ? [] : ['-c', 'user.name=create-backend', '-c', 'user.email=create-backend@localhost'];
  try {
    await git(['init', '--quiet', '--initial-branch=main']);
    // a failed install's log stays out of the first commit
    if (existsSync(join(spec.targetDir, INSTALL_LOG)))
      appendFileSync(join(spec.targetDir, '.git/info/exclude'), `/${INSTALL_LOG}\n`);
    await git(['add', '--all']);
    await git([
      ...fallbackIdentity,
      'commit',
      '--quiet',
      '--no-verify',
      '--message',
      'Initial commit from create-backend',
    ]);
    task.done();
  } catch (error) {
    task.failed();
    report.warn(`git init did not complete (${reasonOf(error)}); the project is fine, commit it yourself.`);
  }
}
