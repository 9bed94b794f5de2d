// The Laravel starter with `book` and `author` added (test/smoke/add.smoke.test.ts): its
// own checks, then over HTTP, in development and in production, each resource created,
// listed, changed and deleted with a user's API token (`users:token`), refused without
// one, invisible to another user (404, as their documents are), a row in PostgreSQL with
// --db postgres, and in the served OpenAPI document — which the attack stage then fuzzes
// with the new operations. The starter caches no list, so there is no cache to check.
import assert from 'node:assert/strict';
import { expectStatus, RESOURCES, type SmokeResource, withResourceChecks } from './add-resources.js';
import laravelChecks, { createAccount, type Account } from './laravel.checks.js';
import type { SmokeContext } from './types.js';

const pathOf = (resource: SmokeResource) => `/api/${resource.name}s`;

interface Item extends Record<string, unknown> {
  id: number;
  updated_at: string;
  links: { self: string };
}

/** The answer of one item, without what the server sets itself. */
const fieldsOf = (item: Record<string, unknown>) => {
  const rest = { ...item };
  for (const key of ['id', 'created_at', 'updated_at', 'links']) delete rest[key];
  return rest;
};

async function checkResource(context: SmokeContext, resource: SmokeResource, owner: Account, other: Account) {
  const api = context.client();
  const path = pathOf(resource);
  const anonymous = { accept: 'application/json' };

  expectStatus(await api.sendJson('POST', path, resource.sample, anonymous), 401, `POST ${path} without a token`);
  expectStatus(await api.get(path, anonymous), 401, `GET ${path} without a token`);
  const created = await api.sendJson('POST', path, resource.sample, owner.api);
  expectStatus(created, 201, `POST ${path}`);
  const item = (created.json as { data: Item }).data;
  assert.deepEqual(fieldsOf(item), resource.sample, `POST ${path} answers what was sent`);
  assert.equal(new URL(created.headers.get('location') ?? '', context.baseUrl).pathname, `${path}/${item.id}`);
  assert.equal(new URL(item.links.self).pathname, `${path}/${item.id}`, 'links.self');
  if (context.options.db === 'postgres') {
    const { stdout } = await context.run([
      'psql',
      context.env.DATABASE_URL!,
      '-tAc',
      `SELECT count(*) FROM ${resource.name}s WHERE id = ${Number(item.id)}`,
    ]);
    assert.equal(stdout.trim(), '1', `the ${resource.name} is a row in PostgreSQL`);
  }

  const list = await api.get(path, owner.api);
  expectStatus(list, 200, `GET ${path}`);
  const page = list.json as { data: Item[]; meta: { per_page: number } };
  assert.equal(page.data[0]?.id, item.id, `the newest ${resource.name} comes first`);
  assert.equal(page.meta.per_page, 20, '20 a page');

  const url = `${path}/${item.id}`;
  expectStatus(await api.sendJson('PATCH', url, resource.change, anonymous), 401, `PATCH ${url} without a token`);
  const changed = await api.sendJson('PATCH', url, resource.change, owner.api);
  expectStatus(changed, 200, `PATCH ${url}`);
  const after = (changed.json as { data: Item }).data;
  assert.deepEqual(after, { ...item, ...resource.change, updated_at: after.updated_at }, 'only the fields sent change');
  const shown = await api.get(url, owner.api);
  expectStatus(shown, 200, `GET ${url}`);
  assert.deepEqual((shown.json as { data: Item }).data, after, `GET ${url} shows the change`);

  // Another user: not found, by every route; their list is their own.
  expectStatus(await api.get(url, other.api), 404, `GET ${url} as another user`);
  expectStatus(await api.sendJson('PATCH', url, resource.change, other.api), 404, `PATCH ${url} as another user`);
  expectStatus(await api.request('DELETE', url, { headers: other.api }), 404, `DELETE ${url} as another user`);
  const theirs = await api.get(path, other.api);
  expectStatus(theirs, 200, `GET ${path} as another user`);
  assert.ok(
    !(theirs.json as { data: Item[] }).data.some((entry) => entry.id === item.id),
    `another user does not list the ${resource.name}`,
  );

  expectStatus(await api.request('DELETE', url, { headers: anonymous }), 401, `DELETE ${url} without a token`);
  expectStatus(await api.request('DELETE', url, { headers: owner.api }), 204, `DELETE ${url}`);
  expectStatus(await api.get(url, owner.api), 404, `GET ${url} after the delete`);
}

async function checkResources(context: SmokeContext, stage: string): Promise<void> {
  const document = (await context.client().get('/openapi.json')).json as {
    paths: Record<string, unknown>;
    components: { schemas: Record<string, unknown> };
  };
  const stamp = Date.now();
  const owner = await createAccount(context, `${stage}-books-${stamp}@example.com`, false);
  const other = await createAccount(context, `${stage}-books-other-${stamp}@example.com`, false);
  for (const resource of RESOURCES) {
    const path = pathOf(resource);
    assert.ok(
      document.paths[path] && document.paths[`${path}/{${resource.name}}`],
      `the OpenAPI document lists ${path}`,
    );
    for (const schema of [resource.pascal, `${resource.pascal}Input`, `${resource.pascal}Changes`])
      assert.ok(document.components.schemas[schema], `the OpenAPI document has the schema ${schema}`);
    await checkResource(context, resource, owner, other);
  }
}

const checks = withResourceChecks(laravelChecks, (context, mode) =>
  checkResources(context, mode === 'development' ? 'dev' : 'prod'),
);

export default checks;
