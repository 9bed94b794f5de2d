// Rails over real HTTP: the versioned articles API addressed by slug, token-authenticated
// writes (tokens from the project's own rake task), its JSON errors for malformed input,
// pagination, the CORS preflight for the origin CORS_ORIGINS allows, the health check,
// the OpenAPI document, CacheArticleJob and the articles:reslug task; with --db postgres
// the rows are in PostgreSQL, with --cache redis the cached article JSON is in Redis.
// Then production: JSON errors without details, HSTS and https URLs (assume_ssl +
// force_ssl, as Rails 8 generates them), security headers; and the attack stage: bursts
// past the write limit, anonymous writes, malformed and oversized bodies, no token or
// digest in any response.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertNoLeak, burst } from './attack.js';
import { expectStatus, type HttpClient, type HttpResponse } from './http.js';
import type { SmokeChecks, SmokeContext } from './types.js';

const FRONTEND = 'https://frontend.example';
/** Api::V1::ArticlesController::WRITES_PER_MINUTE */
const WRITES_PER_MINUTE = 20;

interface Article {
  slug: string;
  title: string;
  path: string;
}

function expectJson(response: HttpResponse, what: string): void {
  assert.match(response.headers.get('content-type') ?? '', /application\/json/, `${what}: JSON content type`);
}

function expectJsonError(response: HttpResponse, status: number, what: string): void {
  expectStatus(response, status, what);
  expectJson(response, what);
  assert.equal(typeof (response.json as { error?: unknown }).error, 'string', `${what}: {"error": "..."}`);
}

/** Issues an API token with the project's rake task (in the environment of `context`). */
export async function issueToken({ run }: SmokeContext, name: string): Promise<string> {
  const { stdout } = await run(['bin/rails', `api_tokens:create[${name}]`]);
  const token = stdout.trim().split('\n').pop() ?? '';
  assert.match(token, /^[1-9A-HJ-NP-Za-km-z]{24}$/, `api_tokens:create prints a 24-character token: ${stdout}`);
  return token;
}

/** Polls `probe` for up to 10 s: jobs run after the response, in the server's thread pool. */
async function eventually(probe: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt++) {
    if (await probe()) return;
    await sleep(250);
  }
  assert.fail(what);
}

/** Rails.cache's entries for articles (keys "<namespace>:articles/<id>") that hold `title`. */
async function cachedInRedis({ env, run }: SmokeContext, environment: string, title: string): Promise<boolean> {
  const keys = (
    await run(['redis-cli', '-u', env.REDIS_URL!, '--scan', '--pattern', `*-${environment}:articles/*`])
  ).stdout
    .split('\n')
    .filter(Boolean);
  const values = await Promise.all(
    keys.map(async (key) => (await run(['redis-cli', '-u', env.REDIS_URL!, 'GET', key])).stdout),
  );
  return values.some((value) => value.includes(title));
}

/** Headers Rails sends with every response (action_dispatch.default_headers). */
function expectSecurityHeaders(response: HttpResponse, what: string): void {
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff', `${what}: X-Content-Type-Options`);
  assert.match(response.headers.get('x-frame-options') ?? '', /^(SAMEORIGIN|DENY)$/i, `${what}: X-Frame-Options`);
}

/** A production error: short JSON, nothing of the exception, its message or backtrace. */
function expectBareJsonError(response: HttpResponse, status: number, error: string, what: string): void {
  expectStatus(response, status, what);
  expectJson(response, what);
  assert.deepEqual(response.json, { error }, `${what}: only the status name`);
  assert.doesNotMatch(response.text, /backtrace|traces|exception|\.rb:\d+/i, `${what}: no debug details`);
}

