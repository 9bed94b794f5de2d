// After the files are in place: install dependencies, then git init + first commit (so
// lockfiles land in the first commit). A failing step never deletes the project.
import type { ProjectSpec } from './spec.js';
import { expandCommand, formatCommand, preferFaster, runInProject } from './run-command.js';
import type { Reporter } from './reporter.js';

/** Where `dir` stands for git: one `git rev-parse` answers both questions. */
export async function gitStatusOf(dir: string): Promise<'no-git' | 'inside-work-tree' | 'outside'> {
  const { execa } = await import('execa');
  const result = await execa('git', ['rev-parse', '--is-inside-work-tree'], { cwd: dir, reject: false });
  if ((result as { code?: string }).code === 'ENOENT') return 'no-git';
  return result.exitCode === 0 && result.stdout.trim() === 'true' ? 'inside-work-tree' : 'outside';
}

/** The install commands as run here: faster installers where the user has them. */
export function installCommands(spec: ProjectSpec, available?: (program: string) => boolean): { argv: string[]; env?: Readonly<Record<string, string>> | undefined }[] {
  return spec.framework.commands.install.map((command) => {
    const chosen = preferFaster(command, available);
    return { argv: expandCommand(chosen, { packageManager: spec.packageManager }), env: chosen.env };
  });
}

/** Returns false (after saying how to retry) when an installer failed. */
export async function installDependencies(spec: ProjectSpec, report: Reporter): Promise<boolean> {
  const commands = installCommands(spec);
  for (const [index, { argv, env }] of commands.entries()) {
    report.step(`Installing dependencies: ${formatCommand(argv)}`);
    try {
      await runInProject(argv, spec.targetDir, { env });
    } catch (error) {
      const rest = commands.slice(index).map((command) => formatCommand(command.argv)).join(' && ');
      const reason = (error as { shortMessage?: string }).shortMessage ?? (error as Error).message;
      report.warn(`Installing dependencies failed (${reason.split('\n')[0]}). The project is kept; finish with: cd ${spec.displayDir} && ${rest}`);
      return false;
    }
  }
  return true;
}

export async function initializeGit(spec: ProjectSpec, report: Reporter): Promise<void> {
  const status = await gitStatusOf(spec.targetDir);
  if (status === 'no-git') {
    report.info('Skipped git init: git is not installed.');
    return;
  }
  if (status === 'inside-work-tree') {
    report.info('Skipped git init: the project is inside an existing git work tree.');
    return;
  }
  report.step('Initializing a git repository');
  const { execa } = await import('execa');
  const identity = await execa('git', ['config', 'user.email'], { cwd: spec.targetDir, reject: false });
  const fallbackIdentity = identity.exitCode === 0 ? [] : ['-c', 'user.name=create-backend', '-c', 'user.email=create-backend@localhost'];
  try {
    await execa('git', ['init', '--quiet', '--initial-branch=main'], { cwd: spec.targetDir });
    await execa('git', ['add', '--all'], { cwd: spec.targetDir });
    await execa('git', [...fallbackIdentity, 'commit', '--quiet', '--no-verify', '--message', 'Initial commit from create-backend'], {
      cwd: spec.targetDir,
    });
  } catch (error) {
    const reason = (error as { shortMessage?: string }).shortMessage ?? (error as Error).message;
    report.warn(`git init did not complete (${reason.split('\n')[0]}); the project is fine, commit it yourself.`);
  }
}
