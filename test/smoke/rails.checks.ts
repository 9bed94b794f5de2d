// Rails over real HTTP: the versioned articles API addressed by slug, its JSON errors,
// pagination, the CORS preflight for the origin CORS_ORIGINS allows, the health check
// and the project's own rake task; with --db postgres the rows are in PostgreSQL, with
// --cache redis the cached article JSON is in Redis. Then production: JSON errors without
// details, HTTPS redirect and HSTS (force_ssl, /up exempt), security headers.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { expectStatus, type HttpResponse } from './http.js';
import type { SmokeChecks, SmokeContext } from './types.js';

const FRONTEND = 'https://frontend.example';

interface Article {
  slug: string;
  title: string;
  path: string;
}

function expectJson(response: HttpResponse, what: string): void {
  assert.match(response.headers.get('content-type') ?? '', /application\/json/, `${what}: JSON content type`);
}

/** With --cache redis: Rails.cache's entry for the article (key "<namespace>:articles/<id>") is in Redis. */
async function expectCachedInRedis({ options, env, run }: SmokeContext, environment: string, title: string): Promise<void> {
  if (options.cache !== 'redis') return;
  const keys = (await run(['redis-cli', '-u', env.REDIS_URL!, '--scan', '--pattern', `*-${environment}:articles/*`])).stdout.split('\n').filter(Boolean);
  assert.ok(keys.length > 0, `${environment}: an articles/<id> entry of Rails.cache is in Redis`);
  const values = await Promise.all(keys.map(async (key) => (await run(['redis-cli', '-u', env.REDIS_URL!, 'GET', key])).stdout));
  assert.ok(values.some((value) => value.includes(title)), `${environment}: the cached entry holds the article's JSON`);
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

const HTTPS = { 'x-forwarded-proto': 'https' };

const checks: SmokeChecks = {
  framework: 'rails',
  // Overrides the generated .env, which the app reads only for variables not set already.
  env: { CORS_ORIGINS: FRONTEND },
  async check(context) {
    const { client: newClient, run, options, env } = context;
    const api = newClient();
    const title = `Smoke Test ${Date.now()}`;
    const slug = title.toLowerCase().replaceAll(' ', '-');

    const health = await api.get('/up');
    expectStatus(health, 200, 'GET /up');
    assert.deepEqual(health.json, { status: 'ok' });

    const created = await api.sendJson('POST', '/api/v1/articles', { article: { title, body: 'Written by the smoke test.' } });
    expectStatus(created, 201, 'POST /api/v1/articles');
    assert.equal((created.json as Article).slug, slug, 'the slug is built from the title');
    assert.match(created.headers.get('location') ?? '', new RegExp(`/api/v1/articles/${slug}$`), 'Location is the slug URL');

    const shown = await api.get(`/api/v1/articles/${slug}`, { accept: 'application/json' });
    expectStatus(shown, 200, 'GET the article by slug');
    assert.equal((shown.json as Article).title, title);
    await expectCachedInRedis(context, 'development', title);
    if (options.db === 'postgres') {
      const { stdout: slugs } = await run(['psql', env.DATABASE_URL!, '-Atc', 'SELECT slug FROM articles']);
      assert.ok(slugs.split('\n').includes(slug), 'the article is a row in PostgreSQL (DATABASE_URL)');
    }

    const twin = await api.sendJson('POST', '/api/v1/articles', { title, body: 'Same title, unwrapped JSON body.' });
    expectStatus(twin, 201, 'POST a second article with the same title');
    assert.equal((twin.json as Article).slug, `${slug}-2`, 'a taken slug gets a suffix');

    const missing = await api.get('/api/v1/articles/no-such-article', { accept: 'application/json' });
    expectStatus(missing, 404, 'GET an unknown slug');
    expectJson(missing, 'GET an unknown slug');
    assert.deepEqual(missing.json, { error: 'Article not found' });

    const invalid = await api.sendJson('POST', '/api/v1/articles', { article: { title: '', body: '' } });
    expectStatus(invalid, 422, 'POST an invalid article');
    expectJson(invalid, 'POST an invalid article');
    assert.deepEqual((invalid.json as { errors: Record<string, string[]> }).errors.title, ["can't be blank"]);

    const page = await api.get('/api/v1/articles?page=1&per_page=1', { accept: 'application/json' });
    expectStatus(page, 200, 'GET a page of articles');
    const listed = page.json as { articles: Article[]; meta: { page: number; per_page: number; total_count: number } };
    assert.equal(listed.articles.length, 1, 'per_page=1 gives one article');
    assert.equal(listed.articles[0]!.slug, `${slug}-2`, 'newest first');
    assert.ok(listed.meta.total_count >= 2, 'meta counts every article');
    assert.match(page.headers.get('link') ?? '', /rel="next"/, 'the Link header points to the next page');

    const preflight = await api.request('OPTIONS', '/api/v1/articles', {
      headers: { origin: FRONTEND, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.ok(preflight.status < 300, `CORS preflight: expected 2xx, got ${preflight.status}`);
    assert.equal(preflight.headers.get('access-control-allow-origin'), FRONTEND, 'preflight allows the configured origin');
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
    const foreign = await api.request('OPTIONS', '/api/v1/articles', {
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(foreign.headers.get('access-control-allow-origin'), null, 'preflight refuses other origins');

    const updated = await api.sendJson('PATCH', `/api/v1/articles/${slug}`, { article: { title: 'Renamed' } });
    expectStatus(updated, 200, 'PATCH the article');
    assert.equal((updated.json as Article).slug, slug, 'the slug survives a new title');

    const { stdout } = await run(['bin/rails', 'articles:reslug']);
    assert.match(stdout, new RegExp(`${slug} -> renamed`), 'articles:reslug rebuilds the slug from the new title');
    expectStatus(await api.get('/api/v1/articles/renamed', { accept: 'application/json' }), 200, 'GET the article by its new slug');

    expectStatus(await api.request('DELETE', '/api/v1/articles/renamed'), 204, 'DELETE the article');
    expectStatus(await api.get('/api/v1/articles/renamed', { accept: 'application/json' }), 404, 'GET the deleted article');
  },
  production: {
    // SECRET_KEY_BASE from the generated .env would do; a fresh one shows the app takes
    // it from the real environment.
    env: { RAILS_ENV: 'production', SECRET_KEY_BASE: randomBytes(64).toString('hex'), RAILS_LOG_TO_STDOUT: '1' },
    prepare: [{ argv: ['bin/rails', 'db:prepare'] }],
    async check(context) {
      const api = context.client();

      // force_ssl: plain HTTP is redirected to HTTPS, except the health check.
      const health = await api.get('/up');
      expectStatus(health, 200, 'GET /up over plain HTTP (exempt from the redirect)');
      const plain = await api.get('/api/v1/articles', { accept: 'application/json' });
      assert.equal(plain.status, 301, `plain HTTP is redirected: got ${plain.status}`);
      assert.match(plain.headers.get('location') ?? '', /^https:\/\//, 'redirected to https://');

      // Behind a proxy that terminated TLS (X-Forwarded-Proto: https): HSTS and the app.
      const listed = await api.get('/api/v1/articles', { accept: 'application/json', ...HTTPS });
      expectStatus(listed, 200, 'GET /api/v1/articles over HTTPS');
      assert.match(listed.headers.get('strict-transport-security') ?? '', /max-age=\d{6,}/, 'HSTS over HTTPS');
      expectSecurityHeaders(listed, 'GET /api/v1/articles');

      const title = `Production ${Date.now()}`;
      const created = await api.sendJson('POST', '/api/v1/articles', { article: { title, body: 'In production.' } }, HTTPS);
      expectStatus(created, 201, 'POST an article in production');
      const slug = (created.json as Article).slug;
      assert.match(created.headers.get('location') ?? '', /^https:\/\//, 'Location uses the forwarded scheme');
      for (let i = 0; i < 2; i++) expectStatus(await api.get(`/api/v1/articles/${slug}`, HTTPS), 200, 'GET the article (twice: cached)');
      await expectCachedInRedis(context, 'production', title);

      // Errors: JSON without details, whatever the client accepts.
      const unknown = await api.get('/no/such/route', { accept: 'text/html', ...HTTPS });
      expectBareJsonError(unknown, 404, 'Not Found', 'an unknown route');
      expectSecurityHeaders(unknown, 'an unknown route');
      const malformed = await api.request('POST', '/api/v1/articles', { body: '{"article": ', headers: { 'content-type': 'application/json', ...HTTPS } });
      expectBareJsonError(malformed, 400, 'Bad Request', 'malformed JSON');
      const missing = await api.get('/api/v1/articles/no-such-article', { accept: 'application/json', ...HTTPS });
      expectStatus(missing, 404, 'an unknown slug');
      assert.deepEqual(missing.json, { error: 'Article not found' });

      // An API without cookies: nothing to flag HttpOnly/Secure/SameSite.
      assert.equal(listed.headers.getSetCookie().length, 0, 'the API sets no cookies');
    },
  },
};

export default checks;
