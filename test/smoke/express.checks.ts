// Express over real HTTP: the rendered pages, the tasks REST resource (writes with the
// API token of the generated .env, anonymous writes refused), the response cache (MISS →
// HIT → MISS after a write, ETag → 304, query strings that do not matter share an entry),
// JSON and HTML 404s, and the security headers. Then, outside HTTP, that the data really
// is in the chosen database (SQLite file or PostgreSQL) and the cache in Redis when
// chosen. Production is `npm start` with no NODE_ENV at all: no stack traces, security
// headers (HSTS) behind an HTTPS proxy, no cookies, the data kept across the restart. The
// attack stage then fires anonymous and forged writes, bad bodies and concurrent
// reads/writes at it, and bounds the Redis indexes after cache-busting requests.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertNoLeak, burst } from './attack.js';
import { expectStatus, type HttpClient, type HttpResponse } from './http.js';
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

/** CACHE_MAX_ENTRIES of the production server. */
const CACHE_BOUND = 20;

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

/** The API token the generator wrote into the project's git-ignored .env. */
async function apiToken({ projectDir }: SmokeContext): Promise<string> {
  const env = await readFile(join(projectDir, '.env'), 'utf8');
  const token = /^API_TOKEN="?([0-9a-f]{64})"?$/m.exec(env)?.[1];
  assert.ok(token, '.env holds a 64-hex-digit API_TOKEN');
  return token;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Members of a sorted set or set in the app's Redis (0 when it does not exist). */
async function redisMembers({ env, run }: SmokeContext, key: string): Promise<number> {
  const type = (await run(['redis-cli', '-u', env.REDIS_URL!, 'TYPE', key])).stdout.trim();
  if (type === 'none') return 0;
  const { stdout } = await run(['redis-cli', '-u', env.REDIS_URL!, type === 'zset' ? 'ZCARD' : 'SCARD', key]);
  return Number(stdout.trim());
}

/** No stack frame, `SomeError: ` line, source path or stack field in a response body. */
function expectNoStack(response: HttpResponse, what: string): void {
  assert.doesNotMatch(
    response.text,
    /\bat [\w.<>]+ \(|\b[A-Z]\w*Error: |file:\/\/|\/dist\/|\/src\/|node_modules|class="stack"|"stack"/,
    `${what}: no stack trace`,
  );
}

/** Prints Node.js, npm and every dependency as installed: `name version` lines. */
const INSTALLED_VERSIONS = `const { readFileSync } = require('node:fs');
const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
const { dependencies, devDependencies } = read('package.json');
console.log('node ' + process.versions.node);
for (const name of Object.keys({ ...dependencies, ...devDependencies })) console.log(name + ' ' + read('node_modules/' + name + '/package.json').version);`;

const checks: SmokeChecks = {
  framework: 'express',
  versions: [{ argv: ['npm', '--version'] }, { argv: ['node', '-e', INSTALLED_VERSIONS] }],
  async check(context) {
    const api = context.client();
    const auth = bearer(await apiToken(context));

    const home = await api.get('/');
    expectStatus(home, 200, 'GET /');
    expectType(home, /text\/html/, 'GET /');
    assert.match(home.text, /<header class="site-header">/, 'the home page is rendered inside the layout');
    assert.equal(home.headers.get('x-powered-by'), null, 'no X-Powered-By');
    assert.match(home.headers.get('content-security-policy') ?? '', /default-src 'self'/, 'helmet sets a CSP');
    assert.equal(home.headers.get('x-content-type-options'), 'nosniff', 'helmet sets X-Content-Type-Options');

    const title = `Smoke test ${Date.now()}`;
    const anonymous = await api.sendJson('POST', '/api/tasks', { title });
    expectStatus(anonymous, 401, 'POST /api/tasks without the API token');
    assert.match(anonymous.headers.get('www-authenticate') ?? '', /^Bearer/, 'a 401 names the Bearer scheme');
    const created = await api.sendJson('POST', '/api/tasks', { title }, auth);
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
    assert.ok(
      (first.json as { data: Task[] }).data.some((listed) => listed.id === task.id),
      'the list holds the new task',
    );
    const second = await api.get('/api/tasks');
    expectCache(second, 'HIT', 'repeated GET /api/tasks');
    expectCache(
      await api.get('/api/tasks?utm_source=smoke&_=1'),
      'HIT',
      'GET /api/tasks with a query string it does not read',
    );
    assert.equal(second.text, first.text, 'a HIT replays the same body');
    if (context.options.cache === 'redis') {
      const keys = await redisKeys(context);
      assert.ok(
        keys.some((key) => key.endsWith(':cache:entry:/api/tasks')),
        `the cached list is in Redis (keys: ${keys.join(', ')})`,
      );
      assert.ok(
        keys.some((key) => key.endsWith(':cache:tag:tasks')),
        'its tag set is in Redis',
      );
    }
    assert.equal(await titleInDatabase(context, task.id), title, `the task is in ${String(context.options.db)}`);

    const etag = second.headers.get('etag');
    assert.ok(etag, 'GET /api/tasks has an ETag');
    const notModified = await api.get('/api/tasks', { 'if-none-match': etag });
    expectStatus(notModified, 304, 'GET /api/tasks with If-None-Match');
    assert.equal(notModified.text, '', '304 has no body');

    const updated = await api.sendJson('PATCH', `/api/tasks/${task.id}`, { done: true }, auth);
    expectStatus(updated, 200, 'PATCH the task');
    const afterWrite = await api.get('/api/tasks');
    expectCache(afterWrite, 'MISS', 'GET /api/tasks after PATCH');
    assert.notEqual(afterWrite.headers.get('etag'), etag, 'the ETag changes with the data');

    const tasksPage = await api.get('/tasks');
    expectStatus(tasksPage, 200, 'GET /tasks');
    expectType(tasksPage, /text\/html/, 'GET /tasks');
    assert.ok(tasksPage.text.includes(title), 'the tasks page lists the new task');

    const invalid = await api.sendJson('POST', '/api/tasks', { title: '' }, auth);
    expectStatus(invalid, 400, 'POST an invalid task');
    expectType(invalid, /application\/json/, 'POST an invalid task');

    // Development shows stack traces (production must not: see below).
    const malformed = await api.request('POST', '/api/tasks', {
      body: '{"title":',
      headers: { 'content-type': 'application/json', ...auth },
    });
    expectStatus(malformed, 400, 'POST malformed JSON');
    assert.match(
      (malformed.json as { error: { stack?: string } }).error.stack ?? '',
      /SyntaxError/,
      'development shows the stack',
    );

    const unknownId = '00000000-0000-4000-8000-000000000000';
    const missing = await api.get(`/api/tasks/${unknownId}`);
    expectStatus(missing, 404, 'GET an unknown task');
    expectType(missing, /application\/json/, 'GET an unknown task');
    assert.equal((missing.json as { error: { status: number } }).error.status, 404);

    const noPage = await api.get('/no/such/page');
    expectStatus(noPage, 404, 'GET an unknown page');
    expectType(noPage, /text\/html/, 'GET an unknown page');
    assert.match(noPage.text, /Page not found/);

    const deleted = await api.request('DELETE', `/api/tasks/${task.id}`, { headers: auth });
    expectStatus(deleted, 204, 'DELETE the task');
    expectStatus(await api.get(`/api/tasks/${task.id}`), 404, 'GET the deleted task');
    assert.equal(await titleInDatabase(context, task.id), '', 'the task is gone from the database');

    const keep = await api.sendJson('POST', '/api/tasks', { title: kept.title }, auth);
    expectStatus(keep, 201, 'POST the task kept for production');
    kept.id = (keep.json as { data: Task }).data.id;
  },

  production: {
    // No NODE_ENV at all: `npm start` must be production-safe by itself. TRUST_PROXY=1: as
    // behind one TLS-terminating proxy, which sets X-Forwarded-Proto. A small cache bound,
    // so the attack stage can overflow it.
    env: { TRUST_PROXY: '1', DEBUG: '', CACHE_MAX_ENTRIES: String(CACHE_BOUND) },
    start: { argv: ['{pm}', 'start'] },
    async check(context) {
      assert.equal(context.env.NODE_ENV, undefined, 'production starts without NODE_ENV');
      const api = context.client();
      const auth = bearer(await apiToken(context));
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

      const malformed = await api.request('POST', '/api/tasks', {
        body: '{"title":',
        headers: { 'content-type': 'application/json', ...auth, ...viaHttps },
      });
      expectStatus(malformed, 400, 'POST malformed JSON in production');
      expectNoStack(malformed, 'malformed JSON');
      assert.equal((malformed.json as { error: { stack?: string } }).error.stack, undefined);

      const tooLarge = await api.request('POST', '/api/tasks', {
        body: JSON.stringify({ title: 'x'.repeat(200_000) }),
        headers: { 'content-type': 'application/json', ...auth, ...viaHttps },
      });
      expectStatus(tooLarge, 413, 'POST a body over JSON_BODY_LIMIT');
      expectNoStack(tooLarge, 'too large body');

      const list = await api.get('/api/tasks', viaHttps);
      expectStatus(list, 200, 'GET /api/tasks in production');
      const titles = (list.json as { data: Task[] }).data.map((task) => task.title);
      assert.ok(
        titles.includes(kept.title),
        `the task created before the restart is still there (${String(context.options.db)})`,
      );
      assert.equal(await titleInDatabase(context, kept.id), kept.title, 'and in the database');
      expectCache(list, 'MISS', 'first list after the restart');
      expectCache(await api.get('/api/tasks', viaHttps), 'HIT', 'repeated list in production');
      responses.push(list);

      for (const response of responses) assert.deepEqual(response.headers.getSetCookie(), [], 'no Set-Cookie');
    },

    attack: {
      openapi: '/openapi.json',
      // No users, but writes need the API token (Bearer): anonymous writes get 401.
      writesNeedAuth: true,
      auth: async (context) => bearer(await apiToken(context)),
      async check(context) {
        const token = await apiToken(context);
        const auth = bearer(token);
        const seen: HttpResponse[] = [];
        const api = context.client();
        const call = async (method: string, path: string, init: Parameters<HttpClient['request']>[2] = {}) => {
          const response = await api.request(method, path, init);
          seen.push(response);
          return response;
        };
        const json = (body: unknown, headers: Record<string, string> = {}) => ({
          body: JSON.stringify(body),
          headers: { 'content-type': 'application/json', ...headers },
        });
        const listTitles = async () =>
          ((await call('GET', '/api/tasks')).json as { data: Task[] }).data.map((task) => task.title);

        const victim = (
          (await call('POST', '/api/tasks', json({ title: 'Attack target' }, auth))).json as { data: Task }
        ).data;
        const before = await listTitles();

        // Every write route, anonymous or with a forged token: 401, and nothing changes.
        const document = (await call('GET', '/openapi.json')).json as {
          paths: Record<string, Record<string, unknown>>;
        };
        const writes = Object.entries(document.paths).flatMap(([path, item]) =>
          Object.keys(item)
            .filter((method) => ['post', 'put', 'patch', 'delete'].includes(method))
            .map((method) => ({ method: method.toUpperCase(), path: path.replace('{id}', victim.id) })),
        );
        assert.deepEqual(
          writes.map((write) => write.method).sort(),
          ['DELETE', 'PATCH', 'POST'],
          'the document lists the three writes',
        );
        const forgeries: Record<string, string>[] = [
          {},
          { authorization: `Bearer ${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}` },
          { authorization: `Basic ${token}` },
          { authorization: token },
        ];
        for (const write of writes) {
          for (const headers of forgeries) {
            const response = await call(write.method, write.path, json({ title: 'Pwned', done: true }, headers));
            expectStatus(
              response,
              401,
              `${write.method} ${write.path} with ${JSON.stringify(Object.values(headers)[0]?.slice(0, 12) ?? 'no token')}`,
            );
            expectType(response, /application\/json/, 'a 401');
          }
        }
        assert.deepEqual(await listTitles(), before, 'no anonymous or forged write changed anything');

        // Bodies the API must refuse with a 4xx JSON answer and no stack.
        const bodies: [string, Parameters<HttpClient['request']>[2], number][] = [
          [
            'malformed JSON',
            { body: '{"title": "open', headers: { 'content-type': 'application/json', ...auth } },
            400,
          ],
          ['a JSON array', { body: '[1,2]', headers: { 'content-type': 'application/json', ...auth } }, 400],
          ['a NUL in the title', json({ title: 'a\u0000b' }, auth), 400],
          ['a 2 MB body', json({ title: 'x'.repeat(2_000_000) }, auth), 413],
          [
            'a form instead of JSON',
            { body: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded', ...auth } },
            415,
          ],
          [
            'a latin-1 charset',
            { body: '{"title":"x"}', headers: { 'content-type': 'application/json; charset=latin1', ...auth } },
            415,
          ],
        ];
        for (const [what, init, status] of bodies) {
          const response = await call('POST', '/api/tasks', init);
          expectStatus(response, status, `POST ${what}`);
          expectType(response, /application\/json/, `POST ${what}`);
          expectNoStack(response, `POST ${what}`);
        }

        // Reads and writes at once: once a write has answered, no read may be served older
        // data from the cache. Each round fires 20 reads around one write.
        for (let round = 0; round < 8; round++) {
          const title = `Concurrent ${round}`;
          await burst(21, (index) =>
            index === 10 ? call('POST', '/api/tasks', json({ title }, auth)) : call('GET', '/api/tasks'),
          );
          const after = await call('GET', '/api/tasks');
          assert.ok(
            (after.json as { data: Task[] }).data.some((task) => task.title === title),
            `round ${round}: the list after the burst (X-Cache ${after.headers.get('x-cache')}) holds the task written during it`,
          );
          const again = await call('GET', '/api/tasks');
          expectCache(again, 'HIT', `round ${round}: the fresh list is cached`);
          assert.equal(again.text, after.text, `round ${round}: and served as stored`);
        }

        // Cache-busting: query strings the route does not read share one entry, and more
        // URLs than the bound leave every index within it.
        expectCache(await call('GET', '/api/tasks'), 'HIT', 'the list is cached');
        for (let i = 0; i < 30; i++)
          expectCache(await call('GET', `/api/tasks?bust=${i}&utm_source=${i}`), 'HIT', `cache-busting query #${i}`);
        const ids = await burst(
          CACHE_BOUND + 10,
          async (i) =>
            ((await call('POST', '/api/tasks', json({ title: `Bound ${i}` }, auth))).json as { data: Task }).data.id,
        );
        for (const id of ids) expectStatus(await call('GET', `/api/tasks/${id}`), 200, 'GET one task');
        expectCache(await call('GET', `/api/tasks/${ids.at(-1)!}`), 'HIT', 'the task read last is cached');
        expectCache(
          await call('GET', `/api/tasks/${ids[0]!}`),
          'MISS',
          `the task read first was evicted (bound ${CACHE_BOUND})`,
        );
        if (context.options.cache === 'redis') {
          const keys = await redisKeys(context);
          const prefix = keys.find((key) => key.endsWith(':cache:lru'))?.slice(0, -'lru'.length);
          assert.ok(prefix, `the LRU index is in Redis (keys: ${keys.slice(0, 10).join(', ')})`);
          const entries = keys.filter((key) => key.startsWith(`${prefix}entry:`)).length;
          assert.ok(entries <= CACHE_BOUND, `at most ${CACHE_BOUND} cached entries in Redis, found ${entries}`);
          for (const index of ['lru', 'tag:tasks']) {
            const members = await redisMembers(context, `${prefix}${index}`);
            assert.ok(
              members > 0 && members <= CACHE_BOUND,
              `${index} holds ${members} URLs: more than none, at most ${CACHE_BOUND}`,
            );
          }
        }

        // No secret in anything the server answered.
        const secrets = [token, context.projectDir, context.env.DATABASE_URL, context.env.REDIS_URL].filter(
          (value): value is string => Boolean(value),
        );
        for (const response of seen)
          assertNoLeak(response.text + JSON.stringify([...response.headers]), secrets, `${response.status} response`);
      },
    },
  },
};

export default checks;
