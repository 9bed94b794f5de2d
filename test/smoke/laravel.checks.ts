// Laravel over real HTTP, with the queue worker run as a user runs it: a user created with
// `users:create` signs in through the session form; the Blade dashboard shows their own
// documents (and, to an admin, the queue); the JSON API takes a `users:token` bearer
// token: POST → 202 with the job left on the queue (the database's jobs table or a Redis
// list, per --queue; run inside the request with --queue sync), `queue:work` doing the
// analysis and sending the queued mail to the owner (log mailer), a job that fails
// landing in `queue:failed` and going back with `queue:retry`, a job batch, 422 JSON
// validation errors, 401 without a token, the CSRF-protected, throttled web form. With
// --db postgres the rows are read back from PostgreSQL, with --cache redis the rate
// limiter's counters from Redis.
// Then production (APP_ENV=production, APP_DEBUG=false, cached config, four PHP workers)
// behind a pretend TLS proxy: no stack traces, Secure/HttpOnly/SameSite cookies, security
// headers and HSTS, CSRF enforced, submissions throttled; and the attack stage: a burst
// of parallel wrong log-ins gets no more password checks than the limit, other users'
// documents stay 404, no e-mail address or hash in any answer.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertNoLeak, burst } from './attack.js';
import { expectStatus, formToken, type HttpClient, type HttpResponse } from './http.js';
import type { SmokeChecks, SmokeContext } from './types.js';

interface DocumentJson {
  id: number;
  status: string;
  word_count: number | null;
  keywords: string[] | null;
  failure_reason: string | null;
}

export interface Account {
  email: string;
  password: string;
  /** `Authorization: Bearer …` for the API. */
  api: Record<string, string>;
}

/** Login attempts per address and client a minute (LoginRequest::MAX_ATTEMPTS). */
const LOGIN_LIMIT = 5;

/** A user made the way the README says (`users:create`, `users:token`). */
export async function createAccount(context: SmokeContext, email: string, admin: boolean): Promise<Account> {
  const created = await context.run([
    'php',
    'artisan',
    'users:create',
    email,
    ...(admin ? ['--admin'] : []),
    '--no-interaction',
  ]);
  const password = /^Password: (\S+)$/m.exec(created.stdout)?.[1];
  assert.ok(password, `users:create printed no password: ${created.stdout}`);
  const token = (await context.run(['php', 'artisan', 'users:token', email])).stdout.trim();
  assert.match(token, /^\S{40,}$/, 'users:token prints a token');
  return { email, password, api: { authorization: `Bearer ${token}`, accept: 'application/json' } };
}

/** Signs `browser` in through the log-in form; returns the dashboard. */
async function signIn(
  browser: HttpClient,
  account: Account,
  headers: Record<string, string> = {},
): Promise<HttpResponse> {
  const form = await browser.get('/login', headers);
  expectStatus(form, 200, 'GET /login');
  const posted = await browser.postForm(
    '/login',
    { _token: formToken(form.text, '_token'), email: account.email, password: account.password },
    headers,
  );
  expectStatus(posted, 302, 'POST /login with the right password');
  assert.equal(new URL(posted.headers.get('location') ?? '', 'http://x').pathname, '/', 'signed in, to the dashboard');
  const dashboard = await browser.get('/', headers);
  expectStatus(dashboard, 200, 'GET / signed in');
  return dashboard;
}

async function fetchDocument(api: HttpClient, account: Account, id: number): Promise<DocumentJson> {
  const response = await api.get(`/api/documents/${id}`, account.api);
  expectStatus(response, 200, `GET /api/documents/${id}`);
  return (response.json as { data: DocumentJson }).data;
}

function runsInline(context: SmokeContext): boolean {
  return context.options.queue === 'sync';
}

async function submit(
  context: SmokeContext,
  api: HttpClient,
  account: Account,
  document: Record<string, unknown>,
): Promise<DocumentJson> {
  const response = await api.sendJson('POST', '/api/documents', document, account.api);
  expectStatus(response, 202, 'POST /api/documents');
  const created = (response.json as { data: DocumentJson }).data;
  if (runsInline(context)) assert.notEqual(created.status, 'queued', 'the sync queue ran the job inside the request');
  else assert.equal(created.status, 'queued', 'answered before any work is done');
  assert.match(response.headers.get('location') ?? '', new RegExp(`/api/documents/${created.id}$`), 'Location header');
  return created;
}

