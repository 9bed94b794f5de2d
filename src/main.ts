// create-backend: argv → ProjectSpec → files in place → install → git → next steps.
import { FRAMEWORKS } from '../generators/index.js';
import { parseArgs } from './args.js';
import { hasPendingAborts, runAborts } from './cleanup.js';
import { fileTree, helpText, listJson, listText, nextStepsText } from './describe.js';
import { CancelledError, UserError } from './errors.js';
import { initializeGit, installDependencies } from './post-steps.js';
import { createReporter, type Reporter } from './reporter.js';
import { withRecord } from './update/record.js';
import { resolveSpec, type ProjectSpec } from './spec.js';
import { VERSION } from './version.js';

let afterWrite: ((signal: string) => void) | undefined;

function onSignal(signal: NodeJS.Signals, report: Reporter): void {
  const code = signal === 'SIGINT' ? 130 : 143;
  if (hasPendingAborts()) {
    runAborts();
    report.error(`Cancelled (${signal}); nothing was written.`);
  } else if (afterWrite) {
    afterWrite(signal);
  } else {
    report.error(`Cancelled (${signal}).`);
  }
  process.exit(code);
}

export async function runCli(argv: readonly string[], report: Reporter = createReporter()): Promise<number> {
  if (argv[0] === 'update') return (await import('./update/command.js')).runUpdate(argv.slice(1), report);
  // `add` (issue 18) until the engine's SUBCOMMANDS land: SUBCOMMANDS.add = async () => (await import('./add/command.js')).runAdd
  if (argv[0] === 'add') return (await import('./add/command.js')).runAdd(argv.slice(1), { cwd: process.cwd(), stdout: process.stdout });
  const args = parseArgs(argv, FRAMEWORKS);
  if (args.help) {
    report.out(helpText(FRAMEWORKS, VERSION));
    return 0;
  }
  if (args.version) {
    report.out(VERSION);
    return 0;
  }
  if (args.list) {
    report.out(args.json ? listJson(FRAMEWORKS) : listText(FRAMEWORKS));
    return 0;
  }

  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY) && !process.env.CI;
  const asker = interactive ? (await import('./questions.js')).terminalAsker : undefined;
  const spec = await resolveSpec(args, { frameworks: FRAMEWORKS, cwd: process.cwd(), userAgent: process.env.npm_config_user_agent, asker });

  // loaded only now: the first question shows without the rendering and writing code
  const [{ planProject }, { checkConflicts, checkTarget, writeProject }] = await Promise.all([import('./plan.js'), import('./write-project.js')]);
  const state = await checkTarget(spec.targetDir, { force: spec.force });
  const files = await withRecord(await planProject(spec.framework, spec.data), spec.data);
  if (state === 'non-empty') checkConflicts(spec.targetDir, files);
  if (spec.dryRun) {
    report.out(fileTree(spec.displayDir, files));
    report.out(`\n${files.length} files would be written to ${spec.targetDir} (dry run: nothing written).`);
    return 0;
  }

  report.step(`Writing ${files.length} files to ${spec.targetDir}`);
  await writeProject(spec.targetDir, files, { force: spec.force });
  return finishProject(spec, report);
}

async function finishProject(spec: ProjectSpec, report: Reporter): Promise<number> {
  let installed = false;
  if (spec.install) {
    afterWrite = (signal) =>
      report.error(`Cancelled (${signal}) while installing. The project is kept in ${spec.targetDir}; run the install again:\n${nextStepsText(spec, false)}`);
    installed = await installDependencies(spec, report);
    afterWrite = undefined;
  }
  if (spec.git) await initializeGit(spec, report);
  report.out(`\n${nextStepsText(spec, installed)}`);
  return spec.install && !installed ? 1 : 0;
}

export async function main(): Promise<void> {
  const report = createReporter();
  // `create-backend --list | head` closes our stdout early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  process.on('SIGINT', () => onSignal('SIGINT', report));
  process.on('SIGTERM', () => onSignal('SIGTERM', report));
  try {
    process.exitCode = await runCli(process.argv.slice(2), report);
  } catch (error) {
    runAborts();
    if (error instanceof CancelledError) {
      report.error(error.message);
      process.exitCode = 130;
    } else if (error instanceof UserError || !process.env.DEBUG) {
      // one line, whatever the error quotes
      report.error((error instanceof Error ? error.message : String(error)).replace(/\s*[\r\n]+\s*/g, ' '));
      process.exitCode = 1;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  }
}


