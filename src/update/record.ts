// `.create-backend.json`: what a generated project remembers about its own generation —
// the tool's version, the framework and every answer (never a secret) — so that
// `create-backend update` can render the same project again, with the version that made
// it (the merge base) and with the running one. Kept light: `--list --json` imports it.
import { quote, UserError } from '../errors.js';
import type { FrameworkDefinition, TemplateData } from '../framework.js';
import type { PlannedFile } from '../render.js';

export const RECORD_PATH = '.create-backend.json';

/** Bumped only if the shape changes incompatibly; every later build reads every earlier format. */
export const RECORD_FORMAT = 1;

export interface ProjectRecord {
  /** Shape of this file (RECORD_FORMAT). */
  format: number;
  generator: 'create-backend';
  /** The create-backend version that generated (or last updated) the project. */
  version: string;
  framework: string;
  /** The project name as given (the folder name at generation). */
  name: string;
  description: string;
  /** Every framework option's answer, defaults included. */
  options: Record<string, string | boolean>;
  /** The year the project was generated in (templates may print it). */
  year: number;
  /**
   * `files-sha256:<hex>` of the files as generated, files holding a secret left out
   * (`treeDigest`): tells update whether a build renders exactly what made the project.
   * Absent in records of the first builds that recorded; one of another form is not checked.
   */
  digest?: string;
}

export function recordOf(data: TemplateData, digest?: string): ProjectRecord {
  return {
    format: RECORD_FORMAT,
    generator: 'create-backend',
    version: data.generatorVersion,
    framework: data.framework,
    name: data.name,
    description: data.description,
    options: { ...data.options },
    year: data.year,
    ...(digest ? { digest } : {}),
  };
}

export function recordText(record: ProjectRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** The form of digest this build writes and checks. */
export const DIGEST_PREFIX = 'files-sha256:';

/**
 * One digest of a project's files (path, executable or not, contents, in path order),
 * leaving out the record itself and every file `holdsSecret` picks. node:crypto is
 * loaded only here.
 */
export async function treeDigest(
  files: Iterable<{ path: string; contents: Buffer | string; mode: number }>,
  holdsSecret: (contents: Buffer) => boolean,
): Promise<string> {
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha256');
  const sorted = [...files]
    .filter((file) => file.path !== RECORD_PATH)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of sorted) {
    const contents = Buffer.from(file.contents);
    if (holdsSecret(contents)) continue;
    hash.update(`${file.path}\0${file.mode & 0o111 ? 'x' : '-'}\0${contents.length}\0`).update(contents);
  }
  return `${DIGEST_PREFIX}${hash.digest('hex')}`;
}

/** The planned files plus the record (with the digest of the others). */
export async function withRecord(files: readonly PlannedFile[], data: TemplateData): Promise<PlannedFile[]> {
  const others = files.filter((file) => file.path !== RECORD_PATH);
  const secrets = Object.values(data.secrets);
  const digest = await treeDigest(others, (contents) => secrets.some((secret) => contents.includes(secret)));
  const record: PlannedFile = {
    path: RECORD_PATH,
    contents: recordText(recordOf(data, digest)),
    mode: 0o644,
    source: '(the answers)',
  };
  return [...others, record].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** What `--list --json` shows for a framework: where the record lives and an example of it. */
export function recordDescription(
  framework: FrameworkDefinition,
  version: string,
): { path: string; example: ProjectRecord } {
  return {
    path: RECORD_PATH,
    example: {
      format: RECORD_FORMAT,
      generator: 'create-backend',
      version,
      framework: framework.id,
      name: 'my-backend',
      description: `A ${framework.label} backend.`,
      options: Object.fromEntries(framework.options.map((option) => [option.name, option.default])),
      year: 2026,
      digest: `${DIGEST_PREFIX}${'0'.repeat(64)}`,
    },
  };
}

/** Reads and checks a record's text; `where` names the file in errors. */
export function parseRecord(text: string, where: string): ProjectRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${where} is not valid JSON (${(error as Error).message}).`);
  }
  const bad = (what: string) => new UserError(`${where} is not a create-backend record: ${what}.`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('not a JSON object');
  const record = value as Record<string, unknown>;
  if (record.generator !== 'create-backend') throw bad(`"generator" is ${quote(String(record.generator))}`);
  if (typeof record.format !== 'number' || record.format > RECORD_FORMAT) {
    throw new UserError(
      `${where} has format ${String(record.format)}; this create-backend reads format ${RECORD_FORMAT}. Update create-backend first.`,
    );
  }
  for (const key of ['version', 'framework', 'name', 'description'] as const) {
    if (typeof record[key] !== 'string') throw bad(`"${key}" is missing or not a string`);
  }
  if (typeof record.year !== 'number' || !Number.isInteger(record.year))
    throw bad('"year" is missing or not a whole number');
  const options = record.options;
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw bad('"options" is not an object');
  for (const [name, answer] of Object.entries(options)) {
    if (typeof answer !== 'string' && typeof answer !== 'boolean')
      throw bad(`option "${name}" is neither text nor true/false`);
  }
  if (record.digest !== undefined && typeof record.digest !== 'string') throw bad('"digest" is not a string');
  return {
    format: record.format,
    generator: 'create-backend',
    version: record.version as string,
    framework: record.framework as string,
    name: record.name as string,
    description: record.description as string,
    options: { ...(options as Record<string, string | boolean>) },
    year: record.year,
    ...(record.digest !== undefined ? { digest: record.digest } : {}),
  };
}
