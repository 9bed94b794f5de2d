// Laravel over real HTTP, with the queue worker run as a user runs it: the Blade
// dashboard, POST → 202 with the job left on the queue (the database's jobs table or a
// Redis list, per --queue; run inside the request with --queue sync), `queue:work` doing
// the analysis and sending the queued mail (log mailer), a job that fails landing in
// `queue:failed` and going back with `queue:retry`, a job batch, 422 JSON validation
// errors, and the CSRF-protected web form. With --db postgres the rows are read back
// from PostgreSQL, with --cache redis the rate limiter's counters from Redis.
// Then production (APP_ENV=production, APP_DEBUG=false, cached config) behind a pretend
// TLS proxy: no stack traces, Secure/HttpOnly/SameSite cookies, security headers and
// HSTS, CSRF enforced, API submissions throttled.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expectStatus, formToken, type HttpClient, type HttpResponse } from './http.js';
import type { SmokeChecks, SmokeContext } from './types.js';

interface DocumentJson {
  id: number;
  status: string;
  word_count: number | null;
  keywords: string[] | null;
  failure_reason: string | null;
}

async function fetchDocument(api: HttpClient, id: number): Promise<DocumentJson> {
  const response = await api.get(`/api/documents/${id}`, { accept: 'application/json' });
  expectStatus(response, 200, `GET /api/documents/${id}`);
  return (response.json as { data: DocumentJson }).data;
}

function runsInline(context: SmokeContext): boolean {
  return context.options.queue === 'sync';
}

async function submit(context: SmokeContext, api: HttpClient, document: Record<string, string>): Promise<DocumentJson> {
  const response = await api.sendJson('POST', '/api/documents', document);
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
  const { stdout } = await context.run(['psql', context.env.DATABASE_URL!, '-tAc', `SELECT status FROM documents WHERE id = ${Number(id)}`]);
  assert.equal(stdout.trim(), status, `document ${id} in PostgreSQL`);
}

/** Runs the worker until the queue is empty, as `php artisan queue:work` would. */
function drainQueue(context: SmokeContext) {
  return context.run(['php', 'artisan', 'queue:work', '--stop-when-empty']);
}

/** The worker's part with a real queue: one pass, then everything left. */
async function queueFlow(context: SmokeContext, api: HttpClient, created: DocumentJson, title: string) {
  assert.equal((await fetchDocument(api, created.id)).status, 'queued', 'nothing runs without a worker');
  if (context.options.queue === 'redis') await expectJobInRedis(context, /AnalyzeDocument/);
  assert.match((await api.get('/')).text, /Waiting or running \(1\)/, 'the dashboard lists the waiting job');

  // One job: the analysis. It queues the mail, which the next pass sends.
  await context.run(['php', 'artisan', 'queue:work', '--once', '--stop-when-empty']);
  expectAnalyzed(await fetchDocument(api, created.id));
  if (context.options.queue === 'redis') await expectJobInRedis(context, /DocumentAnalyzed/); // the queued mail
  await drainQueue(context);
  await expectMailLogged(context, title);
}

function expectAnalyzed(document: DocumentJson) {
  assert.equal(document.status, 'analyzed');
  assert.equal(document.word_count, 12);
  assert.deepEqual(document.keywords, ['queues', 'work', 'keep', 'slow', 'requests']);
}

async function expectMailLogged(context: SmokeContext, title: string) {
  const log = await readFile(join(context.projectDir, 'storage/logs/laravel.log'), 'utf8');
  assert.ok(log.includes(`Subject: Analysed: ${title}`), 'the queued mail went to the log mailer');
  assert.ok(log.includes('To: smoke@example.com'), 'the mail is addressed to the submitter');
}

/** A text without words fails for good, lands in failed_jobs, and queue:retry puts it back. */
async function failedJobFlow(context: SmokeContext, api: HttpClient, broken: DocumentJson) {
  await drainQueue(context);
  const failed = await fetchDocument(api, broken.id);
  assert.equal(failed.status, 'failed');
  assert.match(failed.failure_reason ?? '', /no words/);
  const failedList = await context.run(['php', 'artisan', 'queue:failed']);
  assert.match(failedList.stdout, /AnalyzeDocument/, 'queue:failed lists the job');
  assert.match((await api.get('/')).text, /Failed \(1\)/, 'the dashboard shows the failed job');

  const retried = await context.run(['php', 'artisan', 'queue:retry', 'all']);
  assert.match(retried.stdout, /pushed back onto the queue|retry/i);
  assert.doesNotMatch((await context.run(['php', 'artisan', 'queue:failed'])).stdout, /AnalyzeDocument/, 'the retried job left failed_jobs');
  assert.match((await api.get('/')).text, /Waiting or running \(1\)/, 'the retried job waits on the queue again');
  await drainQueue(context);
  assert.match((await context.run(['php', 'artisan', 'queue:failed'])).stdout, /AnalyzeDocument/, 'it fails again: the text is unchanged');
}