async function redis(context: SmokeContext, ...args: string[]): Promise<string> {
  return (await context.run(['redis-cli', '-u', context.env.REDIS_URL!, ...args])).stdout.trim();
}

/** Keys of the app's Redis database matching `pattern`. */
async function redisKeys(context: SmokeContext, pattern: string): Promise<string[]> {
  return (await redis(context, '--scan', '--pattern', pattern)).split('\n').filter(Boolean);
}

/** With --queue redis: the one waiting job is a payload in the `queues:default` list (under the app's key prefix). */
async function expectJobInRedis(context: SmokeContext, job: RegExp) {
  const [list] = await redisKeys(context, '*queues:default');
  assert.ok(list, `no queues:default list in Redis at ${context.env.REDIS_URL}`);
  assert.equal(Number(await redis(context, 'LLEN', list)), 1, `${list} holds the waiting job`);
  assert.match(await redis(context, 'LINDEX', list, '0'), job, `the payload in ${list}`);
}

/** With --db postgres: the document is a row in PostgreSQL. */
async function expectRowInPostgres(context: SmokeContext, id: number, status: string) {
  const { stdout } = await context.run([
    'psql',
    context.env.DATABASE_URL!,
    '-tAc',
    `SELECT status FROM documents WHERE id = ${Number(id)}`,
  ]);
  assert.equal(stdout.trim(), status, `document ${id} in PostgreSQL`);
}

/** Runs the worker until the queue is empty, as `php artisan queue:work` would. */
function drainQueue(context: SmokeContext) {
  return context.run(['php', 'artisan', 'queue:work', '--stop-when-empty', '--sleep=0']);
}

/** The worker's part with a real queue: one pass, then everything left. */
async function queueFlow(
  context: SmokeContext,
  api: HttpClient,
  admin: HttpClient,
  account: Account,
  created: DocumentJson,
  title: string,
) {
  assert.equal((await fetchDocument(api, account, created.id)).status, 'queued', 'nothing runs without a worker');
  if (context.options.queue === 'redis') await expectJobInRedis(context, /AnalyzeDocument/);
  assert.match((await admin.get('/')).text, /Waiting or running \(1\)/, 'the dashboard lists the waiting job');

  // One job: the analysis. It queues the mail, which the next pass sends.
  await context.run(['php', 'artisan', 'queue:work', '--once', '--stop-when-empty']);
  expectAnalyzed(await fetchDocument(api, account, created.id));
  if (context.options.queue === 'redis') await expectJobInRedis(context, /DocumentAnalyzed/); // the queued mail
  await drainQueue(context);
  await expectMailLogged(context, title, account.email);
}

function expectAnalyzed(document: DocumentJson) {
  assert.equal(document.status, 'analyzed');
  assert.equal(document.word_count, 12);
  assert.deepEqual(document.keywords, ['queues', 'work', 'keep', 'slow', 'requests']);
}

async function expectMailLogged(context: SmokeContext, title: string, to: string) {
  const log = await readFile(join(context.projectDir, 'storage/logs/laravel.log'), 'utf8');
  assert.ok(log.includes(`Subject: Analysed: ${title}`), 'the queued mail went to the log mailer');
  assert.ok(
    log.split('\n').some((line) => line.startsWith('To: ') && line.includes(`<${to}>`)),
    "the mail is addressed to the document's owner",
  );
}

