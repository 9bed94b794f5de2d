// The Express starter with `book` and `author` added (test/smoke/add.smoke.test.ts): its
// own checks, then over HTTP each resource created, listed (from the response cache until
// a write), updated and deleted with the API token, refused without it, and in the served
// OpenAPI document (which the attack stage then fuzzes, the new operations included).
import assert from 'node:assert/strict';
import { envValue, expectStatus, RESOURCES, withResourceChecks } from './add-resources.js';
import expressChecks from './express.checks.js';
import type { SmokeContext } from './types.js';

const pathOf = (name: string) => `/api/${name}s`;

async function checkResources(context: SmokeContext): Promise<void> {
  const api = context.client();
  const auth = { authorization: `Bearer ${await envValue(context, 'API_TOKEN')}` };
  const document = (await api.get('/openapi.json')).json as {
    paths: Record<string, unknown>;
    components: { schemas: Record<string, unknown> };
  };
  for (const resource of RESOURCES) {
    const path = pathOf(resource.name);
    assert.ok(document.paths[path] && document.paths[`${path}/{id}`], `the OpenAPI document lists ${path}`);
    assert.ok(
      document.components.schemas[resource.pascal] && document.components.schemas[`New${resource.pascal}`],
      `the OpenAPI document has the ${resource.pascal} schemas`,
    );

    expectStatus(await api.sendJson('POST', path, resource.sample), 401, `POST ${path} without the token`);
    const created = await api.sendJson('POST', path, resource.sample, auth);
    expectStatus(created, 201, `POST ${path}`);
    const item = (created.json as { data: Record<string, unknown> & { id: string } }).data;
    assert.deepEqual(
      { ...item, id: undefined, createdAt: undefined, updatedAt: undefined },
      { ...resource.sample, id: undefined, createdAt: undefined, updatedAt: undefined },
    );
    assert.equal(created.headers.get('location'), `${path}/${item.id}`);

    const first = await api.get(path);
    expectStatus(first, 200, `GET ${path}`);
    assert.ok(
      (first.json as { data: { id: string }[] }).data.some((entry) => entry.id === item.id),
      `the list holds the new ${resource.name}`,
    );
    const again = await api.get(path);
    assert.equal(again.headers.get('x-cache'), 'HIT', `GET ${path} again comes from the cache`);

    const url = `${path}/${item.id}`;
    expectStatus(await api.sendJson('PATCH', url, resource.change), 401, `PATCH ${url} without the token`);
    const changed = await api.sendJson('PATCH', url, resource.change, auth);
    expectStatus(changed, 200, `PATCH ${url}`);
    assert.deepEqual((changed.json as { data: Record<string, unknown> }).data, {
      ...item,
      ...resource.change,
      updatedAt: (changed.json as { data: { updatedAt: string } }).data.updatedAt,
    });
    const afterWrite = await api.get(path);
    assert.equal(afterWrite.headers.get('x-cache'), 'MISS', `a write drops the cached ${path}`);
    assert.deepEqual(
      (afterWrite.json as { data: { id: string }[] }).data.find((entry) => entry.id === item.id),
      (changed.json as { data: unknown }).data,
    );

    expectStatus(await api.request('DELETE', url), 401, `DELETE ${url} without the token`);
    expectStatus(await api.request('DELETE', url, { headers: auth }), 204, `DELETE ${url}`);
    expectStatus(await api.get(url), 404, `GET ${url} after the delete`);
  }
}

// The starter's own attack asserts that its document holds exactly the three task
// writes; here it holds nine. What it checks of every write — anonymous or forged
// tokens get 401 — is checked for all nine, then the harness fuzzes the document.
async function attackWrites(context: SmokeContext): Promise<void> {
  const api = context.client();
  const token = await envValue(context, 'API_TOKEN');
  const victims = new Map<string, string>();
  for (const resource of RESOURCES) {
    const path = pathOf(resource.name);
    const created = await api.sendJson('POST', path, resource.sample, { authorization: `Bearer ${token}` });
    expectStatus(created, 201, `POST ${path}`);
    victims.set(path, (created.json as { data: { id: string } }).data.id);
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
  for (const [path, id] of victims) expectStatus(await api.get(`${path}/${id}`), 200, `${path}/${id} is still there`);
}

const checks = withResourceChecks(expressChecks, (context) => checkResources(context), attackWrites);

export default checks;
