// Pieces several framework definitions share, so each starter's options read the same
// and the same flag means the same thing everywhere (`--db postgres`, `--cache redis`).
import type { ChoiceOption, Command, FrameworkId, OptionValues, RenderTreeAction } from '../src/framework.js';

/**
 * Adds `templates/<framework>/_overlays/<name>/` when `isOn(options)`; otherwise the
 * action is skipped with `whyOff` as plop's reason.
 */
export function overlay(framework: FrameworkId, name: string, isOn: (options: OptionValues) => boolean, whyOff: string): RenderTreeAction {
  return { type: 'renderTree', templates: `${framework}/_overlays/${name}`, skip: (data) => (isOn(data.options) ? false : whyOff) };
}

/** `--db sqlite|postgres`: SQLite by default, PostgreSQL through DATABASE_URL. */
export function databaseOption(message: string, hints: { sqlite?: string; postgres: string }): ChoiceOption {
  return {
    kind: 'choice',
    name: 'db',
    message,
    choices: [
      { value: 'sqlite', label: 'SQLite', hint: hints.sqlite ?? 'a file, nothing to run' },
      { value: 'postgres', label: 'PostgreSQL', hint: hints.postgres, services: ['postgres'] },
    ],
    default: 'sqlite',
  };
}

/**
 * `--cache memory|redis` (plus any extra choices, e.g. `none`): the local store by default
 * (in process; `memoryLabel` names it where it is e.g. files), Redis through REDIS_URL.
 */
export function cacheOption(
  message: string,
  hints: { memory: string; redis: string; memoryLabel?: string },
  extra: ChoiceOption['choices'] = [],
): ChoiceOption {
  return {
    kind: 'choice',
    name: 'cache',
    message,
    choices: [
      { value: 'memory', label: hints.memoryLabel ?? 'In memory', hint: hints.memory },
      { value: 'redis', label: 'Redis', hint: hints.redis, services: ['redis'] },
      ...extra,
    ],
    default: 'memory',
  };
}

/** A virtualenv in `.venv` and pip install of the given requirement files; uv when present. */
export function pythonInstall(requirementFiles: readonly string[]): Command[] {
  const requirements = requirementFiles.flatMap((file) => ['-r', file]);
  return [
    { argv: ['{python}', '-m', 'venv', '.venv'], faster: { argv: ['uv', 'venv', '--quiet', '.venv'] } },
    {
      argv: ['.venv/bin/pip', 'install', ...requirements],
      faster: { argv: ['uv', 'pip', 'install', '--python', '.venv/bin/python', ...requirements] },
    },
  ];
}
