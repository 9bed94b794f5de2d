// `create-backend add resource` end to end (issue 18): generate a project, add `book` and
// then `author` with the built CLI on the host, then the whole smoke run of the starter —
// install, the project's own tests (the generated ones included) and linters, boot in
// development and production, the starter's own checks, and over HTTP: each resource
// created, listed (from the response cache until a write), updated and deleted with the
// credentials writes need, refused without them, and in the served OpenAPI document
// (which the attack stage then fuzzes, the new operations included).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, it } from 'vitest';
import { findFramework } from '../../generators/index.js';
import { defaultStack, describeStack } from './current-root.js';
import expressChecks from './express.checks.js';
import type { HttpResponse } from './http.js';
import { CLI, runStep, smokeTest, type SmokeRun } from './run.js';
import { smokeScenarios } from './scenarios.js';
import type { SmokeChecks, SmokeContext } from './types.js';

const BOOK = {
  fields: 'title:string,pages:integer,published:boolean',
  sample: { title: 'Dune', pages: 412, published: true },
  change: { pages: 896 },
};
const AUTHOR = { fields: 'name:string', sample: { name: 'Frank Herbert' }, change: { name: 'F. Herbert' } };
const RESOURCES = [
  { name: 'book', path: '/api/books', ...BOOK },
  { name: 'author', path: '/api/authors', ...AUTHOR },
];

/** Adds both resources, then checks that adding `book` again is refused with one line. */
async function addResources({ projectDir, log }: SmokeRun): Promise<void> {
  for (const resource of RESOURCES) {
    await runStep(
      `add resource ${resource.name}`,
      ['node', CLI, 'add', 'resource', resource.name, '--fields', resource.fields],
      projectDir,
      process.env,
      log,
    );
  }
  const again = await execa('node', [CLI, 'add', 'resource', 'book', '--fields', BOOK.fields], {
    cwd: projectDir,
    reject: false,
  });
  assert.equal(again.exitCode, 1, 'adding book again fails');
  assert.match(again.stderr.trim(), /The resource "book" exists already .*Nothing was written\.$/, 'one line says why');
  assert.equal(again.stderr.trim().split('\n').length, 1, 'in one line');
  log('add resource book a second time: refused');
}

function expectStatus(response: HttpResponse, status: number, what: string): void {
  assert.equal(response.status, status, `${what}: status ${response.status}, body ${response.text.slice(0, 300)}`);
}

async function apiToken({ projectDir }: SmokeContext): Promise<string> {
  const token = /^API_TOKEN="?([0-9a-f]{64})"?$/m.exec(await readFile(join(projectDir, '.env'), 'utf8'))?.[1];
  assert.ok(token, '.env holds the API token');
  return token;
}

/** Create, list (cache MISS/HIT, MISS after a write), update, delete each resource; the document lists them. */
async function checkResources(context: SmokeContext): Promise<void> {
  const api = context.client();
  const auth = { authorization: `Bearer ${await apiToken(context)}` };
  const document = (await api.get('/openapi.json')).json as {
    paths: Record<string, unknown>;
    components: { schemas: Record<string, unknown> };
  };
  for (const resource of RESOURCES) {
    const pascal = resource.name.charAt(0).toUpperCase() + resource.name.slice(1);
    assert.ok(
      document.paths[resource.path] && document.paths[`${resource.path}/{id}`],
      `the OpenAPI document lists ${resource.path}`,
    );
    assert.ok(
      document.components.schemas[pascal] && document.components.schemas[`New${pascal}`],
      `the OpenAPI document has the ${pascal} schemas`,
    );

    expectStatus(
      await api.sendJson('POST', resource.path, resource.sample),
      401,
      `POST ${resource.path} without the token`,
    );
    const created = await api.sendJson('POST', resource.path, resource.sample, auth);
    expectStatus(created, 201, `POST ${resource.path}`);
    const item = (created.json as { data: Record<string, unknown> & { id: string } }).data;
    assert.deepEqual(
      { ...item, id: undefined, createdAt: undefined, updatedAt: undefined },
      { ...resource.sample, id: undefined, createdAt: undefined, updatedAt: undefined },
    );
    assert.equal(created.headers.get('location'), `${resource.path}/${item.id}`);

    const first = await api.get(resource.path);
    expectStatus(first, 200, `GET ${resource.path}`);
    assert.ok(
      (first.json as { data: { id: string }[] }).data.some((entry) => entry.id === item.id),
      `the list holds the new ${resource.name}`,
    );
    const again = await api.get(resource.path);
    assert.equal(again.headers.get('x-cache'), 'HIT', `GET ${resource.path} again comes from the cache`);

    const url = `${resource.path}/${item.id}`;
    expectStatus(await api.sendJson('PATCH', url, resource.change), 401, `PATCH ${url} without the token`);
    const changed = await api.sendJson('PATCH', url, resource.change, auth);
    expectStatus(changed, 200, `PATCH ${url}`);
    assert.deepEqual((changed.json as { data: Record<string, unknown> }).data, {
      ...item,
      ...resource.change,
      updatedAt: (changed.json as { data: { updatedAt: string } }).data.updatedAt,
    });
    const afterWrite = await api.get(resource.path);
    assert.equal(afterWrite.headers.get('x-cache'), 'MISS', `a write drops the cached ${resource.path}`);
    assert.deepEqual(
      (afterWrite.json as { data: { id: string }[] }).data.find((entry) => entry.id === item.id),
      (changed.json as { data: unknown }).data,
    );

    expectStatus(await api.request('DELETE', url), 401, `DELETE ${url} without the token`);
    expectStatus(await api.request('DELETE', url, { headers: auth }), 204, `DELETE ${url}`);
    expectStatus(await api.get(url), 404, `GET ${url} after the delete`);
  }
}