/** Inputs no client should be able to turn into a 5xx, each with the status it gets. */
async function expectMalformedInputRefused(
  api: HttpClient,
  token: string,
  slug: string,
  headers: Record<string, string> = {},
): Promise<void> {
  const auth = { authorization: `Bearer ${token}`, ...headers };
  const json = { 'content-type': 'application/json', accept: 'application/json', ...auth };
  expectJsonError(
    await api.sendJson('POST', '/api/v1/articles', { article: 'oops' }, auth),
    400,
    'POST {"article":"oops"}',
  );
  expectJsonError(
    await api.sendJson('POST', '/api/v1/articles', { article: [1, 2] }, auth),
    400,
    'POST {"article":[1,2]}',
  );
  expectJsonError(
    await api.sendJson('PATCH', `/api/v1/articles/${slug}`, { article: 'oops' }, auth),
    400,
    'PATCH {"article":"oops"}',
  );
  expectJsonError(
    await api.request('POST', '/api/v1/articles', { body: '{"article": ', headers: json }),
    400,
    'POST malformed JSON',
  );
  expectJsonError(
    await api.request('POST', '/api/v1/articles', {
      body: JSON.stringify({ article: { title: 'Big', body: 'x'.repeat(200_000) } }),
      headers: json,
    }),
    413,
    'POST a 200 kB body',
  );
  const nul = await api.sendJson('POST', '/api/v1/articles', { article: { title: 'nul\u0000byte', body: 'x' } }, auth);
  expectStatus(nul, 422, 'POST a title with a NUL byte');
  for (const query of ['page=99999999999999999999', 'page=abc', 'page=-1', 'per_page=1000', 'page[]=1']) {
    expectJsonError(
      await api.get(`/api/v1/articles?${query}`, { accept: 'application/json', ...headers }),
      400,
      `GET ?${query}`,
    );
  }
  for (const id of ['99999999999999999999', '-1', 'Not%20A%20Slug', '%00', 'a'.repeat(300)]) {
    expectJsonError(
      await api.get(`/api/v1/articles/${id}`, { accept: 'application/json', ...headers }),
      404,
      `GET /api/v1/articles/${id.slice(0, 30)}`,
    );
  }
}

const HTTPS = { 'x-forwarded-proto': 'https' };

/** Tokens issued for the production server's attack stage (auth() and check() share one). */
const productionTokens = new Map<string, Promise<string>>();
function productionToken(context: SmokeContext): Promise<string> {
  if (!productionTokens.has(context.projectDir))
    productionTokens.set(context.projectDir, issueToken(context, 'attack stage'));
  return productionTokens.get(context.projectDir)!;
}

