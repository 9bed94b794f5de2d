// The Rails starter with `book` and `author` added (test/smoke/add.smoke.test.ts): its
// own checks, then over HTTP each resource created, listed, shown, updated and deleted
// with an API token from the project's rake task, refused without one, its malformed
// input answered 4xx, the shown JSON in Rails.cache (with --cache redis, in Redis) and
// dropped by a write, the rows in PostgreSQL (with --db postgres), and both resources in
// the served OpenAPI document, which the attack stage then fuzzes.
import assert from 'node:assert/strict';
import { expectStatus, RESOURCES, type SmokeResource, withResourceChecks } from './add-resources.js';
import type { HttpClient } from './http.js';
import railsChecks, { issueToken } from './rails.checks.js';
import type { SmokeContext } from './types.js';

const HTTPS = { 'x-forwarded-proto': 'https' };

interface Item {
  id: number;
  path: string;
  [attribute: string]: unknown;
}

/** Rails.cache's entry for the record (key "<namespace>:<plural>/<id>"), in Redis. */
async function cachedInRedis({ env, run }: SmokeContext, environment: string, key: string): Promise<string> {
  const keys = (await run(['redis-cli', '-u', env.REDIS_URL!, '--scan', '--pattern', `*-${environment}:${key}`])).stdout
    .split('\n')
    .filter(Boolean);
  return keys.length === 0 ? '' : (await run(['redis-cli', '-u', env.REDIS_URL!, 'GET', keys[0]!])).stdout;
}

async function checkResource(
  context: SmokeContext,
  resource: SmokeResource,
  token: string,
  environment: 'development' | 'production',
): Promise<void> {
  // In production, through the TLS proxy and from a client address of its own, so these
  // writes spend none of the rate limit the attack stage's requests from 127.0.0.1 meet.
  const proxy = environment === 'production' ? { ...HTTPS, 'x-forwarded-for': '203.0.113.40' } : {};
  const api = context.client();
  const auth = { authorization: `Bearer ${token}`, ...proxy };
  const plural = `${resource.name}s`;
  const path = `/api/v1/${plural}`;
  const read = { accept: 'application/json', ...proxy };

  const document = (await api.get('/openapi.json', proxy)).json as {
    paths: Record<string, unknown>;
    components: { schemas: Record<string, unknown> };
  };
  assert.ok(document.paths[path] && document.paths[`${path}/{id}`], `the OpenAPI document lists ${path}`);
  for (const schema of [resource.pascal, `${resource.pascal}Input`, `${resource.pascal}List`])
    assert.ok(document.components.schemas[schema], `the OpenAPI document has the ${schema} schema`);

  const body = { [resource.name]: resource.sample };
  expectStatus(await api.sendJson('POST', path, body, proxy), 401, `POST ${path} without a token`);
  const created = await api.sendJson('POST', path, body, auth);
  expectStatus(created, 201, `POST ${path}`);
  const item = created.json as Item;
  for (const [attribute, value] of Object.entries(resource.sample))
    assert.deepEqual(item[attribute], value, `the created ${resource.name} has its ${attribute}`);
  const url = `${path}/${item.id}`;
  assert.equal(item.path, url);
  assert.match(
    created.headers.get('location') ?? '',
    new RegExp(`^${environment === 'production' ? 'https' : 'http'}://[^/]+${url}$`),
    'Location is the URL of the new record',
  );
  if (context.options.db === 'postgres') {
    const { stdout } = await context.run(['psql', context.env.DATABASE_URL!, '-Atc', `SELECT id FROM ${plural}`]);
    assert.ok(stdout.split('\n').includes(String(item.id)), `the ${resource.name} is a row in PostgreSQL`);
  }

  const listed = await api.get(`${path}?per_page=100`, read);
  expectStatus(listed, 200, `GET ${path}`);
  const list = listed.json as Record<string, Item[]> & { meta: { total_count: number } };
  assert.ok(
    list[plural]!.some((entry) => entry.id === item.id),
    `the list holds the new ${resource.name}`,
  );
  assert.ok(list.meta.total_count >= 1, 'the list has its pagination meta');

  const shown = await api.get(url, read);
  expectStatus(shown, 200, `GET ${url}`);
  assert.deepEqual(shown.json, item);
  if (context.options.cache === 'redis')
    assert.ok(
      (await cachedInRedis(context, environment, `${plural}/${item.id}`)).includes(`"path":"${url}"`),
      `GET ${url} put its JSON into Redis`,
    );

  expectStatus(await api.sendJson('PATCH', url, resource.change, proxy), 401, `PATCH ${url} without a token`);
  const changed = await api.sendJson('PATCH', url, resource.change, auth);
  expectStatus(changed, 200, `PATCH ${url}`);
  assert.deepEqual(changed.json, { ...item, ...resource.change, updated_at: (changed.json as Item).updated_at });
  assert.deepEqual((await api.get(url, read)).json, changed.json, `a write replaces the cached ${url}`);

  if (environment === 'development') await checkMalformedInput(api, resource, auth);

  expectStatus(await api.request('DELETE', url, { headers: proxy }), 401, `DELETE ${url} without a token`);
  expectStatus(await api.request('DELETE', url, { headers: auth }), 204, `DELETE ${url}`);
  expectStatus(await api.get(url, read), 404, `GET ${url} after the delete`);
}

/** Malformed input answers 4xx JSON, never a 5xx (in production the attack stage sends it). */
async function checkMalformedInput(api: HttpClient, resource: SmokeResource, auth: Record<string, string>) {
  const path = `/api/v1/${resource.name}s`;
  const read = { accept: 'application/json' };
  const [first] = Object.keys(resource.sample);
  const invalid = await api.sendJson('POST', path, { [resource.name]: { ...resource.sample, [first!]: '' } }, auth);
  expectStatus(invalid, 422, `POST ${path} with an empty ${first}`);
  assert.ok((invalid.json as { errors: Record<string, string[]> }).errors[first!], 'the errors name the attribute');
  expectStatus(await api.sendJson('POST', path, { [resource.name]: 'oops' }, auth), 400, `POST ${path} "oops"`);
  expectStatus(
    await api.request('POST', path, {
      body: `{"${resource.name}": `,
      headers: { 'content-type': 'application/json', ...auth },
    }),
    400,
    `POST ${path} malformed JSON`,
  );
  for (const id of ['abc', '0', '99999999999999999999', '1e3'])
    expectStatus(await api.get(`${path}/${id}`, read), 404, `GET ${path}/${id}`);
  expectStatus(await api.get(`${path}?page=abc`, read), 400, `GET ${path}?page=abc`);
}

async function checkResources(context: SmokeContext, environment: 'development' | 'production'): Promise<void> {
  const token = await issueToken(context, `add resource ${environment}`);
  for (const resource of RESOURCES) await checkResource(context, resource, token, environment);
}

const checks = withResourceChecks(railsChecks, checkResources);

export default checks;
