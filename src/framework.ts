// The shape of one framework's definition. Each `generators/<id>/index.ts` exports one;
// the CLI questions, `--list`, the generator, the smoke tests and the README table all
// read these objects and nothing else. The engine knows no framework by name: ids,
// options, secrets and reserved names all come from the definitions.

/** The id of a registered definition, derived from the list in generators/index.ts. */
export type { FrameworkId } from '../generators/index.js';

/** A question with a fixed set of answers: `--<flag> <value>`. */
export interface ChoiceOption {
  kind: 'choice';
  /** Key in `spec.options` and in the template data (`options.<name>`). */
  name: string;
  /** Question shown in interactive mode. */
  message: string;
  choices: ReadonlyArray<{
    value: string;
    label: string;
    hint?: string;
    /**
     * Servers a project with this value needs to run its tests (e.g. `--db postgres`).
     * The smoke harness provides each and passes its URL (DATABASE_URL, REDIS_URL).
     */
    services?: readonly ServiceName[];
  }>;
  default: string;
}

export type ServiceName = 'postgres' | 'redis';

/** An on/off switch: `--<flag>` / `--no-<flag>`. */
export interface ToggleOption {
  kind: 'toggle';
  name: string;
  message: string;
  default: boolean;
}

export type FrameworkOption = ChoiceOption | ToggleOption;
export type OptionValues = Readonly<Record<string, string | boolean>>;

/**
 * A command run inside the generated project. `argv[0]` is the program. Placeholders:
 * `{pm}` the Node package manager, `{port}` a TCP port, `{python}` the Python found on
 * PATH (`python3` usually). Commands are shown to the user joined with spaces.
 */
export interface Command {
  argv: readonly string[];
  /** Extra environment variables for this command. */
  env?: Readonly<Record<string, string>>;
  /**
   * A faster equivalent used when its program is on PATH (e.g. `uv pip install` for
   * `pip install`); the standard `argv` otherwise.
   */
  faster?: { argv: readonly string[] };
}

export interface Toolchain {
  /** Human name, e.g. "Python 3.10+". */
  name: string;
  /** Command whose success proves the toolchain is there, e.g. ['python3', '--version']. */
  check: readonly string[];
}

/** A plop action; `renderTree` is ours (see src/render.ts), the rest are plop's own. */
export interface RenderTreeAction {
  type: 'renderTree';
  /** Folder under `templates/`, e.g. "flask" or "flask/_overlays/cache". */
  templates: string;
  /** Skip this action when it returns a reason (plop's `skip` contract). */
  skip?: (data: TemplateData) => string | false | undefined;
}
export type GeneratorAction = RenderTreeAction;

/** One random secret of a project: `bytes` from the CSPRNG, encoded, after `prefix`. */
export interface SecretSpec {
  bytes: number;
  encoding: 'hex' | 'base64' | 'base64url';
  /** e.g. Laravel's `base64:` before APP_KEY. */
  prefix?: string;
}

export interface FrameworkDefinition {
  /** Also the name of its template folder (`templates/<id>/`) and smoke checks (`test/smoke/<id>.checks.ts`). */
  id: string;
  label: string;
  /** One line for the framework list. */
  summary: string;
  /** The language of the generated code, as the list shows it, e.g. "TypeScript", "Python". */
  language: string;
  options: readonly FrameworkOption[];
  /** Project names this starter cannot take, with what each would shadow. */
  reservedNames?: Readonly<Record<string, string>>;
  /**
   * Fresh random values each project gets (`{{secrets.<name>}}` in templates), written
   * only to its git-ignored `.env`. A project gets its own framework's secrets only.
   */
  secrets?: Readonly<Record<string, SecretSpec>>;
  toolchain: readonly Toolchain[];
  commands: {
    /** Install dependencies (post step, and shown in next steps). */
    install: readonly Command[];
    /** Run the project's own test suite. */
    test: readonly Command[];
    /** The project's own linters (run by the smoke harness after the tests; may be empty). */
    lint: readonly Command[];
    /** Prepare a fresh checkout before first start (migrations…); may be empty. */
    setup: readonly Command[];
    /** Start the server on `{port}`; also gets PORT in its environment. */
    start: Command;
    /** Path that answers 200 once the server is up. */
    readyPath: string;
    /** The framework's usual development port, shown in the next steps and the README. */
    defaultPort: number;
  };
  /**
   * How the smoke harness installs on CI's offline machine when it differs from
   * `commands.install` (e.g. Debian's gems for Rails, Debian's Laravel for PHP).
   * `{harness}` is the absolute path of `test/smoke`.
   */
  smokeInstall?: readonly Command[];
  /** Plop actions that write the project, in order. */
  actions: (data: TemplateData) => readonly GeneratorAction[];
}

/** Everything a template can read. Built once from the ProjectSpec (src/spec.ts). */
export interface TemplateData {
  /** Project name as typed, e.g. "my-app". */
  name: string;
  /** npm package name, e.g. "my-app". */
  packageName: string;
  /** Python package / module name, e.g. "my_app". */
  pythonPackage: string;
  /** Ruby module / PHP class constant, e.g. "MyApp". */
  moduleName: string;
  /** Human title, e.g. "My App". */
  title: string;
  /** Free-text description; escape with a helper for the file type it lands in. */
  description: string;
  framework: string;
  options: OptionValues;
  /** The values of the definition's `secrets`, fresh for this project. */
  secrets: Readonly<Record<string, string>>;
  /** Year of generation, for licences and copyright lines. */
  year: number;
  /** create-backend's version, for "generated by" lines. */
  generatorVersion: string;
}

/** The `compose.yaml` service that runs each server (every starter's compose file uses these names). */
export const COMPOSE_SERVICES: Readonly<Record<ServiceName, { service: string; label: string }>> = {
  postgres: { service: 'db', label: 'PostgreSQL' },
  redis: { service: 'redis', label: 'Redis' },
};

/** The servers a project with these option values needs (from its choices' `services`). */
export function servicesFor(framework: FrameworkDefinition, options: OptionValues): ServiceName[] {
  const needed = new Set<ServiceName>();
  for (const option of framework.options) {
    if (option.kind !== 'choice') continue;
    const choice = option.choices.find((candidate) => candidate.value === options[option.name]);
    for (const service of choice?.services ?? []) needed.add(service);
  }
  return [...needed].sort();
}
