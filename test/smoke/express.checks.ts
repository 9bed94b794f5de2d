// Express over real HTTP: the rendered pages, the tasks REST resource, the response
// cache (MISS → HIT → MISS after a write, ETag → 304), JSON and HTML 404s, and the
// security headers. Then, outside HTTP, that the data really is in the chosen database
// (SQLite file or PostgreSQL) and the cache in Redis when chosen. In production mode:
// no stack traces, security headers (HSTS) behind an HTTPS proxy, no cookies, and the
// data kept across the restart.
import assert from 'node:assert/strict';
import { expectStatus, type HttpResponse } from './http.js';
import type { SmokeChecks, SmokeContext } from './types.js';

interface Task {
  id: string;
  title: string;
  done: boolean;
}

function expectType(response: HttpResponse, type: RegExp, what: string): void {
  assert.match(response.headers.get('content-type') ?? '', type, `${what}: content type`);
}

function expectCache(response: HttpResponse, state: 'HIT' | 'MISS', what: string): void {
  assert.equal(response.headers.get('x-cache'), state, `${what}: X-Cache`);
}

/** A task created in development and expected, unchanged, after the production restart. */
const kept = { title: `Kept across restarts ${Date.now()}`, id: '' };

/** The title of task `id` read straight from the database the options chose, not over HTTP. */
async function titleInDatabase({ options, env, run }: SmokeContext, id: string): Promise<string> {
  assert.match(id, /^[0-9a-f-]{36}$/, 'a task id is a uuid');
  if (options.db === 'postgres') {
    const { stdout } = await run(['psql', env.DATABASE_URL!, '-Atc', `SELECT title FROM tasks WHERE id = '${id}'`]);
    return stdout.trim();
  }
  const script = `const db = new (require('better-sqlite3'))('data/app.db', { readonly: true });
    process.stdout.write(db.prepare('SELECT title FROM tasks WHERE id = ?').get(process.argv[1])?.title ?? '');`;
  return (await run(['node', '-e', script, id])).stdout;
}

/** Keys in the Redis the app was given (its own database number). */
async function redisKeys({ env, run }: SmokeContext): Promise<string[]> {
  const { stdout } = await run(['redis-cli', '-u', env.REDIS_URL!, '--scan']);
  return stdout.split('\n').filter(Boolean);
}