/** The Set-Cookie line of the cookie whose name matches `name`. */
function cookieLine(response: HttpResponse, name: RegExp, what: string): string {
  const lines = response.headers.getSetCookie();
  const line = lines.find((candidate) => name.test(candidate.slice(0, candidate.indexOf('='))));
  assert.ok(line, `${what}: no cookie ${name} in ${JSON.stringify(lines)}`);
  return line;
}

function cookieAttributes(line: string): Set<string> {
  return new Set(line.split(';').slice(1).map((part) => part.trim().toLowerCase()));
}

/** Laravel's debug output (Symfony's exception page, or JSON with the trace). */
function expectNoStackTrace(response: HttpResponse, what: string) {
  for (const marker of ['Stack trace', 'HttpException', 'Symfony\\Component', '/Illuminate/', 'vendor/', '"trace"', '"file"']) {
    assert.ok(!response.text.includes(marker), `${what}: the answer shows debug information (${marker}): ${response.text.slice(0, 400)}`);
  }
}

const HTTPS = { 'x-forwarded-proto': 'https' };
const SESSION_COOKIE = /_session$/;

const checks: SmokeChecks = {
  framework: 'laravel',
  async check(context) {
    const api = context.client();

    const home = await api.get('/');
    expectStatus(home, 200, 'GET /');
    assert.match(home.headers.get('content-type') ?? '', /text\/html/);
    assert.match(home.text, /<title>Dashboard · /, 'the Blade layout renders the page title');
    assert.match(home.text, /Analyse a text/);
    assert.match(home.text, /No failed jobs\./);
    assert.equal(home.headers.get('x-content-type-options'), 'nosniff');

    // Accepted at once; the work waits for a worker (or ran inline with --queue sync).
    const title = `Smoke ${Date.now()}`;
    const created = await submit(context, api, {
      title,
      body: 'Queues keep slow work out of requests. Queues retry work that fails.',
      notify_email: 'smoke@example.com',
    });
    if (runsInline(context)) {
      expectAnalyzed(created);
      await expectMailLogged(context, title);
      assert.match((await api.get('/')).text, /nothing waits for a worker/, 'the dashboard says jobs run inline');
    } else {
      await queueFlow(context, api, created, title);
    }
    if (context.options.db === 'postgres') await expectRowInPostgres(context, created.id, 'analyzed');

    const page = await api.get(`/documents/${created.id}`);
    expectStatus(page, 200, 'GET /documents/{id}');
    assert.match(page.text, /status-analyzed/);

    const broken = await submit(context, api, { title: 'No words', body: '... --- ?!' });
    if (runsInline(context)) {
      assert.equal(broken.status, 'failed', 'the sync job failed inside the request');
      assert.match(broken.failure_reason ?? '', /no words/);
    } else {
      await failedJobFlow(context, api, broken);
    }

    // A batch over every document: the worker runs it, the dashboard shows its progress.
    const batch = await context.run(['php', 'artisan', 'documents:reanalyze']);
    assert.match(batch.stdout, /Queued 2 document\(s\) for analysis\./);
    if (!runsInline(context)) await drainQueue(context);
    const dashboard = (await api.get('/')).text;
    assert.match(dashboard, /Re-analyse 2 document\(s\)/, 'the dashboard lists the batch');
    assert.match(dashboard, /1 of 2 done \(50%\),\s+1 failed/, 'the batch counts the analysed and the failed document');
    assert.equal((await fetchDocument(api, created.id)).status, 'analyzed', 'the batch analysed the document again');

    // Validation: 422 with the errors as JSON.
    const invalid = await api.sendJson('POST', '/api/documents', { title: '', notify_email: 'nope' });
    expectStatus(invalid, 422, 'POST /api/documents with invalid input');
    const errors = (invalid.json as { errors: Record<string, string[]> }).errors;
    assert.deepEqual(Object.keys(errors).sort(), ['body', 'notify_email', 'title']);

    // The rate limiter counts every API request in the cache store: Redis with --cache redis.
    if (context.options.cache === 'redis') {
      const counters = await redisKeys(context, '*_cache_:*');
      assert.ok(counters.length > 0, `no rate limiter counter in Redis at ${context.env.REDIS_URL}`);
    }

    // Debug mode (APP_DEBUG=true in .env) shows the trace: production must not.
    const debugError = await api.sendJson('DELETE', '/api/documents', {});
    expectStatus(debugError, 405, 'DELETE /api/documents');
    assert.ok('trace' in (debugError.json as object), 'development errors carry the trace');

    // The web form: CSRF-protected, redirects back with a flash message.
    const browser = context.client();
    const form = await browser.get('/');
    const token = formToken(form.text, '_token');
    const rejected = await context.client().postForm('/documents', { title: 'No token', body: 'Some words.' });
    expectStatus(rejected, 419, 'POST /documents without a CSRF token');
    const posted = await browser.postForm('/documents', { _token: token, title: 'From the form', body: 'Typed into the dashboard.' });
    expectStatus(posted, 302, 'POST /documents');
    assert.equal(new URL(posted.headers.get('location') ?? '', context.baseUrl).pathname, '/', 'redirects to the dashboard');
    const after = await browser.get('/');
    assert.match(
      after.text,
      runsInline(context) ? /was analysed at once: analyzed\./ : /is queued\. Run a worker to analyse it\./,
      'the flash message is shown once',
    );
    assert.match(after.text, /From the form/);
  },

  production: {
    env: {
      APP_ENV: 'production',
      APP_DEBUG: 'false',
      LOG_LEVEL: 'warning',
      // The harness connects from 127.0.0.1, like a TLS-terminating proxy on the same host.
      TRUSTED_PROXIES: '127.0.0.1',
    },
    // What a deploy runs (the Dockerfile's entrypoint too); the cached config holds this env.
    prepare: [
      { argv: ['php', 'artisan', 'config:cache'] },
      { argv: ['php', 'artisan', 'route:cache'] },
      { argv: ['php', 'artisan', 'view:cache'] },
    ],
    async check(context) {
      const browser = context.client();

      // Over HTTPS (as the proxy reports it): HSTS, Secure cookies.
      const home = await browser.get('/', HTTPS);
      expectStatus(home, 200, 'GET / over HTTPS');
      assert.equal(home.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(home.headers.get('x-frame-options'), 'DENY');
      assert.match(home.headers.get('strict-transport-security') ?? '', /max-age=\d{7,}/, 'HSTS over HTTPS');
      const session = cookieAttributes(cookieLine(home, SESSION_COOKIE, 'session over HTTPS'));
      for (const flag of ['secure', 'httponly', 'samesite=lax']) assert.ok(session.has(flag), `session cookie: ${flag} (${[...session]})`);
      const xsrf = cookieAttributes(cookieLine(home, /^XSRF-TOKEN$/, 'XSRF-TOKEN over HTTPS'));
      for (const flag of ['secure', 'samesite=lax']) assert.ok(xsrf.has(flag), `XSRF-TOKEN cookie: ${flag} (${[...xsrf]})`);

      // Over plain HTTP: no HSTS, and the cookies are not promised to HTTPS only.
      const plain = await context.client().get('/');
      assert.equal(plain.headers.get('strict-transport-security'), null, 'no HSTS over plain HTTP');
      assert.ok(!cookieAttributes(cookieLine(plain, SESSION_COOKIE, 'session over HTTP')).has('secure'), 'Secure follows the request');

      // Errors: generic pages and JSON, no trace.
      const missing = await browser.get('/no-such-page', HTTPS);
      expectStatus(missing, 404, 'GET /no-such-page');
      expectNoStackTrace(missing, 'GET /no-such-page');
      assert.equal(missing.headers.get('x-frame-options'), 'DENY', 'error pages get the headers too');
      const wrongMethod = await browser.request('PUT', '/', { headers: HTTPS });
      expectStatus(wrongMethod, 405, 'PUT /');
      expectNoStackTrace(wrongMethod, 'PUT /');
      const apiError = await browser.sendJson('DELETE', '/api/documents', {}, HTTPS);
      expectStatus(apiError, 405, 'DELETE /api/documents');
      assert.deepEqual(Object.keys(apiError.json as object), ['message'], 'a production JSON error is only its message');

      // CSRF: the form needs its token.
      const rejected = await context.client().postForm('/documents', { title: 'No token', body: 'Some words.' }, HTTPS);
      expectStatus(rejected, 419, 'POST /documents without a CSRF token');
      expectNoStackTrace(rejected, 'the 419 page');
      const posted = await browser.postForm('/documents', { _token: formToken(home.text, '_token'), title: 'Over HTTPS', body: 'Sent through the proxy.' }, HTTPS);
      expectStatus(posted, 302, 'POST /documents with the token');

      // Submissions through the API: throttled (invalid ones count too, so nothing is queued here).
      const api = context.client();
      let answer: HttpResponse | undefined;
      for (let attempt = 1; attempt <= 11; attempt++) {
        answer = await api.sendJson('POST', '/api/documents', { title: '' }, HTTPS);
        if (answer.status === 429) break;
        expectStatus(answer, 422, `POST /api/documents #${attempt}`);
      }
      expectStatus(answer!, 429, 'POST /api/documents past the limit');
      assert.match(answer!.headers.get('retry-after') ?? '', /^\d+$/, '429 says when to retry');
      expectStatus(await api.get('/api/documents', { accept: 'application/json', ...HTTPS }), 200, 'reading is not throttled by the submission limit');
    },
  },
};

export default checks;
