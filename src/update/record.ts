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
}

export function recordOf(data: TemplateData): ProjectRecord {
  return {
    format: RECORD_FORMAT,
    generator: 'create-backend',
    version: data.generatorVersion,
    framework: data.framework,
    name: data.name,
    description: data.description,
    options: { ...data.options },
    year: data.year,
  };
}

export function recordText(record: ProjectRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** The record as one more planned file of the project. */
export function recordFile(data: TemplateData): PlannedFile {
  return { path: RECORD_PATH, contents: recordText(recordOf(data)), mode: 0o644, source: '(the answers)' };
}

/** The planned files plus the record (a plan never contains it already). */
export function withRecord(files: readonly PlannedFile[], data: TemplateData): PlannedFile[] {
  return [...files.filter((file) => file.path !== RECORD_PATH), recordFile(data)].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** What `--list --json` shows for a framework: where the record lives and an example of it. */
export function recordDescription(framework: FrameworkDefinition, version: string): { path: string; example: ProjectRecord } {
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
    throw new UserError(`${where} has format ${String(record.format)}; this create-backend reads format ${RECORD_FORMAT}. Update create-backend first.`);
  }
  for (const key of ['version', 'framework', 'name', 'description'] as const) {
    if (typeof record[key] !== 'string') throw bad(`"${key}" is missing or not a string`);
  }
  if (typeof record.year !== 'number' || !Number.isInteger(record.year)) throw bad('"year" is missing or not a whole number');
  const options = record.options;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw bad('"options" is not an object');
  for (const [name, answer] of Object.entries(options)) {
    if (typeof answer !== 'string' && typeof answer !== 'boolean') throw bad(`option "${name}" is neither text nor true/false`);
  }
  return {
    format: record.format,
    generator: 'create-backend',
    version: record.version as string,
    framework: record.framework as string,
    name: record.name as string,
    description: record.description as string,
    options: { ...(options as Record<string, string | boolean>) },
    year: record.year,
  };
}