const checks: SmokeChecks = {
  framework: 'rails',
  // Overrides the generated .env, which the app reads only for variables not set already.
  env: { CORS_ORIGINS: FRONTEND },
  async check(context) {
    const { client: newClient, run, options, env, projectDir } = context;
    const api = newClient();
    const title = `Smoke Test ${Date.now()}`;
    const slug = title.toLowerCase().replaceAll(' ', '-');

    const health = await api.get('/up');
    expectStatus(health, 200, 'GET /up');
    assert.deepEqual(health.json, { status: 'ok' });

    const openapi = await api.get('/openapi.json');
    expectStatus(openapi, 200, 'GET /openapi.json');
    assert.equal((openapi.json as { openapi: string }).openapi, '3.1.0', 'an OpenAPI 3.1 document');

    const token = await issueToken(context, 'smoke test');
    const auth = { authorization: `Bearer ${token}` };

    const anonymous = await api.sendJson('POST', '/api/v1/articles', { article: { title, body: 'No token.' } });
    expectJsonError(anonymous, 401, 'POST without a token');
    assert.match(
      anonymous.headers.get('www-authenticate') ?? '',
      /^Bearer /,
      'WWW-Authenticate names the Bearer scheme',
    );
    expectJsonError(
      await api.sendJson(
        'POST',
        '/api/v1/articles',
        { article: { title, body: 'Bad token.' } },
        { authorization: 'Bearer nope' },
      ),
      401,
      'POST with an unknown token',
    );

    const created = await api.sendJson(
      'POST',
      '/api/v1/articles',
      { article: { title, body: 'Written by the smoke test.' } },
      auth,
    );
    expectStatus(created, 201, 'POST /api/v1/articles with a token');
    assert.equal((created.json as Article).slug, slug, 'the slug is built from the title');
    assert.match(
      created.headers.get('location') ?? '',
      new RegExp(`/api/v1/articles/${slug}$`),
      'Location is the slug URL',
    );

    // CacheArticleJob (Active Job, :async in development) renders the new article into
    // Rails.cache after the response, before anyone has read it.
    if (options.cache === 'redis') {
      await eventually(
        () => cachedInRedis(context, 'development', title),
        'CacheArticleJob put the new article into Redis before any read',
      );
    } else {
      const log = join(projectDir, 'log', 'development.log');
      await eventually(
        async () => /Performed CacheArticleJob/.test(await readFile(log, 'utf8').catch(() => '')),
        'log/development.log records "Performed CacheArticleJob"',
      );
    }

    const shown = await api.get(`/api/v1/articles/${slug}`, { accept: 'application/json' });
    expectStatus(shown, 200, 'GET the article by slug (no token needed)');
    assert.equal((shown.json as Article).title, title);
    if (options.db === 'postgres') {
      const { stdout: slugs } = await run(['psql', env.DATABASE_URL!, '-Atc', 'SELECT slug FROM articles']);
      assert.ok(slugs.split('\n').includes(slug), 'the article is a row in PostgreSQL (DATABASE_URL)');
      const { stdout: digests } = await run(['psql', env.DATABASE_URL!, '-Atc', 'SELECT token_digest FROM api_tokens']);
      assert.ok(
        digests.includes(createHash('sha256').update(token).digest('hex')),
        'api_tokens holds the SHA-256 digest',
      );
      assert.ok(!digests.includes(token), 'api_tokens does not hold the token');
    }

    const twin = await api.sendJson(
      'POST',
      '/api/v1/articles',
      { title, body: 'Same title, unwrapped JSON body.' },
      auth,
    );
    expectStatus(twin, 201, 'POST a second article with the same title');
    assert.equal((twin.json as Article).slug, `${slug}-2`, 'a taken slug gets a suffix');

    const missing = await api.get('/api/v1/articles/no-such-article', { accept: 'application/json' });
    expectStatus(missing, 404, 'GET an unknown slug');
    expectJson(missing, 'GET an unknown slug');
    assert.deepEqual(missing.json, { error: 'Article not found' });

    const invalid = await api.sendJson('POST', '/api/v1/articles', { article: { title: '', body: '' } }, auth);
    expectStatus(invalid, 422, 'POST an invalid article');
    expectJson(invalid, 'POST an invalid article');
    assert.deepEqual((invalid.json as { errors: Record<string, string[]> }).errors.title, ["can't be blank"]);

    await expectMalformedInputRefused(api, token, slug);

    const page = await api.get('/api/v1/articles?page=1&per_page=1', { accept: 'application/json' });
    expectStatus(page, 200, 'GET a page of articles');
    const listed = page.json as { articles: Article[]; meta: { page: number; per_page: number; total_count: number } };
    assert.equal(listed.articles.length, 1, 'per_page=1 gives one article');
    assert.equal(listed.articles[0]!.slug, `${slug}-2`, 'newest first');
    assert.ok(listed.meta.total_count >= 2, 'meta counts every article');
    assert.match(page.headers.get('link') ?? '', /rel="next"/, 'the Link header points to the next page');

    const preflight = await api.request('OPTIONS', '/api/v1/articles', {
      headers: {
        origin: FRONTEND,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
    assert.ok(preflight.status < 300, `CORS preflight: expected 2xx, got ${preflight.status}`);
    assert.equal(
      preflight.headers.get('access-control-allow-origin'),
      FRONTEND,
      'preflight allows the configured origin',
    );
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(
      preflight.headers.get('access-control-allow-headers') ?? '',
      /authorization/i,
      'preflight allows the Authorization header',
    );
    const foreign = await api.request('OPTIONS', '/api/v1/articles', {
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(foreign.headers.get('access-control-allow-origin'), null, 'preflight refuses other origins');

    const updated = await api.sendJson('PATCH', `/api/v1/articles/${slug}`, { article: { title: 'Renamed' } }, auth);
    expectStatus(updated, 200, 'PATCH the article');
    assert.equal((updated.json as Article).slug, slug, 'the slug survives a new title');

    const { stdout } = await run(['bin/rails', 'articles:reslug']);
    assert.match(stdout, new RegExp(`${slug} -> renamed`), 'articles:reslug rebuilds the slug from the new title');
    expectStatus(
      await api.get('/api/v1/articles/renamed', { accept: 'application/json' }),
      200,
      'GET the article by its new slug',
    );

    expectJsonError(await api.request('DELETE', '/api/v1/articles/renamed'), 401, 'DELETE without a token');
    expectStatus(await api.request('DELETE', '/api/v1/articles/renamed', { headers: auth }), 204, 'DELETE the article');
    expectStatus(
      await api.get('/api/v1/articles/renamed', { accept: 'application/json' }),
      404,
      'GET the deleted article',
    );
  },
  production: {
    // SECRET_KEY_BASE from the generated .env would do; a fresh one shows the app takes
    // it from the real environment.
    env: { RAILS_ENV: 'production', SECRET_KEY_BASE: randomBytes(64).toString('hex') },
    prepare: [{ argv: ['bin/rails', 'db:prepare'] }],
    async check(context) {
      const api = context.client();

      const health = await api.get('/up');
      expectStatus(health, 200, 'GET /up');

      // assume_ssl + force_ssl: behind the TLS-terminating proxy every response carries
      // HSTS and the app builds https:// URLs, whatever the proxy forwards.
      const listed = await api.get('/api/v1/articles', { accept: 'application/json' });
      expectStatus(listed, 200, 'GET /api/v1/articles');
      assert.match(listed.headers.get('strict-transport-security') ?? '', /max-age=\d{6,}/, 'HSTS');
      expectSecurityHeaders(listed, 'GET /api/v1/articles');

      const token = await productionToken(context);
      const title = `Production ${Date.now()}`;
      const created = await api.sendJson(
        'POST',
        '/api/v1/articles',
        { article: { title, body: 'In production.' } },
        { authorization: `Bearer ${token}`, ...HTTPS },
      );
      expectStatus(created, 201, 'POST an article in production');
      const slug = (created.json as Article).slug;
      assert.match(created.headers.get('location') ?? '', /^https:\/\//, 'Location is an https:// URL');
      if (context.options.cache === 'redis')
        await eventually(
          () => cachedInRedis(context, 'production', title),
          'production: CacheArticleJob put the article into Redis',
        );
      for (let i = 0; i < 2; i++)
        expectStatus(await api.get(`/api/v1/articles/${slug}`, HTTPS), 200, 'GET the article (twice: cached)');

      // Errors: JSON without details, whatever the client accepts.
      const unknown = await api.get('/no/such/route', { accept: 'text/html', ...HTTPS });
      expectBareJsonError(unknown, 404, 'Not Found', 'an unknown route');
      expectSecurityHeaders(unknown, 'an unknown route');
      const malformed = await api.request('POST', '/api/v1/articles', {
        body: '{"article": ',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...HTTPS },
      });
      expectBareJsonError(malformed, 400, 'Bad Request', 'malformed JSON');
      const missing = await api.get('/api/v1/articles/no-such-article', { accept: 'application/json', ...HTTPS });
      expectStatus(missing, 404, 'an unknown slug');
      assert.deepEqual(missing.json, { error: 'Article not found' });

      // An API without cookies: nothing to flag HttpOnly/Secure/SameSite.
      assert.equal(listed.headers.getSetCookie().length, 0, 'the API sets no cookies');
    },
    attack: {
      openapi: '/openapi.json',
      writesNeedAuth: true,
      async auth(context) {
        return { authorization: `Bearer ${await productionToken(context)}` };
      },
      async check(context) {
        const token = await productionToken(context);
        const digest = createHash('sha256').update(token).digest('hex');
        const api = context.client();
        // Each burst comes from its own client address (X-Forwarded-For, which Rails
        // trusts from a proxy on loopback), so it neither spends nor meets the budget of
        // the harness's own requests from 127.0.0.1.
        const from = (n: number) => ({ 'x-forwarded-for': `203.0.113.${n}` });

        // Anonymous writes all at once: none gets through, past the limit they are 429.
        const anonymous = await burst(WRITES_PER_MINUTE + 15, () =>
          api.sendJson('POST', '/api/v1/articles', { article: { title: 'Anonymous', body: 'x' } }, from(10)),
        );
        const anonymousStatuses = anonymous.map((response) => response.status);
        assert.ok(
          anonymousStatuses.every((status) => status === 401 || status === 429),
          `anonymous burst: only 401/429, got ${anonymousStatuses.join(',')}`,
        );
        assert.ok(
          anonymousStatuses.filter((status) => status === 401).length <= WRITES_PER_MINUTE,
          `anonymous burst: at most ${WRITES_PER_MINUTE} reach the token check`,
        );
        assert.ok(
          anonymousStatuses.filter((status) => status === 429).length >= 15,
          'anonymous burst: the rest are refused with 429',
        );

        // Authenticated writes all at once: at most the limit are created.
        const writes = await burst(WRITES_PER_MINUTE + 15, (i) =>
          api.sendJson(
            'POST',
            '/api/v1/articles',
            { article: { title: `Burst ${Date.now()} ${i}`, body: 'x' } },
            { authorization: `Bearer ${token}`, ...from(11) },
          ),
        );
        const statuses = writes.map((response) => response.status);
        assert.ok(
          statuses.every((status) => status === 201 || status === 429),
          `token burst: only 201/429, got ${statuses.join(',')}`,
        );
        assert.ok(
          statuses.filter((status) => status === 201).length <= WRITES_PER_MINUTE,
          `token burst: at most ${WRITES_PER_MINUTE} created, got ${statuses.filter((status) => status === 201).length}`,
        );
        const refused = writes.find((response) => response.status === 429)!;
        expectJsonError(refused, 429, 'a write past the limit');
        assert.equal(refused.headers.get('retry-after'), '60', '429 says when to retry');

        const slug = (writes.find((response) => response.status === 201)!.json as Article).slug;
        await expectMalformedInputRefused(api, token, slug, from(12));

        // Neither the token nor its digest appears in any public answer.
        for (const path of ['/api/v1/articles?per_page=100', `/api/v1/articles/${slug}`, '/openapi.json', '/up']) {
          assertNoLeak((await api.get(path, { accept: 'application/json' })).text, [token, digest], `GET ${path}`);
        }
        assertNoLeak(anonymous[0]!.text + refused.text, [token, digest], 'refused writes');
      },
    },
  },
};

export default checks;
