import express, { type Request } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { MemoryResponseCache } from '../src/cache/response-cache.js';
import { cacheKey, cacheResponses } from '../src/middleware/cache-responses.js';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An app whose only route is slow and counts how often it really runs. */
function slowApp(cache: MemoryResponseCache, delayMs = 200) {
  const calls = { count: 0 };
  const app = express();
  app.get('/report', cacheResponses(cache, { tags: ['reports'], query: ['q', 'page'] }), async (req, res) => {
    calls.count += 1;
    await sleep(delayMs);
    const topic = typeof req.query.q === 'string' ? req.query.q : 'all';
    res.json({ report: `for ${topic}`, call: calls.count });
  });
  app.get('/missing', cacheResponses(cache, { tags: ['reports'] }), (_req, res) => {
    calls.count += 1;
    res.status(404).json({ error: 'nope' });
  });
  app.get('/text', cacheResponses(cache, { tags: ['reports'] }), (_req, res) => {
    res.send('<p>plain</p>');
  });
  return { app, calls };
}

describe('cacheResponses middleware', () => {
  it('does not call a slow handler again within the TTL', async () => {
    const clock = manualClock();
    const cache = new MemoryResponseCache({ ttlMs: 30_000, maxEntries: 10, now: clock.now });
    const { app, calls } = slowApp(cache, 300);

    const started = performance.now();
    const first = await request(app).get('/report').expect(200).expect('X-Cache', 'MISS');
    const missMs = performance.now() - started;

    clock.advance(29_000);
    const again = performance.now();
    const second = await request(app).get('/report').expect(200).expect('X-Cache', 'HIT');
    const hitMs = performance.now() - again;

    expect(calls.count).toBe(1);
    expect(second.body).toEqual(first.body);
    expect(missMs).toBeGreaterThanOrEqual(290);
    // The call count above is the proof; the timing shows what it buys.
    expect(hitMs).toBeLessThan(missMs / 2);
  });

  it('calls the handler again once the TTL has passed', async () => {
    const clock = manualClock();
    const cache = new MemoryResponseCache({ ttlMs: 30_000, maxEntries: 10, now: clock.now });
    const { app, calls } = slowApp(cache, 1);

    await request(app).get('/report').expect('X-Cache', 'MISS');
    clock.advance(30_000);
    const response = await request(app).get('/report').expect('X-Cache', 'MISS');
    expect(response.body.call).toBe(2);
    expect(calls.count).toBe(2);
  });

  it('caches each value of the query parameters the route reads separately', async () => {
    const cache = new MemoryResponseCache({ ttlMs: 30_000, maxEntries: 10 });
    const { app } = slowApp(cache, 1);

    await request(app).get('/report?q=a').expect('X-Cache', 'MISS');
    const b = await request(app).get('/report?q=b').expect('X-Cache', 'MISS');
    expect(b.body.report).toBe('for b');
    await request(app).get('/report?q=a').expect('X-Cache', 'HIT');
  });

  it('keys by the parameters the route reads, sorted, whatever else the query string holds', async () => {
    const cache = new MemoryResponseCache({ ttlMs: 30_000, maxEntries: 10 });
    const { app, calls } = slowApp(cache, 1);

    await request(app).get('/report?q=a&page=2').expect('X-Cache', 'MISS');
    await request(app).get('/report?page=2&q=a').expect('X-Cache', 'HIT');
    await request(app).get('/report?utm_source=mail&q=a&page=2&_=1700000000').expect('X-Cache', 'HIT');
    await request(app).get('/report/?q=a&page=2').expect('X-Cache', 'HIT');
    expect(calls.count).toBe(1);
    const key = (baseUrl: string, path: string, query = '') => cacheKey({ baseUrl, path, originalUrl: `${baseUrl}${path}${query}` } as Request, ['b', 'a']);
    expect(key('/api/tasks', '/', '?b=2&z=0&a=1')).toBe('/api/tasks?a=1&b=2');
    expect(key('/api/tasks', '/%61%62')).toBe('/api/tasks/ab');
    expect(key('/api/tasks', '/a%2fb')).toBe('/api/tasks/a%2Fb');
    expect(key('/api/tasks', '/AB')).toBe('/api/tasks/AB');
  });

  it('adds no entry for cache-busting query strings', async () => {
    const cache = new MemoryResponseCache({ ttlMs: 30_000, maxEntries: 100 });
    const { app, calls } = slowApp(cache, 1);
    for (let i = 0; i < 50; i++) await request(app).get(`/report?bust=${i}`).expect(200);
    expect(cache.size).toBe(1);
    expect(calls.count).toBe(1);
  });

  it('runs the handler again after its tag is invalidated', async () => {
    const cache = new MemoryResponseCache({ ttlMs: 30_000, maxEntries: 10 });
    const { app, calls } = slowApp(cache, 1);

    await request(app).get('/report').expect('X-Cache', 'MISS');
    expect(await cache.invalidate('other')).toBe(0);
    await request(app).get('/report').expect('X-Cache', 'HIT');
    expect(await cache.invalidate('reports')).toBe(1);
    await request(app).get('/report').expect('X-Cache', 'MISS');
    expect(calls.count).toBe(2);
  });

  it('sends Cache-Control and a strong ETag, and 304 for a matching If-None-Match', async () => {
    const cache = new MemoryResponseCache({ ttlMs: 30_000, maxEntries: 10 });
    const { app, calls } = slowApp(cache, 1);

    const miss = await request(app).get('/report').expect(200).expect('Cache-Control', 'no-cache');
    const etag = miss.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const hit = await request(app).get('/report').expect(200).expect('X-Cache', 'HIT');
    expect(hit.headers.etag).toBe(etag);
    expect(hit.headers['content-type']).toMatch(/^application\/json/);

    const notModified = await request(app).get('/report').set('If-None-Match', etag).expect(304);
    expect(notModified.text).toBe('');
    expect(notModified.headers['x-cache']).toBe('HIT');

    await request(app).get('/report').set('If-None-Match', '"something-else"').expect(200);
    expect(calls.count).toBe(1);
  });

  it('answers If-None-Match with 304 on a miss too, and still stores the response', async () => {
    const cache = new MemoryResponseCache({ ttlMs: 30_000, maxEntries: 10 });
    const { app } = slowApp(cache);
    const { headers } = await request(app).get('/text');
    await cache.clear();

    await request(app).get('/text').set('If-None-Match', headers.etag as string).expect(304).expect('X-Cache', 'MISS');
    await request(app).get('/text').expect('X-Cache', 'HIT').expect(200, '<p>plain</p>');
  });

  it('answers 304 when the client also sends Cache-Control: no-cache, as fetch() does', async () => {
    const cache = new MemoryResponseCache({ ttlMs: 30_000, maxEntries: 10 });
    const { app } = slowApp(cache);
    const { headers } = await request(app).get('/text');
    const conditional = { 'If-None-Match': `W/${headers.etag as string}, "other"`, 'Cache-Control': 'no-cache' };

    await request(app).get('/text').set(conditional).expect(304).expect('X-Cache', 'HIT');
    await cache.clear();
    await request(app).get('/text').set(conditional).expect(304).expect('X-Cache', 'MISS');
  });

  it('keeps the content type of a text response', async () => {
    const cache = new MemoryResponseCache({ ttlMs: 30_000, maxEntries: 10 });
    const { app } = slowApp(cache);
    await request(app).get('/text').expect('X-Cache', 'MISS');
    await request(app).get('/text').expect('X-Cache', 'HIT').expect('Content-Type', /text\/html/).expect(200, '<p>plain</p>');
  });

  it('does not store error responses', async () => {
    const cache = new MemoryResponseCache({ ttlMs: 30_000, maxEntries: 10 });
    const { app, calls } = slowApp(cache);
    await request(app).get('/missing').expect(404).expect('X-Cache', 'MISS');
    await request(app).get('/missing').expect(404).expect('X-Cache', 'MISS');
    expect(calls.count).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('leaves other methods alone', async () => {
    const cache = new MemoryResponseCache({ ttlMs: 30_000, maxEntries: 10 });
    const app = express();
    app.use(cacheResponses(cache, { tags: [] }));
    app.post('/things', (_req, res) => {
      res.status(201).json({ ok: true });
    });
    const response = await request(app).post('/things').expect(201);
    expect(response.headers['x-cache']).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});

describe('MemoryResponseCache', () => {
  const entry = (text: string, tags: string[] = []) => ({
    status: 200,
    contentType: 'text/plain',
    body: Buffer.from(text),
    etag: `"${text}"`,
    tags,
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const cache = new MemoryResponseCache({ ttlMs: 1000, maxEntries: 2 });
    await cache.set('/a', entry('a'), []);
    await cache.set('/b', entry('b'), []);
    await cache.get('/a'); // /a is now more recent than /b
    await cache.set('/c', entry('c'), []);

    expect(cache.size).toBe(2);
    expect(await cache.get('/b')).toBeUndefined();
    expect((await cache.get('/a'))?.body.toString()).toBe('a');
    expect((await cache.get('/c'))?.body.toString()).toBe('c');
  });

  it('forgets an entry when its TTL is over', async () => {
    const clock = manualClock();
    const cache = new MemoryResponseCache({ ttlMs: 1000, maxEntries: 2, now: clock.now });
    await cache.set('/a', entry('a'), []);
    clock.advance(999);
    expect(await cache.get('/a')).toBeDefined();
    clock.advance(1);
    expect(await cache.get('/a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('invalidates only the entries with the tag', async () => {
    const cache = new MemoryResponseCache({ ttlMs: 1000, maxEntries: 10 });
    await cache.set('/tasks', entry('tasks', ['tasks']), [0]);
    await cache.set('/tasks/1', entry('task', ['tasks']), [0]);
    await cache.set('/users', entry('users', ['users']), [0]);

    expect(await cache.invalidate('tasks')).toBe(2);
    expect(await cache.get('/tasks')).toBeUndefined();
    expect(await cache.get('/users')).toBeDefined();
  });

  it('stores nothing when a tag was invalidated after its generations were read', async () => {
    const cache = new MemoryResponseCache({ ttlMs: 1000, maxEntries: 10 });
    const before = await cache.generations(['tasks']);
    await cache.invalidate('tasks');
    expect(await cache.set('/tasks', entry('stale', ['tasks']), before)).toBe(false);
    expect(await cache.get('/tasks')).toBeUndefined();
    expect(await cache.set('/tasks', entry('fresh', ['tasks']), await cache.generations(['tasks']))).toBe(true);
    expect((await cache.get('/tasks'))?.body.toString()).toBe('fresh');
  });

  it('rejects a bound that could never hold anything', () => {
    expect(() => new MemoryResponseCache({ ttlMs: 1000, maxEntries: 0 })).toThrow(RangeError);
    expect(() => new MemoryResponseCache({ ttlMs: 0, maxEntries: 1 })).toThrow(RangeError);
  });
});
