// Parsed flags + answers → one validated, frozen ProjectSpec. Everything downstream
// (planning, writing, post steps, next steps) reads only the spec. The order is the
// user's: the name and its folder first (a folder that cannot be used is refused before
// any other question), then the framework, then its options.
import type { ParsedArgs } from './args.js';
import { quote, UserError } from './errors.js';
import type { FrameworkDefinition, FrameworkOption, OptionValues, TemplateData } from './framework.js';
import { checkTarget, resolveTarget, type Target, type TargetState } from './target.js';
import { buildTemplateData, defaultDescription } from './template-data.js';

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

export interface ProjectSpec extends Target {
  /** What is at the target now: a missing folder, an empty one, or (with --force) a non-empty one. */
  targetState: TargetState;
  framework: FrameworkDefinition;
  options: OptionValues;
  install: boolean;
  git: boolean;
  force: boolean;
  dryRun: boolean;
  packageManager: PackageManager;
  data: TemplateData;
}

/** Asks the questions flags did not answer. Absent without a TTY. */
export interface Asker {
  /**
   * `problem` says why an answer cannot be taken (shown, and asked again), or undefined;
   * `reason` why the name is asked again (it was refused for the framework chosen after it).
   */
  projectName(initial: string, problem: (answer: string) => string | undefined, reason?: string): Promise<string>;
  framework(frameworks: readonly FrameworkDefinition[]): Promise<FrameworkDefinition>;
  option(option: FrameworkOption, framework: FrameworkDefinition): Promise<string | boolean>;
}

export const DEFAULT_PROJECT_NAME = 'my-backend';

export interface ResolveContext {
  frameworks: readonly FrameworkDefinition[];
  cwd: string;
  userAgent?: string | undefined;
  asker?: Asker | undefined;
}

/** npm/pnpm/yarn/bun from `npm_config_user_agent` (e.g. "pnpm/9.1.0 npm/? node/v20…"). */
export function packageManagerFromUserAgent(userAgent: string | undefined): PackageManager {
  const name = userAgent?.split(' ')[0]?.split('/')[0];
  return name === 'pnpm' || name === 'yarn' || name === 'bun' ? name : 'npm';
}

function missing(flag: string, example: string): UserError {
  return new UserError(`Missing ${flag} (e.g. ${example}); pass it, or --yes to take the defaults.`);
}

export function optionFlagHelp(option: FrameworkOption): string {
  return option.kind === 'choice'
    ? `--${option.name} ${option.choices.map((c) => c.value).join('|')}`
    : `--${option.name} / --no-${option.name}`;
}

function checkOptionValue(
  option: FrameworkOption,
  value: string | boolean,
  framework: FrameworkDefinition,
): string | boolean {
  if (option.kind === 'choice') {
    const allowed = option.choices.map((choice) => choice.value);
    if (typeof value !== 'string' || !allowed.includes(value)) {
      throw new UserError(
        `Invalid value ${quote(String(value))} for --${option.name}: ${framework.label} accepts ${allowed.join(', ')}.`,
      );
    }
    return value;
  }
  if (typeof value !== 'boolean')
    throw new UserError(`Option --${option.name} is a switch: use --${option.name} or --no-${option.name}.`);
  return value;
}

function findFramework(frameworks: readonly FrameworkDefinition[], id: string): FrameworkDefinition {
  const framework = frameworks.find((candidate) => candidate.id === id);
  if (!framework)
    throw new UserError(
      `Unknown framework ${quote(id)}: choose one of ${frameworks.map((candidate) => candidate.id).join(', ')}.`,
    );
  return framework;
}

/** The folder for `directory`, usable as a project folder: valid name, and empty unless --force. */
function usableTarget(
  directory: string,
  cwd: string,
  force: boolean,
  framework?: FrameworkDefinition,
): Target & { state: TargetState } {
  const target = resolveTarget(directory, cwd, framework);
  return { ...target, state: checkTarget(target.targetDir, force, target.displayDir) };
}

/** Why `directory` cannot be taken, as the name question shows it; undefined when it can. */
function targetProblem(
  directory: string,
  cwd: string,
  force: boolean,
  framework?: FrameworkDefinition,
): string | undefined {
  try {
    usableTarget(directory.trim(), cwd, force, framework);
    return undefined;
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
}

export async function resolveSpec(args: ParsedArgs, context: ResolveContext): Promise<ProjectSpec> {
  const { frameworks, asker, cwd } = context;
  const ask = asker && !args.yes ? asker : undefined;
  let framework = args.framework === undefined ? undefined : findFramework(frameworks, args.framework);

  const askName = async (initial: string, forFramework?: FrameworkDefinition, reason?: string): Promise<string> =>
    (await ask!.projectName(initial, (answer) => targetProblem(answer, cwd, args.force, forFramework), reason)).trim();
  let directory = args.directory;
  if (directory === undefined) {
    if (ask) directory = await askName(DEFAULT_PROJECT_NAME, framework);
    else if (args.yes) directory = DEFAULT_PROJECT_NAME;
    else
      throw new UserError(
        'Missing project directory (e.g. create-backend my-app); pass it, or --yes for the default name.',
      );
  }
  let target = usableTarget(directory, cwd, args.force, framework);

  if (!framework) {
    if (ask) framework = await ask.framework(frameworks);
    else if (args.yes) framework = frameworks[0]!;
    else throw missing('--framework', `--framework ${frameworks[0]!.id}`);
    // the name was checked before the framework was known: now against its reserved names too
    try {
      target = usableTarget(target.displayDir, cwd, args.force, framework);
    } catch (error) {
      if (!(ask && args.directory === undefined && error instanceof UserError)) throw error;
      target = usableTarget(await askName(target.displayDir, framework, error.message), cwd, args.force, framework);
    }
  }

  for (const flag of Object.keys(args.options)) {
    if (!framework.options.some((option) => option.name === flag)) {
      const known = framework.options.map((option) => `--${option.name}`).join(', ') || 'none';
      throw new UserError(`Option --${flag} does not apply to ${framework.label} (its options: ${known}).`);
    }
  }
  const options: Record<string, string | boolean> = {};
  for (const option of framework.options) {
    const given = args.options[option.name];
    if (given !== undefined) options[option.name] = checkOptionValue(option, given, framework);
    else if (args.yes) options[option.name] = option.default;
    else if (asker) options[option.name] = checkOptionValue(option, await asker.option(option, framework), framework);
    else throw missing(`--${option.name}`, optionFlagHelp(option));
  }

  const description = args.description ?? defaultDescription(framework);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(description)) {
    throw new UserError('Invalid --description: it must be one line without control characters.');
  }
  const { state, ...where } = target;
  const spec: ProjectSpec = {
    ...where,
    targetState: state,
    framework,
    options: Object.freeze(options),
    install: args.install,
    git: args.git,
    force: args.force,
    dryRun: args.dryRun,
    packageManager: packageManagerFromUserAgent(context.userAgent),
    data: buildTemplateData(target.name, framework, options, description),
  };
  return Object.freeze(spec);
}
