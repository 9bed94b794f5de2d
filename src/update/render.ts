// Renders a recorded project again, in memory, with this build's templates: the same
// answers, the same year, and placeholders for the secrets — so two builds render the same
// project identically wherever their templates agree, and a file that holds a secret is
// recognisable (and left alone by the merge).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameworkDefinition, TemplateData } from '../framework.js';
import { planProject } from '../plan.js';
import type { PlannedFile } from '../render.js';
import { resolveSpec } from '../spec.js';
import { quote, UserError } from '../errors.js';
import { RECORD_PATH, type ProjectRecord } from './record.js';

/** Every secret renders as `<prefix><name>__`; a file containing the prefix holds a secret. */
export const SECRET_PLACEHOLDER_PREFIX = '__CREATE_BACKEND_SECRET_';

/** A placeholder for each secret the framework's definition declares. */
export function placeholderSecrets(framework: FrameworkDefinition): Record<string, string> {
  return Object.fromEntries(
    Object.keys(framework.secrets ?? {}).map((name) => [name, `${SECRET_PLACEHOLDER_PREFIX}${name}__`]),
  );
}

export interface ResolvedAnswers {
  framework: FrameworkDefinition;
  record: ProjectRecord;
  data: TemplateData;
  /** Recorded options this build does not know (left out), and options it added (defaults). */
  dropped: string[];
  defaulted: string[];
}

/**
 * The record's answers, checked against this build's definitions, with `changes` (from
 * `update --<option> <value>`) applied. Options this build no longer has are dropped,
 * options it added take their default; a recorded value it no longer offers is an error.
 */
export async function resolveAnswers(
  record: ProjectRecord,
  frameworks: readonly FrameworkDefinition[],
  version: string,
  changes: { options?: Record<string, string | boolean>; description?: string | undefined } = {},
): Promise<ResolvedAnswers> {
  const framework = frameworks.find((candidate) => candidate.id === record.framework);
  if (!framework)
    throw new UserError(
      `This create-backend has no ${quote(record.framework)} starter (the project's ${RECORD_PATH} names it).`,
    );
  const known = new Set(framework.options.map((option) => option.name));
  const dropped = Object.keys(record.options).filter((name) => !known.has(name));
  const defaulted = framework.options
    .map((option) => option.name)
    .filter((name) => !(name in record.options) && !(name in (changes.options ?? {})));
  const options = Object.fromEntries(
    Object.entries({ ...record.options, ...changes.options }).filter(([name]) => known.has(name)),
  );
  const description = changes.description ?? record.description;
  const spec = await resolveSpec(
    {
      directory: record.name,
      framework: framework.id,
      description,
      options,
      yes: true,
      install: false,
      git: false,
      force: false,
      dryRun: true,
      list: false,
      json: false,
      help: false,
      version: false,
    },
    // the name is checked, never used as a path: below a folder that does not exist, the
    // target is "missing" whatever the machine holds
    { frameworks, cwd: join(tmpdir(), `create-backend-no-such-folder-${globalThis.crypto.randomUUID()}`) },
  );
  const data: TemplateData = Object.freeze({
    ...spec.data,
    secrets: Object.freeze(placeholderSecrets(framework)),
    year: record.year,
    generatorVersion: version,
  });
  // the digest is of this rendering: the caller computes it
  const { digest: _recorded, ...kept } = record;
  const resolved: ProjectRecord = { ...kept, version, options: { ...spec.options }, description };
  return { framework, record: resolved, data, dropped, defaulted };
}

/** The project as this build renders it from the answers (without the record file). */
export async function renderAnswers(answers: ResolvedAnswers): Promise<PlannedFile[]> {
  return (await planProject(answers.framework, answers.data)).filter((file) => file.path !== RECORD_PATH);
}