/** A text without words fails for good, lands in failed_jobs, and queue:retry puts it back. */
async function failedJobFlow(
  context: SmokeContext,
  api: HttpClient,
  admin: HttpClient,
  account: Account,
  broken: DocumentJson,
) {
  await drainQueue(context);
  const failed = await fetchDocument(api, account, broken.id);
  assert.equal(failed.status, 'failed');
  assert.match(failed.failure_reason ?? '', /no words/);
  const failedList = await context.run(['php', 'artisan', 'queue:failed']);
  assert.match(failedList.stdout, /AnalyzeDocument/, 'queue:failed lists the job');
  assert.match((await admin.get('/')).text, /Failed \(1\)/, 'the dashboard shows the failed job');

  const retried = await context.run(['php', 'artisan', 'queue:retry', 'all']);
  assert.match(retried.stdout, /Pushing failed queue jobs back onto the queue/);
  assert.doesNotMatch(
    (await context.run(['php', 'artisan', 'queue:failed'])).stdout,
    /AnalyzeDocument/,
    'the retried job left failed_jobs',
  );
  assert.match((await admin.get('/')).text, /Waiting or running \(1\)/, 'the retried job waits on the queue again');
  await drainQueue(context);
  assert.match(
    (await context.run(['php', 'artisan', 'queue:failed'])).stdout,
    /AnalyzeDocument/,
    'it fails again: the text is unchanged',
  );
}

/** The Set-Cookie line of the cookie whose name matches `name`. */
function cookieLine(response: HttpResponse, name: RegExp, what: string): string {
  const lines = response.headers.getSetCookie();
  const line = lines.find((candidate) => name.test(candidate.slice(0, candidate.indexOf('='))));
  assert.ok(line, `${what}: no cookie ${name} in ${JSON.stringify(lines)}`);
  return line;
}

function cookieAttributes(line: string): Set<string> {
  return new Set(
    line
      .split(';')
      .slice(1)
      .map((part) => part.trim().toLowerCase()),
  );
}

/** Laravel's debug output (Symfony's exception page, or JSON with the trace). */
function expectNoStackTrace(response: HttpResponse, what: string) {
  for (const marker of [
    'Stack trace',
    'HttpException',
    'Symfony\\Component',
    '/Illuminate/',
    'vendor/',
    '"trace"',
    '"file"',
  ]) {
    assert.ok(
      !response.text.includes(marker),
      `${what}: the answer shows debug information (${marker}): ${response.text.slice(0, 400)}`,
    );
  }
}

const HTTPS = { 'x-forwarded-proto': 'https' };
const SESSION_COOKIE = /_session$/;

/** The accounts the production checks made, for the attack stage after them. */
let productionAccounts: { owner: Account; other: Account; documentId: number } | undefined;

