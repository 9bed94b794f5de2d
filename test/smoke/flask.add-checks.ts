// The Flask starter with `book` and `author` added (test/smoke/add.smoke.test.ts): its own
// checks, then over HTTP each resource created, listed (from Flask-Caching's cache until a
// write, where the project caches), updated and deleted with the API token, refused
// without it or with a forged one, and in the served OpenAPI document (which the attack
// stage then fuzzes, the new operations included).
import assert from 'node:assert/strict';
import { expectStatus, RESOURCES, type SmokeResource, withResourceChecks } from './add-resources.js';
import flaskChecks from './flask.checks.js';
import type { SmokeContext } from './types.js';

// The token flask.checks.ts gives the server (its env), so the same writes are allowed.
const BEARER = { authorization: `Bearer ${flaskChecks.env!.API_TOKEN}` };
const pathOf = (resource: SmokeResource) => `/api/${resource.name}s`;

type Item = Record<string, unknown> & { id: number; created_at: string; updated_at: string };

/** Adds a row through SQLAlchemy Core on the project's engine: no ORM event, no new cache generation. */
async function insertBehindTheCache(context: SmokeContext, resource: SmokeResource): Promise<void> {
  const code = [
    'import json, sys',
    'from importlib import import_module',
    'from sqlalchemy import insert',
    'from wsgi import app',
    'package = app.import_name',
    'db = import_module(f"{package}.extensions").db',
    'fields = import_module(f"{package}.fields")',
    'model = getattr(import_module(f"{package}.{sys.argv[1]}"), sys.argv[2])',
    'values = fields.checked(json.loads(sys.argv[3]), model.FIELDS, partial=False)',
    'with app.app_context(), db.engine.begin() as connection:',
    '    connection.execute(insert(model.__table__), [values])',
  ].join('\n');
  const hidden = { ...resource.sample, ...resource.change };
  await context.run(['.venv/bin/python', '-c', code, `${resource.name}s`, resource.pascal, JSON.stringify(hidden)]);
}

async function checkResources(context: SmokeContext, { cached }: { cached: boolean }): Promise<void> {
  const api = context.client();
  const document = (await api.get('/api/openapi.json')).json as {
    paths: Record<string, unknown>;
    components: { schemas: Record<string, unknown> };
  };
  for (const resource of RESOURCES) {
    const path = pathOf(resource);
    const list = (response: { json: unknown }) => (response.json as Record<string, Item[]>)[`${resource.name}s`]!;
    assert.ok(document.paths[path] && document.paths[`${path}/{${resource.name}_id}`], `the document lists ${path}`);
    assert.ok(
      document.components.schemas[resource.pascal] && document.components.schemas[`${resource.pascal}List`],
      `the OpenAPI document has the ${resource.pascal} schemas`,
    );

    const anonymous = await api.sendJson('POST', path, resource.sample);
    expectStatus(anonymous, 401, `POST ${path} without the token`);
    assert.match(anonymous.headers.get('www-authenticate') ?? '', /^Bearer/, '401 names the Bearer scheme');
    const created = await api.sendJson('POST', path, resource.sample, BEARER);
    expectStatus(created, 201, `POST ${path}`);
    const item = created.json as Item;
    const { id, created_at, updated_at, ...fields } = item;
    assert.deepEqual(fields, resource.sample, `POST ${path} answers the ${resource.name} sent`);
    assert.ok(id > 0 && created_at && updated_at, 'with its id and times');
    assert.equal(created.headers.get('location'), `${path}/${id}`);
    expectStatus(await api.sendJson('POST', path, { nonsense: true }, BEARER), 400, `POST ${path} with unknown fields`);

    const first = await api.get(path);
    expectStatus(first, 200, `GET ${path}`);
    assert.deepEqual(list(first)[0], item, `the list starts with the new ${resource.name}`);
    if (cached) {
      await insertBehindTheCache(context, resource);
      assert.equal(list(await api.get(path)).length, list(first).length, `GET ${path} again comes from the cache`);
    }

    const url = `${path}/${id}`;
    expectStatus(await api.sendJson('PATCH', url, resource.change), 401, `PATCH ${url} without the token`);
    const changed = await api.sendJson('PATCH', url, resource.change, BEARER);
    expectStatus(changed, 200, `PATCH ${url}`);
    const after = changed.json as Item;
    assert.deepEqual(after, { ...item, ...resource.change, updated_at: after.updated_at });
    const afterWrite = list(await api.get(path));
    assert.deepEqual(
      afterWrite.find((entry) => entry.id === id),
      after,
      `the list shows the change to the ${resource.name}`,
    );
    if (cached)
      assert.equal(afterWrite.length, list(first).length + 1, `a write drops the cached ${path}: the hidden row shows`);

    expectStatus(await api.request('DELETE', url), 401, `DELETE ${url} without the token`);
    expectStatus(await api.request('DELETE', url, { headers: BEARER }), 204, `DELETE ${url}`);
    expectStatus(await api.get(url), 404, `GET ${url} after the delete`);
  }
}

// The starter's own attack checks the notes' writes; the same forgeries on every
// resource's writes are refused too and change nothing, then the harness fuzzes.
async function attackWrites(context: SmokeContext): Promise<void> {
  await flaskChecks.production.attack.check(context);
  const api = context.client();
  const forgeries: Record<string, string>[] = [
    {},
    { authorization: `${BEARER.authorization.slice(0, -1)}x` },
    { authorization: `Basic ${BEARER.authorization.slice('Bearer '.length)}` },
  ];
  for (const resource of RESOURCES) {
    const path = pathOf(resource);
    const created = await api.sendJson('POST', path, resource.sample, BEARER);
    expectStatus(created, 201, `POST ${path}`);
    const url = `${path}/${(created.json as Item).id}`;
    const before = (await api.get(url)).text;
    for (const [method, target] of [
      ['POST', path],
      ['PUT', url],
      ['PATCH', url],
      ['DELETE', url],
    ] as const) {
      for (const headers of forgeries) {
        const response = await api.sendJson(method, target, resource.change, headers);
        expectStatus(response, 401, `${method} ${target} with ${JSON.stringify(headers)}`);
      }
    }
    assert.equal((await api.get(url)).text, before, `${url} is unchanged after the refused writes`);
  }
}

// `flask run` is one process: its cache is the one every request sees; production runs
// three gunicorn workers, each with its own SimpleCache: no cache hit to count on
const checks = withResourceChecks(
  flaskChecks,
  (context, mode) => checkResources(context, { cached: mode === 'development' && context.options.cache !== 'none' }),
  attackWrites,
);

export default checks;
