// The Django starter with `book` and `author` added (test/smoke/add.smoke.test.ts): its own
// checks, then over HTTP each resource created, listed, updated and deleted by a user
// logged in with the session cookie and the CSRF token a browser carries; refused
// without the log-in (401) or without the token (403); in the served OpenAPI document
// (which the attack stage then fuzzes, the new operations included); with --db postgres,
// rows of PostgreSQL. The starter caches no API answer, so neither do the resources.
import assert from 'node:assert/strict';
import { expectStatus, RESOURCES, type SmokeResource, withResourceChecks } from './add-resources.js';
import djangoChecks from './django.checks.js';
import { formToken, HttpClient } from './http.js';
import type { SmokeContext } from './types.js';

const PASSWORD = 'smoke-test-passphrase-42';
const pathOf = (resource: SmokeResource) => `/api/${resource.name}s/`;

/** A client of the site (behind the TLS proxy in production) and what its unsafe requests send. */
function browserOf(context: SmokeContext, production: boolean) {
  const client = production ? new HttpClient(context.baseUrl, { 'x-forwarded-proto': 'https' }) : context.client();
  // Over HTTPS, Django's CSRF check also wants the request to come from the site itself.
  const origin = `https://${new URL(context.baseUrl).host}`;
  const sameSite: Record<string, string> = production ? { origin, referer: `${origin}/` } : {};
  return { client, sameSite };
}

/** Signs up a new account; returns its client and the headers a write needs (session + CSRF). */
async function loggedIn(context: SmokeContext, production: boolean) {
  const { client, sameSite } = browserOf(context, production);
  const page = await client.get('/accounts/signup/');
  expectStatus(page, 200, 'GET /accounts/signup/');
  const signedUp = await client.postForm(
    '/accounts/signup/',
    {
      csrfmiddlewaretoken: formToken(page.text, 'csrfmiddlewaretoken'),
      email: `books-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`,
      name: 'Reader',
      password1: PASSWORD,
      password2: PASSWORD,
    },
    sameSite,
  );
  expectStatus(signedUp, 302, 'sign up');
  const csrf = client.cookies.get('csrftoken');
  assert.ok(csrf, 'the csrftoken cookie is set after sign-up');
  return { client, write: { ...sameSite, 'x-csrftoken': csrf } };
}

async function expectRowInPostgres(context: SmokeContext, resource: SmokeResource, id: number, count: number) {
  const table = `${resource.name}s_${resource.name}`;
  const { stdout } = await context.run([
    'psql',
    context.env.DATABASE_URL!,
    '-tAc',
    `SELECT count(*) FROM ${table} WHERE id = ${id}`,
  ]);
  assert.equal(stdout.trim(), String(count), `${table} holds ${count} row(s) with id ${id} in PostgreSQL`);
}

async function checkResources(context: SmokeContext, production: boolean): Promise<void> {
  const { client: user, write } = await loggedIn(context, production);
  // An anonymous visitor has a CSRF token too (any page sets it): the log-in is what it lacks.
  const { client: anonymous, sameSite } = browserOf(context, production);
  expectStatus(await anonymous.get('/accounts/login/'), 200, 'log-in page');
  const anonymousWrite = { ...sameSite, 'x-csrftoken': anonymous.cookies.get('csrftoken') ?? '' };

  const document = (await anonymous.get('/api/openapi.json')).json as {
    paths: Record<string, unknown>;
    components: { schemas: Record<string, unknown> };
  };
  for (const resource of RESOURCES) {
    const path = pathOf(resource);
    assert.ok(document.paths[path] && document.paths[`${path}{pk}/`], `the OpenAPI document lists ${path}`);
    assert.ok(
      document.components.schemas[resource.pascal] && document.components.schemas[`New${resource.pascal}`],
      `the OpenAPI document has the ${resource.pascal} schemas`,
    );

    expectStatus(await anonymous.sendJson('POST', path, resource.sample), 403, `POST ${path} without the CSRF token`);
    expectStatus(
      await anonymous.sendJson('POST', path, resource.sample, anonymousWrite),
      401,
      `POST ${path} without logging in`,
    );
    expectStatus(await user.sendJson('POST', path, resource.sample), 403, `POST ${path} logged in, no CSRF token`);
    const created = await user.sendJson('POST', path, resource.sample, write);
    expectStatus(created, 201, `POST ${path}`);
    const item = created.json as Record<string, unknown> & { id: number };
    assert.deepEqual(
      Object.fromEntries(Object.keys(resource.sample).map((key) => [key, item[key]])),
      resource.sample,
      `POST ${path} answers the ${resource.name} sent`,
    );
    assert.equal(created.headers.get('location'), `${path}${item.id}/`);
    if (context.options.db === 'postgres') await expectRowInPostgres(context, resource, item.id, 1);

    const list = await anonymous.get(path);
    expectStatus(list, 200, `GET ${path} (anyone reads)`);
    assert.ok(
      (list.json as { results: { id: number }[] }).results.some((entry) => entry.id === item.id),
      `the list holds the new ${resource.name}`,
    );

    const url = `${path}${item.id}/`;
    expectStatus(
      await anonymous.sendJson('PATCH', url, resource.change, anonymousWrite),
      401,
      `anonymous PATCH ${url}`,
    );
    const changed = await user.sendJson('PATCH', url, resource.change, write);
    expectStatus(changed, 200, `PATCH ${url}`);
    const after = changed.json as { updated_at: string };
    assert.deepEqual(after, { ...item, ...resource.change, updated_at: after.updated_at });
    assert.deepEqual((await anonymous.get(url)).json, after, `GET ${url} shows the change`);

    expectStatus(await anonymous.request('DELETE', url, { headers: anonymousWrite }), 401, `anonymous DELETE ${url}`);
    expectStatus(await user.request('DELETE', url, { headers: write }), 204, `DELETE ${url}`);
    const gone = await anonymous.get(url);
    expectStatus(gone, 404, `GET ${url} after the delete`);
    assert.match((gone.json as { error?: string } | undefined)?.error ?? '', /not found/, 'a JSON 404');
    if (context.options.db === 'postgres') await expectRowInPostgres(context, resource, item.id, 0);
  }
}

// The starter's own attacks count no writes; the harness's then send every write of the
// document (the resources' six among them) anonymously and fuzz them logged in.
const checks = withResourceChecks(djangoChecks, (context, mode) => checkResources(context, mode === 'production'));

export default checks;