/** No stack frame, `SomeError: ` line, source path or stack field in a response body. */
function expectNoStack(response: HttpResponse, what: string): void {
  assert.doesNotMatch(response.text, /\bat [\w.<>]+ \(|\b[A-Z]\w*Error: |file:\/\/|\/dist\/|\/src\/|node_modules|class="stack"|"stack"/, `${what}: no stack trace`);
}

const checks: SmokeChecks = {
  framework: 'express',
  async check(context) {
    const api = context.client();

    const home = await api.get('/');
    expectStatus(home, 200, 'GET /');
    expectType(home, /text\/html/, 'GET /');
    assert.match(home.text, /<header class="site-header">/, 'the home page is rendered inside the layout');
    assert.equal(home.headers.get('x-powered-by'), null, 'no X-Powered-By');
    assert.match(home.headers.get('content-security-policy') ?? '', /default-src 'self'/, 'helmet sets a CSP');
    assert.equal(home.headers.get('x-content-type-options'), 'nosniff', 'helmet sets X-Content-Type-Options');

    const title = `Smoke test ${Date.now()}`;
    const created = await api.sendJson('POST', '/api/tasks', { title });
    expectStatus(created, 201, 'POST /api/tasks');
    const task = (created.json as { data: Task }).data;
    assert.equal(task.title, title);
    assert.equal(task.done, false);
    assert.equal(created.headers.get('location'), `/api/tasks/${task.id}`, 'Location of the new task');

    const read = await api.get(`/api/tasks/${task.id}`);
    expectStatus(read, 200, 'GET the new task');
    assert.deepEqual((read.json as { data: Task }).data, task);

    const first = await api.get('/api/tasks');
    expectStatus(first, 200, 'GET /api/tasks');
    expectCache(first, 'MISS', 'first GET /api/tasks after a write');
    assert.ok((first.json as { data: Task[] }).data.some((listed) => listed.id === task.id), 'the list holds the new task');
    const second = await api.get('/api/tasks');
    expectCache(second, 'HIT', 'repeated GET /api/tasks');
    assert.equal(second.text, first.text, 'a HIT replays the same body');
    if (context.options.cache === 'redis') {
      const keys = await redisKeys(context);
      assert.ok(keys.some((key) => key.endsWith(':cache:entry:/api/tasks')), `the cached list is in Redis (keys: ${keys.join(', ')})`);
      assert.ok(keys.some((key) => key.endsWith(':cache:tag:tasks')), 'its tag set is in Redis');
    }
    assert.equal(await titleInDatabase(context, task.id), title, `the task is in ${String(context.options.db)}`);

    const etag = second.headers.get('etag');
    assert.ok(etag, 'GET /api/tasks has an ETag');
    const notModified = await api.get('/api/tasks', { 'if-none-match': etag });
    expectStatus(notModified, 304, 'GET /api/tasks with If-None-Match');
    assert.equal(notModified.text, '', '304 has no body');

    const updated = await api.sendJson('PATCH', `/api/tasks/${task.id}`, { done: true });
    expectStatus(updated, 200, 'PATCH the task');
    const afterWrite = await api.get('/api/tasks');
    expectCache(afterWrite, 'MISS', 'GET /api/tasks after PATCH');
    assert.notEqual(afterWrite.headers.get('etag'), etag, 'the ETag changes with the data');

    const tasksPage = await api.get('/tasks');
    expectStatus(tasksPage, 200, 'GET /tasks');
    expectType(tasksPage, /text\/html/, 'GET /tasks');
    assert.ok(tasksPage.text.includes(title), 'the tasks page lists the new task');

    const invalid = await api.sendJson('POST', '/api/tasks', { title: '' });
    expectStatus(invalid, 400, 'POST an invalid task');
    expectType(invalid, /application\/json/, 'POST an invalid task');

    // Development shows stack traces (production must not: see below).
    const malformed = await api.request('POST', '/api/tasks', { body: '{"title":', headers: { 'content-type': 'application/json' } });
    expectStatus(malformed, 400, 'POST malformed JSON');
    assert.match((malformed.json as { error: { stack?: string } }).error.stack ?? '', /SyntaxError/, 'development shows the stack');

    const unknownId = '00000000-0000-4000-8000-000000000000';
    const missing = await api.get(`/api/tasks/${unknownId}`);
    expectStatus(missing, 404, 'GET an unknown task');
    expectType(missing, /application\/json/, 'GET an unknown task');
    assert.equal((missing.json as { error: { status: number } }).error.status, 404);

    const noPage = await api.get('/no/such/page');
    expectStatus(noPage, 404, 'GET an unknown page');
    expectType(noPage, /text\/html/, 'GET an unknown page');
    assert.match(noPage.text, /Page not found/);

    const deleted = await api.request('DELETE', `/api/tasks/${task.id}`);
    expectStatus(deleted, 204, 'DELETE the task');
    expectStatus(await api.get(`/api/tasks/${task.id}`), 404, 'GET the deleted task');
    assert.equal(await titleInDatabase(context, task.id), '', 'the task is gone from the database');

    const keep = await api.sendJson('POST', '/api/tasks', { title: kept.title });
    expectStatus(keep, 201, 'POST the task kept for production');
    kept.id = (keep.json as { data: Task }).data.id;
  },

  production: {
    // TRUST_PROXY=1: as behind one TLS-terminating proxy, which sets X-Forwarded-Proto.
    env: { NODE_ENV: 'production', TRUST_PROXY: '1', DEBUG: '' },
    async check(context) {
      const api = context.client();
      const viaHttps = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' };

      const home = await api.get('/', viaHttps);
      expectStatus(home, 200, 'GET / in production');
      const headers = home.headers;
      assert.match(headers.get('strict-transport-security') ?? '', /max-age=\d{7,}/, 'HSTS of at least ~4 months');
      assert.equal(headers.get('x-content-type-options'), 'nosniff');
      assert.equal(headers.get('x-frame-options'), 'SAMEORIGIN');
      assert.match(headers.get('content-security-policy') ?? '', /frame-ancestors 'self'/, 'CSP frame-ancestors');
      assert.match(headers.get('content-security-policy') ?? '', /object-src 'none'/, 'CSP object-src');
      assert.equal(headers.get('referrer-policy'), 'no-referrer');
      assert.equal(headers.get('x-powered-by'), null, 'no X-Powered-By');

      // Nothing here sets a cookie (no session): no cookie can lack its flags.
      const responses = [home];

      const noPage = await api.get('/no/such/page', viaHttps);
      expectStatus(noPage, 404, 'GET an unknown page in production');
      assert.match(noPage.text, /Page not found|not found/i);
      expectNoStack(noPage, 'unknown page');
      responses.push(noPage);

      const missing = await api.get('/api/tasks/00000000-0000-4000-8000-000000000000', viaHttps);
      expectStatus(missing, 404, 'GET an unknown task in production');
      assert.equal((missing.json as { error: { stack?: string } }).error.stack, undefined, 'no stack in JSON errors');
      expectNoStack(missing, 'unknown task');

      const malformed = await api.request('POST', '/api/tasks', { body: '{"title":', headers: { 'content-type': 'application/json', ...viaHttps } });
      expectStatus(malformed, 400, 'POST malformed JSON in production');
      expectNoStack(malformed, 'malformed JSON');
      assert.equal((malformed.json as { error: { stack?: string } }).error.stack, undefined);

      const tooLarge = await api.request('POST', '/api/tasks', {
        body: JSON.stringify({ title: 'x'.repeat(200_000) }),
        headers: { 'content-type': 'application/json', ...viaHttps },
      });
      expectStatus(tooLarge, 413, 'POST a body over JSON_BODY_LIMIT');
      expectNoStack(tooLarge, 'too large body');

      const list = await api.get('/api/tasks', viaHttps);
      expectStatus(list, 200, 'GET /api/tasks in production');
      const titles = (list.json as { data: Task[] }).data.map((task) => task.title);
      assert.ok(titles.includes(kept.title), `the task created before the restart is still there (${String(context.options.db)})`);
      assert.equal(await titleInDatabase(context, kept.id), kept.title, 'and in the database');
      expectCache(list, 'MISS', 'first list after the restart');
      expectCache(await api.get('/api/tasks', viaHttps), 'HIT', 'repeated list in production');
      responses.push(list);

      for (const response of responses) assert.deepEqual(response.headers.getSetCookie(), [], 'no Set-Cookie');
    },
  },
};

export default checks;
