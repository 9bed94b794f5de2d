// Rails over real HTTP: the versioned articles API addressed by slug, its JSON errors,
// pagination, the CORS preflight for the origin CORS_ORIGINS allows, the health check
// and the project's own rake task.
import assert from 'node:assert/strict';
import { expectStatus, type HttpResponse } from './http.js';
import type { SmokeChecks } from './types.js';

const FRONTEND = 'https://frontend.example';

interface Article {
  slug: string;
  title: string;
  path: string;
}

function expectJson(response: HttpResponse, what: string): void {
  assert.match(response.headers.get('content-type') ?? '', /application\/json/, `${what}: JSON content type`);
}

const checks: SmokeChecks = {
  framework: 'rails',
  // Overrides the generated .env, which the app reads only for variables not set already.
  env: { CORS_ORIGINS: FRONTEND },
  async check({ client: newClient, run }) {
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
};

export default checks;