const checks: SmokeChecks = {
  framework: 'laravel',
  versions: [{ argv: ['php', 'artisan', '--version'] }, { argv: ['vendor/bin/phpunit', '--version'] }],
  async check(context) {
    const api = context.client();

    expectStatus(await api.get('/up'), 200, 'GET /up (the health route)');
    const guest = await api.get('/');
    expectStatus(guest, 302, 'GET / signed out');
    assert.match(guest.headers.get('location') ?? '', /\/login$/, 'guests are sent to the log-in form');

    const owner = await createAccount(context, 'smoke@example.com', true);
    const admin = context.client();
    const home = await signIn(admin, owner);
    assert.match(home.headers.get('content-type') ?? '', /text\/html/);
    assert.match(home.text, /<title>Dashboard · /, 'the Blade layout renders the page title');
    assert.match(home.text, /Analyse a text/);
    assert.match(home.text, /No failed jobs\./, 'an admin sees the queue panel');
    assert.equal(home.headers.get('x-content-type-options'), 'nosniff');

    // The API needs a token: anonymous writes are refused.
    const anonymous = await context
      .client()
      .sendJson('POST', '/api/documents', { title: 'Anonymous', body: 'Some words.' });
    expectStatus(anonymous, 401, 'POST /api/documents without a token');

    // Accepted at once; the work waits for a worker (or ran inline with --queue sync).
    const title = `Smoke ${Date.now()}`;
    const created = await submit(context, api, owner, {
      title,
      body: 'Queues keep slow work out of requests. Queues retry work that fails.',
      notify: true,
    });
    if (runsInline(context)) {
      expectAnalyzed(created);
      await expectMailLogged(context, title, owner.email);
      assert.match((await admin.get('/')).text, /nothing waits for a worker/, 'the dashboard says jobs run inline');
    } else {
      await queueFlow(context, api, admin, owner, created, title);
    }
    if (context.options.db === 'postgres') await expectRowInPostgres(context, created.id, 'analyzed');

    const page = await admin.get(`/documents/${created.id}`);
    expectStatus(page, 200, 'GET /documents/{id}');
    assert.match(page.text, /status-analyzed/);

    const broken = await submit(context, api, owner, { title: 'No words', body: '... --- ?!' });
    if (runsInline(context)) {
      assert.equal(broken.status, 'failed', 'the sync job failed inside the request');
      assert.match(broken.failure_reason ?? '', /no words/);
    } else {
      await failedJobFlow(context, api, admin, owner, broken);
    }

    // A batch over every document: the worker runs it, the dashboard shows its progress.
    const batch = await context.run(['php', 'artisan', 'documents:reanalyze']);
    assert.match(batch.stdout, /Queued 2 document\(s\) for analysis\./);
    if (!runsInline(context)) await drainQueue(context);
    const dashboard = (await admin.get('/')).text;
    assert.match(dashboard, /Re-analyse 2 document\(s\)/, 'the dashboard lists the batch');
    assert.match(dashboard, /1 of 2 done \(50%\),\s+1 failed/, 'the batch counts the analysed and the failed document');
    assert.equal(
      (await fetchDocument(api, owner, created.id)).status,
      'analyzed',
      'the batch analysed the document again',
    );

    // Another user sees none of it.
    const other = await createAccount(context, 'other@example.com', false);
    const otherBrowser = context.client();
    const otherHome = await signIn(otherBrowser, other);
    assert.ok(!otherHome.text.includes(title), 'another user does not see the document');
    assert.ok(!otherHome.text.includes('No failed jobs.'), 'the queue panel is for admins');
    expectStatus(await otherBrowser.get(`/documents/${created.id}`), 404, "another user's document page");
    expectStatus(await api.get(`/api/documents/${created.id}`, other.api), 404, "another user's document in the API");
    const otherList = await api.get('/api/documents', other.api);
    expectStatus(otherList, 200, 'GET /api/documents as another user');
    assert.equal((otherList.json as { meta: { total: number } }).meta.total, 0, 'another user lists no document');

    // Validation: 422 with the errors as JSON.
    const invalid = await api.sendJson('POST', '/api/documents', { title: '', notify: 'nope' }, owner.api);
    expectStatus(invalid, 422, 'POST /api/documents with invalid input');
    const errors = (invalid.json as { errors: Record<string, string[]> }).errors;
    assert.deepEqual(Object.keys(errors).sort(), ['body', 'notify', 'title']);

    // The rate limiter counts every API request in the cache store: Redis with --cache redis
    // (Laravel 11+: the cache prefix is followed by the key, no ":").
    if (context.options.cache === 'redis') {
      const counters = await redisKeys(context, '*-cache-*');
      assert.ok(counters.length > 0, `no rate limiter counter in Redis at ${context.env.REDIS_URL}`);
    }

    // Debug mode (APP_DEBUG=true in .env) shows the trace: production must not.
    const debugError = await api.sendJson('DELETE', '/api/documents', {});
    expectStatus(debugError, 405, 'DELETE /api/documents');
    assert.ok('trace' in (debugError.json as object), 'development errors carry the trace');

    // The web form: CSRF-protected, redirects back with a flash message.
    const rejected = await context.client().postForm('/documents', { title: 'No token', body: 'Some words.' });
    expectStatus(rejected, 419, 'POST /documents without a CSRF token');
    const form = await admin.get('/');
    const posted = await admin.postForm('/documents', {
      _token: formToken(form.text, '_token'),
      title: 'From the form',
      body: 'Typed into the dashboard.',
    });
    expectStatus(posted, 302, 'POST /documents');
    assert.equal(
      new URL(posted.headers.get('location') ?? '', context.baseUrl).pathname,
      '/',
      'redirects to the dashboard',
    );
    const after = await admin.get('/');
    assert.match(
      after.text,
      runsInline(context) ? /was analysed at once: analyzed\./ : /is queued\. Run a worker to analyse it\./,
      'the flash message is shown once',
    );
    assert.match(after.text, /From the form/);

    const openapi = await api.get('/openapi.json');
    expectStatus(openapi, 200, 'GET /openapi.json');
    assert.equal((openapi.json as { openapi: string }).openapi, '3.1.0');
  },

  production: {
    env: {
      APP_ENV: 'production',
      APP_DEBUG: 'false',
      LOG_LEVEL: 'warning',
      // The harness connects from 127.0.0.1, like a TLS-terminating proxy on the same host.
      TRUSTED_PROXIES: '127.0.0.1',
      // Several PHP processes answer at once, as Apache's do in the image.
      PHP_CLI_SERVER_WORKERS: '4',
    },
    // What a deploy runs (the Dockerfile's entrypoint too); the cached config holds this env.
    prepare: [
      { argv: ['php', 'artisan', 'config:cache'] },
      { argv: ['php', 'artisan', 'route:cache'] },
      { argv: ['php', 'artisan', 'view:cache'] },
      { argv: ['php', 'artisan', 'queue:restart'] },
    ],
    // PHP_CLI_SERVER_WORKERS needs --no-reload.
    start: { argv: ['php', 'artisan', 'serve', '--host=127.0.0.1', '--port={port}', '--no-reload'] },
    async check(context) {
      const owner = await createAccount(context, `prod-${Date.now()}@example.com`, false);
      const other = await createAccount(context, `prod-other-${Date.now()}@example.com`, false);
      const browser = context.client();

      // Over HTTPS (as the proxy reports it): HSTS, Secure cookies.
      const login = await browser.get('/login', HTTPS);
      expectStatus(login, 200, 'GET /login over HTTPS');
      assert.equal(login.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(login.headers.get('x-frame-options'), 'DENY');
      assert.match(
        login.headers.get('content-security-policy') ?? '',
        /default-src 'self'/,
        'a Content-Security-Policy',
      );
      assert.match(login.headers.get('strict-transport-security') ?? '', /max-age=\d{7,}/, 'HSTS over HTTPS');
      const session = cookieAttributes(cookieLine(login, SESSION_COOKIE, 'session over HTTPS'));
      for (const flag of ['secure', 'httponly', 'samesite=lax'])
        assert.ok(session.has(flag), `session cookie: ${flag} (${[...session]})`);
      const xsrf = cookieAttributes(cookieLine(login, /^XSRF-TOKEN$/, 'XSRF-TOKEN over HTTPS'));
      for (const flag of ['secure', 'samesite=lax'])
        assert.ok(xsrf.has(flag), `XSRF-TOKEN cookie: ${flag} (${[...xsrf]})`);
      const home = await signIn(browser, owner, HTTPS);

      // Over plain HTTP: no HSTS, and the cookies are not promised to HTTPS only.
      const plain = await context.client().get('/login');
      assert.equal(plain.headers.get('strict-transport-security'), null, 'no HSTS over plain HTTP');
      assert.ok(
        !cookieAttributes(cookieLine(plain, SESSION_COOKIE, 'session over HTTP')).has('secure'),
        'Secure follows the request',
      );

      // Errors: generic pages and JSON, no trace.
      const missing = await browser.get('/no-such-page', HTTPS);
      expectStatus(missing, 404, 'GET /no-such-page');
      expectNoStackTrace(missing, 'GET /no-such-page');
      assert.equal(missing.headers.get('x-frame-options'), 'DENY', 'error pages get the headers too');
      const wrongMethod = await browser.request('PUT', '/login', { headers: HTTPS });
      expectStatus(wrongMethod, 405, 'PUT /login');
      expectNoStackTrace(wrongMethod, 'PUT /login');
      const apiError = await browser.sendJson('DELETE', '/api/documents', {}, HTTPS);
      expectStatus(apiError, 405, 'DELETE /api/documents');
      assert.deepEqual(
        Object.keys(apiError.json as object),
        ['message'],
        'a production JSON error is only its message',
      );

      // CSRF: the form needs its token.
      const rejected = await context.client().postForm('/documents', { title: 'No token', body: 'Some words.' }, HTTPS);
      expectStatus(rejected, 419, 'POST /documents without a CSRF token');
      expectNoStackTrace(rejected, 'the 419 page');
      const posted = await browser.postForm(
        '/documents',
        { _token: formToken(home.text, '_token'), title: 'Over HTTPS', body: 'Sent through the proxy.' },
        HTTPS,
      );
      expectStatus(posted, 302, 'POST /documents with the token');

      // Submissions: throttled per user, the form and the API together (invalid ones
      // count too, so nothing more is queued here). The form used one already.
      const api = context.client();
      let answer: HttpResponse | undefined;
      for (let attempt = 2; attempt <= 11; attempt++) {
        answer = await api.sendJson('POST', '/api/documents', { title: '' }, { ...owner.api, ...HTTPS });
        if (answer.status === 429) break;
        expectStatus(answer, 422, `POST /api/documents #${attempt}`);
      }
      expectStatus(answer!, 429, 'POST /api/documents past the limit');
      assert.match(answer!.headers.get('retry-after') ?? '', /^\d+$/, '429 says when to retry');
      const list = await api.get('/api/documents', { ...owner.api, ...HTTPS });
      expectStatus(list, 200, 'reading is not throttled by the submission limit');
      const [first] = (list.json as { data: DocumentJson[] }).data;
      assert.ok(first, 'the form post is listed');
      productionAccounts = { owner, other, documentId: first.id };
    },

    attack: {
      openapi: '/openapi.json',
      writesNeedAuth: true,
      // `php artisan serve` (PHP's built-in server) answers 501 for methods it does not
      // know, before Laravel runs; behind Apache (the image) Laravel answers 405.
      serverRefuses: ['QUERY'],
      async auth() {
        assert.ok(productionAccounts, 'the production checks made the accounts');
        const { authorization } = productionAccounts.other.api;
        return { authorization: authorization! };
      },
      async check(context) {
        assert.ok(productionAccounts, 'the production checks made the accounts');
        const { owner, other, documentId } = productionAccounts;

        // 40 wrong passwords at once for one address, over four PHP workers: each attempt
        // is counted before its password is checked, so at most LOGIN_LIMIT get past the
        // throttle (302 back to the form); every other one is refused with 429.
        const attempts = await burst(40, async () => {
          const attacker = context.client();
          const form = await attacker.get('/login');
          return attacker.postForm('/login', {
            _token: formToken(form.text, '_token'),
            email: owner.email,
            password: 'a wrong guess',
          });
        });
        const statuses = attempts.map((response) => response.status);
        const checked = statuses.filter((status) => status !== 429);
        assert.ok(
          checked.length <= LOGIN_LIMIT,
          `${checked.length} of 40 parallel wrong log-ins got past the throttle (limit ${LOGIN_LIMIT}): ${statuses.join(' ')}`,
        );
        assert.ok(
          checked.every((status) => status === 302),
          `wrong passwords go back to the form: ${statuses.join(' ')}`,
        );
        for (const response of attempts) assertNoLeak(response.text, [owner.email], 'a refused log-in');
        // The right password is refused too while the address is locked.
        const locked = context.client();
        const form = await locked.get('/login');
        expectStatus(
          await locked.postForm('/login', {
            _token: formToken(form.text, '_token'),
            email: owner.email,
            password: owner.password,
          }),
          429,
          'the right password while locked',
        );

        // A forged form post (no token, another site) is refused even for a signed-in user.
        const victim = context.client();
        await signIn(victim, other);
        const forged = await victim.postForm(
          '/documents',
          { title: 'Forged', body: 'Posted by another site.' },
          { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
        );
        expectStatus(forged, 419, 'a cross-site form post without the token');

        // Another user's document does not exist for them, by page or by API, and no
        // answer names anyone's address.
        expectStatus(await victim.get(`/documents/${documentId}`), 404, "another user's document page");
        const foreign = await context.client().get(`/api/documents/${documentId}`, other.api);
        expectStatus(foreign, 404, "another user's document in the API");
        const own = await context.client().get('/api/documents', owner.api);
        expectStatus(own, 200, 'GET /api/documents with a token');
        assertNoLeak(own.text, [owner.email, other.email], 'GET /api/documents');
        const spec = await context.client().get('/openapi.json');
        assertNoLeak(spec.text, [owner.email, other.email], 'GET /openapi.json');
      },
    },
  },
};

export default checks;