/** The Express starter's checks, with the two resources checked in both modes. */
const express: SmokeChecks = {
  ...expressChecks,
  async check(context) {
    await expressChecks.check(context);
    await checkResources(context);
  },
  production: {
    ...expressChecks.production,
    async check(context) {
      await expressChecks.production.check(context);
      await checkResources(context);
    },
    attack: {
      ...expressChecks.production.attack,
      // The starter's own attack asserts that its document holds exactly the three task
      // writes; here it holds nine. What it checks of every write — anonymous or forged
      // tokens get 401 — is checked for all nine, then the harness fuzzes the document.
      async check(context) {
        const api = context.client();
        const token = await apiToken(context);
        const victims = new Map<string, string>();
        for (const resource of RESOURCES) {
          const created = await api.sendJson('POST', resource.path, resource.sample, {
            authorization: `Bearer ${token}`,
          });
          expectStatus(created, 201, `POST ${resource.path}`);
          victims.set(resource.path, (created.json as { data: { id: string } }).data.id);
        }
        const document = (await api.get('/openapi.json')).json as { paths: Record<string, Record<string, unknown>> };
        const writes = Object.entries(document.paths).flatMap(([path, item]) =>
          Object.keys(item)
            .filter((method) => ['post', 'put', 'patch', 'delete'].includes(method))
            .map((method) => ({ method: method.toUpperCase(), path })),
        );
        assert.equal(writes.length, 9, 'three writes each for tasks, books and authors');
        const forgeries: Record<string, string>[] = [
          {},
          { authorization: `Bearer ${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}` },
          { authorization: `Basic ${token}` },
        ];
        for (const write of writes) {
          const base = write.path.replace('/{id}', '');
          const path = write.path.replace('{id}', victims.get(base) ?? '00000000-0000-4000-8000-000000000000');
          for (const headers of forgeries) {
            const response = await api.request(write.method, path, {
              body: JSON.stringify({ title: 'Pwned' }),
              headers: { 'content-type': 'application/json', ...headers },
            });
            expectStatus(response, 401, `${write.method} ${write.path} with ${JSON.stringify(headers)}`);
          }
        }
        for (const [path, id] of victims)
          expectStatus(await api.get(`${path}/${id}`), 200, `${path}/${id} is still there`);
      },
    },
  },
};

const SUITES = [{ id: 'express', checks: express }] as const;

for (const { id, checks } of SUITES) {
  const framework = findFramework(id)!;
  const stack = defaultStack();
  describe(`add resource in the ${framework.label} starter`, () => {
    const scenarios = smokeScenarios(framework);
    const picked = [scenarios[0]!, ...scenarios.filter((scenario) => scenario.options.db === 'postgres').slice(0, 1)];
    for (const scenario of picked) {
      it(
        `${scenario.label}: generate, add book and author, own tests and linters, boot, CRUD over HTTP (${describeStack(stack)})`,
        () => smokeTest(framework, checks, scenario.options, { stack, afterGenerate: addResources }),
        30 * 60_000,
      );
    }
  });
}
