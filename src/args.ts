// argv → ParsedArgs. Pure: knows the global flags and, from the framework definitions,
// which framework option flags exist and whether each is a switch or takes a value.
import { quote, UserError } from './errors.js';
import type { FrameworkDefinition } from './framework.js';

export interface ParsedArgs {
  directory?: string;
  framework?: string;
  description?: string;
  /** Framework option flags as given, by option name; validated against the framework later. */
  options: Record<string, string | boolean>;
  yes: boolean;
  /** `--interactive` / `--no-interactive`; unset: ask when in a terminal and CI is not set. */
  interactive?: boolean;
  install: boolean;
  git: boolean;
  force: boolean;
  dryRun: boolean;
  list: boolean;
  json: boolean;
  help: boolean;
  version: boolean;
}

type GlobalFlag = { key: keyof ParsedArgs; takesValue: boolean; negatable?: boolean };

const GLOBAL_FLAGS: Readonly<Record<string, GlobalFlag>> = {
  framework: { key: 'framework', takesValue: true },
  description: { key: 'description', takesValue: true },
  yes: { key: 'yes', takesValue: false },
  interactive: { key: 'interactive', takesValue: false, negatable: true },
  install: { key: 'install', takesValue: false, negatable: true },
  git: { key: 'git', takesValue: false, negatable: true },
  force: { key: 'force', takesValue: false },
  'dry-run': { key: 'dryRun', takesValue: false },
  list: { key: 'list', takesValue: false },
  json: { key: 'json', takesValue: false },
  help: { key: 'help', takesValue: false },
  version: { key: 'version', takesValue: false },
};

const SHORT_FLAGS: Readonly<Record<string, string>> = { f: 'framework', y: 'yes', h: 'help', v: 'version' };

/** `--<name>` of every framework option, and whether it takes a value (choice) or not (toggle). */
export function optionFlagKinds(frameworks: readonly FrameworkDefinition[]): Map<string, 'choice' | 'toggle'> {
  const kinds = new Map<string, 'choice' | 'toggle'>();
  for (const framework of frameworks) {
    for (const option of framework.options) {
      const known = kinds.get(option.name);
      if (known && known !== option.kind) {
        throw new Error(
          `Option --${option.name} is a ${known} in one framework and a ${option.kind} in ${framework.id}`,
        );
      }
      kinds.set(option.name, option.kind);
    }
  }
  return kinds;
}

export function parseArgs(argv: readonly string[], frameworks: readonly FrameworkDefinition[]): ParsedArgs {
  const optionKinds = optionFlagKinds(frameworks);
  const parsed: ParsedArgs = {
    options: {},
    yes: false,
    install: true,
    git: true,
    force: false,
    dryRun: false,
    list: false,
    json: false,
    help: false,
    version: false,
  };
  const positionals: string[] = [];
  const setGlobal = (key: keyof ParsedArgs, value: string | boolean): void => {
    (parsed as unknown as Record<string, unknown>)[key] = value;
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    let name: string;
    let inlineValue: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inlineValue = eq === -1 ? undefined : arg.slice(eq + 1);
    } else {
      const short = SHORT_FLAGS[arg.slice(1)];
      if (!short) throw new UserError(`Unknown option ${quote(arg)}. Run create-backend --help to see the options.`);
      name = short;
    }
    const takeValue = (flag: string): string => {
      if (inlineValue !== undefined) return inlineValue;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('-')) throw new UserError(`Option --${flag} needs a value.`);
      i++;
      return next;
    };
    const noValue = (flag: string): void => {
      if (inlineValue !== undefined) throw new UserError(`Option --${flag} takes no value.`);
    };

    const negated = name.startsWith('no-') ? name.slice(3) : undefined;
    const global = GLOBAL_FLAGS[name];
    if (global) {
      if (global.takesValue) setGlobal(global.key, takeValue(name));
      else {
        noValue(name);
        setGlobal(global.key, true);
      }
      continue;
    }
    if (negated && GLOBAL_FLAGS[negated]?.negatable) {
      noValue(name);
      setGlobal(GLOBAL_FLAGS[negated]!.key, false);
      continue;
    }
    const kind = optionKinds.get(name);
    if (kind === 'choice') {
      parsed.options[name] = takeValue(name);
      continue;
    }
    if (kind === 'toggle') {
      noValue(name);
      parsed.options[name] = true;
      continue;
    }
    if (negated && optionKinds.get(negated) === 'toggle') {
      noValue(name);
      parsed.options[negated] = false;
      continue;
    }
    if (negated && optionKinds.get(negated) === 'choice') {
      // `--no-cache` is `--cache none`; the framework check rejects it where "none" is no choice
      noValue(name);
      parsed.options[negated] = 'none';
      continue;
    }
    throw new UserError(`Unknown option ${quote(`--${name}`)}. Run create-backend --help to see the options.`);
  }

  if (positionals.length > 1) {
    throw new UserError(`Expected one project directory, got ${positionals.length}: ${positionals.join(' ')}.`);
  }
  if (positionals[0] !== undefined) parsed.directory = positionals[0];
  return parsed;
}
