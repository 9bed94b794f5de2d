// Parsed flags + answers → one validated, frozen ProjectSpec. Everything downstream
// (planning, writing, post steps, next steps) reads only the spec.
import { basename, isAbsolute, resolve } from 'node:path';
import type { ParsedArgs } from './args.js';
import { quote, UserError } from './errors.js';
import type { FrameworkDefinition, FrameworkOption, OptionValues, TemplateData } from './framework.js';
import { projectNameProblem } from './names.js';
import { buildTemplateData, defaultDescription } from './template-data.js';

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

export interface ProjectSpec {
  name: string;
  /** Absolute path of the project folder. */
  targetDir: string;
  /** The directory argument as the user typed it (for `cd` in next steps). */
  displayDir: string;
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
  projectName(initial: string): Promise<string>;
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

/** The project folder: a plain name below cwd, or an absolute path (kept as it is). */
export function resolveTarget(directory: string, cwd: string): { name: string; targetDir: string } {
  const trimmed = directory.replace(/[\\/]+$/, '') || directory;
  if (isAbsolute(trimmed) && trimmed.length > 1) {
    const name = basename(trimmed);
    const problem = projectNameProblem(name);
    if (problem) throw new UserError(`Invalid project name ${quote(name)}: ${problem}.`);
    return { name, targetDir: resolve(trimmed) };
  }
  const problem = projectNameProblem(directory);
  if (problem) throw new UserError(`Invalid project name ${quote(directory)}: ${problem}.`);
  return { name: directory, targetDir: resolve(cwd, directory) };
}

function missing(flag: string, example: string): UserError {
  return new UserError(`Missing ${flag} (e.g. ${example}); pass it, or --yes to take the defaults.`);
}

export function optionFlagHelp(option: FrameworkOption): string {
  return option.kind === 'choice' ? `--${option.name} ${option.choices.map((c) => c.value).join('|')}` : `--${option.name} / --no-${option.name}`;
}

function checkOptionValue(option: FrameworkOption, value: string | boolean, framework: FrameworkDefinition): string | boolean {
  if (option.kind === 'choice') {
    const allowed = option.choices.map((choice) => choice.value);
    if (typeof value !== 'string' || !allowed.includes(value)) {
      throw new UserError(`Invalid value ${quote(String(value))} for --${option.name}: ${framework.label} accepts ${allowed.join(', ')}.`);
    }
    return value;
  }
  if (typeof value !== 'boolean') throw new UserError(`Option --${option.name} is a switch: use --${option.name} or --no-${option.name}.`);
  return value;
}

export async function resolveSpec(args: ParsedArgs, context: ResolveContext): Promise<ProjectSpec> {
  const { frameworks, asker } = context;

  let directory = args.directory;
  if (directory === undefined) {
    if (asker && !args.yes) directory = await asker.projectName(DEFAULT_PROJECT_NAME);
    else if (args.yes) directory = DEFAULT_PROJECT_NAME;
    else throw new UserError('Missing project directory (e.g. create-backend my-app); pass it, or --yes for the default name.');
  }
  const { name, targetDir } = resolveTarget(directory, context.cwd);

  let framework: FrameworkDefinition | undefined;
  if (args.framework !== undefined) {
    framework = frameworks.find((candidate) => candidate.id === args.framework);
    const ids = frameworks.map((candidate) => candidate.id).join(', ');
    if (!framework) throw new UserError(`Unknown framework ${quote(args.framework)}: choose one of ${ids}.`);
    if (!framework.available) {
      throw new UserError(`The ${framework.label} starter is not available yet; available: ${availableIds(frameworks)}.`);
    }
  } else if (asker && !args.yes) {
    framework = await asker.framework(frameworks);
  } else if (args.yes) {
    framework = frameworks.find((candidate) => candidate.available)!;
  } else {
    throw missing('--framework', `--framework ${availableIds(frameworks).split(', ')[0]}`);
  }

  const frameworkProblem = projectNameProblem(name, framework.reservedNames);
  if (frameworkProblem) throw new UserError(`Invalid project name ${quote(name)} for ${framework.label}: ${frameworkProblem}.`);

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
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(description)) {
    throw new UserError('Invalid --description: it must be one line without control characters.');
  }
  const spec: ProjectSpec = {
    name,
    targetDir,
    displayDir: directory,
    framework,
    options: Object.freeze(options),
    install: args.install,
    git: args.git,
    force: args.force,
    dryRun: args.dryRun,
    packageManager: packageManagerFromUserAgent(context.userAgent),
    data: buildTemplateData(name, framework, options, description),
  };
  return Object.freeze(spec);
}

export function availableIds(frameworks: readonly FrameworkDefinition[]): string {
  return frameworks
    .filter((framework) => framework.available)
    .map((framework) => framework.id)
    .join(', ');
}
