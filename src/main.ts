// create-backend: argv → ProjectSpec → files in place → install → git → next steps.
// `runCli` is the whole run with everything it touches passed in (argv, cwd, env,
// terminals, output streams), so tests call it in-process; `main` binds it to the process.
import { FRAMEWORKS } from '../generators/index.js';
import { parseArgs } from './args.js';
import { hasPendingAborts, runAborts } from './cleanup.js';
import { fileTree, helpText, listJson, listText, nextStepsText } from './describe.js';
import { CancelledError, UserError } from './errors.js';
import type { FrameworkDefinition } from './framework.js';
import { createReporter, type OutputStream, type Reporter } from './reporter.js';
import { resolveSpec, type Asker, type ProjectSpec } from './spec.js';
import type { TemplateStore } from './templates.js';
import { withRecord } from './update/record.js';
import { VERSION } from './version.js';

export interface CliContext {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdin: { isTTY?: boolean | undefined };
  stdout: OutputStream;
  stderr: OutputStream;
  /** The starters offered; the registered definitions unless a test brings its own. */
  frameworks?: readonly FrameworkDefinition[];
  /** Where template trees come from; the build's artifact unless a test brings its own. */
  templates?: TemplateStore;
  /** The questions in a terminal; prompts on the real one unless a test answers them. */
  asker?: Asker;
}

/** A command of its own: `create-backend <name> …` (the rest of argv follows the name). */
export type Subcommand = (argv: readonly string[], context: CliContext) => Promise<number>;

/**
 * Subcommands, loaded only when named, so a plain run never parses their code: `update`
 * (docs/UPDATING.md); `add` (issue 18; it alone loads the plop bundle, see src/plop.ts)
 * hooks in here too.
 */
export const SUBCOMMANDS: Record<string, () => Promise<Subcommand>> = {
  update: async () => {
    const { runUpdate } = await import('./update/command.js');
    return (argv, context) => runUpdate(argv, createReporter(context.stdout, context.stderr, context.env), context.cwd);
  },
  // in the plop bundle, imported by path so the CLI's bundle holds none of it
  add: async () => {
    const [{ join }, { pathToFileURL }, { PACKAGE_ROOT }] = await Promise.all([
      import('node:path'),
      import('node:url'),
      import('./paths.js'),
    ]);
    const bundle = (await import(pathToFileURL(join(PACKAGE_ROOT, 'dist', 'plop.js')).href)) as { runAdd: Subcommand };
    return bundle.runAdd;
  },
};

export function processContext(): CliContext {
  return { cwd: process.cwd(), env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}

/** Runs the CLI once; resolves to the exit code (0 done, 1 error, 130 cancelled). */
export async function runCli(argv: readonly string[], context: CliContext = processContext()): Promise<number> {
  const report = createReporter(context.stdout, context.stderr, context.env);
  try {
    const subcommand = argv[0] === undefined ? undefined : SUBCOMMANDS[argv[0]];
    if (subcommand) return await (await subcommand())(argv.slice(1), context);
    return await createProject(argv, context, report);
  } catch (error) {
    runAborts();
    if (error instanceof CancelledError) {
      report.error(error.message);
      return 130;
    }
    if (error instanceof UserError || !context.env.DEBUG) {
      // one line, whatever the error quotes
      report.error((error instanceof Error ? error.message : String(error)).replace(/\s*[\r\n]+\s*/g, ' '));
    } else {
      context.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    return 1;
  }
}

async function createProject(argv: readonly string[], context: CliContext, report: Reporter): Promise<number> {
  const frameworks = context.frameworks ?? FRAMEWORKS;
  const args = parseArgs(argv, frameworks);
  if (args.help) {
    report.out(helpText(frameworks, VERSION));
    return 0;
  }
  if (args.version) {
    report.out(VERSION);
    return 0;
  }
  if (args.list) {
    report.out(args.json ? listJson(frameworks) : listText(frameworks));
    return 0;
  }

  const terminal = Boolean(context.stdin.isTTY && context.stdout.isTTY);
  if (args.interactive && !terminal)
    throw new UserError('--interactive needs a terminal to ask in; without one, pass the flags or --yes.');
  const interactive = args.interactive ?? (terminal && !context.env.CI);
  const asker = interactive ? (context.asker ?? (await import('./questions.js')).terminalAsker) : undefined;
  const spec = await resolveSpec(args, {
    frameworks,
    cwd: context.cwd,
    userAgent: context.env.npm_config_user_agent,
    asker,
  });

  // loaded only now: the first question shows without the rendering and writing code
  const [{ planProject }, { checkConflicts, writeProject }] = await Promise.all([
    import('./plan.js'),
    import('./write-project.js'),
  ]);
  // the record of the answers (.create-backend.json) is what `update` starts from
  const files = await withRecord(await planProject(spec.framework, spec.data, context.templates), spec.data);
  if (spec.targetState === 'non-empty') checkConflicts(spec.targetDir, files);
  if (spec.dryRun) {
    report.out(fileTree(spec.displayDir, files));
    report.out(`\n${files.length} files would be written to ${spec.targetDir} (dry run: nothing written).`);
    return 0;
  }

  report.step(`Writing ${files.length} files to ${spec.targetDir}`);
  await writeProject(spec.targetDir, files, { force: spec.force });
  return finishProject(spec, report, context.env);
}

/** Said when a signal stops the run after the files are in place (the install is running). */
let afterWrite: ((signal: string) => void) | undefined;

async function finishProject(spec: ProjectSpec, report: Reporter, env: CliContext['env']): Promise<number> {
  const { initializeGit, installDependencies } = await import('./post-steps.js');
  let installed = false;
  if (spec.install) {
    afterWrite = (signal) =>
      report.error(
        `Cancelled (${signal}) while installing. The project is kept in ${spec.targetDir}; run the install again:\n${nextStepsText(spec, false)}`,
      );
    installed = await installDependencies(spec, report, env);
    afterWrite = undefined;
  }
  if (spec.git) await initializeGit(spec, report, env);
  report.out(`\n${nextStepsText(spec, installed)}`);
  return spec.install && !installed ? 1 : 0;
}

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

export async function main(): Promise<void> {
  const context = processContext();
  const report = createReporter(context.stdout, context.stderr, context.env);
  // `create-backend --list | head` closes our stdout early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  process.on('SIGINT', () => onSignal('SIGINT', report));
  process.on('SIGTERM', () => onSignal('SIGTERM', report));
  process.exitCode = await runCli(process.argv.slice(2), context);
}
