// What every starter's `add resource` smoke run shares (issue 18): the two resources the
// acceptance names, adding them with the built CLI (and the refused second `book`), and
// small assertions. Each starter's own HTTP checks of the resources live in
// test/smoke/<id>.add-checks.ts, which default-exports its SmokeChecks with them added;
// add.smoke.test.ts runs one per starter in RESOURCE_GENERATORS.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import type { HttpResponse } from './http.js';
import { CLI, runStep, type SmokeRun } from './run.js';
import type { AttackChecks, SmokeChecks, SmokeContext } from './types.js';

export interface SmokeResource {
  /** singular snake_case, as given to `add resource` */
  name: string;
  /** PascalCase, as the OpenAPI schemas name it */
  pascal: string;
  /** the --fields list */
  fields: string;
  /** a valid body for a create */
  sample: Record<string, unknown>;
  /** a valid partial update */
  change: Record<string, unknown>;
}

export const BOOK: SmokeResource = {
  name: 'book',
  pascal: 'Book',
  fields: 'title:string,pages:integer,published:boolean',
  sample: { title: 'Dune', pages: 412, published: true },
  change: { pages: 896 },
};
export const AUTHOR: SmokeResource = {
  name: 'author',
  pascal: 'Author',
  fields: 'name:string',
  sample: { name: 'Frank Herbert' },
  change: { name: 'F. Herbert' },
};
export const RESOURCES: readonly SmokeResource[] = [BOOK, AUTHOR];

/** Adds both resources, then checks that adding `book` again is refused with one line, nothing changed. */
export async function addResources({ projectDir, log }: SmokeRun): Promise<void> {
  for (const resource of RESOURCES) {
    await runStep(
      `add resource ${resource.name}`,
      ['node', CLI, 'add', 'resource', resource.name, '--fields', resource.fields],
      projectDir,
      process.env,
      log,
    );
  }
  const before = await snapshot(projectDir);
  const again = await execa('node', [CLI, 'add', 'resource', 'book', '--fields', BOOK.fields], {
    cwd: projectDir,
    reject: false,
  });
  assert.equal(again.exitCode, 1, 'adding book again fails');
  assert.match(again.stderr.trim(), /The resource "book" exists already .*Nothing was written\.$/, 'one line says why');
  assert.equal(again.stderr.trim().split('\n').length, 1, 'in one line');
  assert.deepEqual(await snapshot(projectDir), before, 'the refused add changed nothing');
  log('add resource book a second time: refused, nothing changed');
}

/** Every file of the project (installed dependencies aside) with a hash of its content. */
async function snapshot(projectDir: string): Promise<Record<string, string>> {
  const skip = new Set(['node_modules', '.venv', 'vendor', '.git', 'tmp', 'log', '__pycache__']);
  const files: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (skip.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile())
        files[path] = createHash('sha1')
          .update(await readFile(path))
          .digest('hex');
    }
  };
  await walk(projectDir);
  return files;
}

export function expectStatus(response: HttpResponse, status: number, what: string): void {
  assert.equal(response.status, status, `${what}: status ${response.status}, body ${response.text.slice(0, 300)}`);
}

/** The value of KEY in the generated project's .env (e.g. API_TOKEN). */
export async function envValue({ projectDir }: SmokeContext, key: string): Promise<string> {
  const value = new RegExp(`^${key}="?([^"\\n]+)"?$`, 'm').exec(await readFile(join(projectDir, '.env'), 'utf8'))?.[1];
  assert.ok(value, `.env holds ${key}`);
  return value;
}

/**
 * A starter's SmokeChecks with the resources' own checks run after the starter's, in
 * development and then in production; `attack` replaces the starter's own attack check
 * where the resources change what it may assume.
 */
export function withResourceChecks(
  base: SmokeChecks,
  checkResources: (context: SmokeContext, mode: 'development' | 'production') => Promise<void>,
  attack?: AttackChecks['check'],
): SmokeChecks {
  return {
    ...base,
    async check(context) {
      await base.check(context);
      await checkResources(context, 'development');
    },
    production: {
      ...base.production,
      async check(context) {
        await base.production.check(context);
        await checkResources(context, 'production');
      },
      attack: attack ? { ...base.production.attack, check: attack } : base.production.attack,
    },
  };
}
