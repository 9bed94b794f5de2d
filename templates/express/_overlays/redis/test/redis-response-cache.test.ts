import express from 'express';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { createRedisClient, RedisResponseCache } from '../src/cache/redis-response-cache.js';
import { cacheResponses, invalidateAfterWrite } from '../src/middleware/cache-responses.js';
import { testCache } from './support/cache.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const entry = (text: string, tags: string[] = []) => ({
  status: 200,
  contentType: 'text/plain; charset=utf-8',
  body: Buffer.from(text),
  etag: `"${text}"`,
  tags,
});

/** An app whose only route counts how often it really runs. */
function countingApp(cache: RedisResponseCache) {
  const calls = { count: 0 };
  const app = express();
  app.get('/report', cacheResponses(cache, { tags: ['reports'] }), (_req, res) => {
    calls.count += 1;
    res.json({ call: calls.count });
  });
  return { app, calls };
}

describe('RedisResponseCache (against the Redis at REDIS_URL)', () => {
  it('stores a response byte for byte, with its type, ETag and tags', async () => {
    const cache = await testCache();
    const body = Buffer.from([0, 1, 2, 255, 0xe2, 0x82, 0xac]);
    await cache.set('/bytes?q=1', { ...entry('x', ['a']), body });
    expect(await cache.get('/bytes?q=1')).toEqual({ ...entry('x', ['a']), body });
    expect(await cache.get('/bytes?q=2')).toBeUndefined();
  });

  it('forgets an entry when its TTL is over (Redis expires the key)', async () => {
    const cache = await testCache({ ttlMs: 150 });
    await cache.set('/a', entry('a'));
    expect(await cache.get('/a')).toBeDefined();
    await sleep(250);
    expect(await cache.get('/a')).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const cache = await testCache({ maxEntries: 2 });
    await cache.set('/a', entry('a'));
    await sleep(5);
    await cache.set('/b', entry('b'));
    await sleep(5);
    await cache.get('/a'); // /a is now more recent than /b
    await sleep(5);
    await cache.set('/c', entry('c'));

    expect(await cache.get('/b')).toBeUndefined();
    expect((await cache.get('/a'))?.body.toString()).toBe('a');
    expect((await cache.get('/c'))?.body.toString()).toBe('c');
  });

  it('invalidates only the entries with the tag', async () => {
    const cache = await testCache();
    await cache.set('/tasks', entry('tasks', ['tasks']));
    await cache.set('/tasks/1', entry('task', ['tasks']));
    await cache.set('/users', entry('users', ['users']));

    expect(await cache.invalidate('tasks')).toBe(2);
    expect(await cache.invalidate('tasks')).toBe(0);
    expect(await cache.get('/tasks')).toBeUndefined();
    expect(await cache.get('/users')).toBeDefined();
  });

  it('is shared: a response cached by one process is a HIT in another', async () => {
    const cache = await testCache();
    const first = countingApp(cache);
    const second = countingApp(cache);
    const miss = await request(first.app).get('/report').expect(200).expect('X-Cache', 'MISS');
    const hit = await request(second.app).get('/report').expect(200).expect('X-Cache', 'HIT');
    expect(hit.body).toEqual(miss.body);
    expect(hit.headers.etag).toBe(miss.headers.etag);
    expect(second.calls.count).toBe(0);

    await cache.invalidate('reports');
    await request(second.app).get('/report').expect('X-Cache', 'MISS');
    expect(second.calls.count).toBe(1);
  });

  it('answers from the handler, and still accepts writes, while Redis is unreachable', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // Never connected (nothing listens on port 1): every command fails at once.
    const cache = new RedisResponseCache(createRedisClient('redis://127.0.0.1:1'), { ttlMs: 1000, maxEntries: 10, prefix: 'down:' });
    const { app, calls } = countingApp(cache);
    await request(app).get('/report').expect(200).expect('X-Cache', 'MISS');
    await request(app).get('/report').expect(200).expect('X-Cache', 'MISS');
    expect(calls.count).toBe(2);
    await expect(invalidateAfterWrite(cache, 'reports')).resolves.toBeUndefined();
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('Response cache unavailable'), expect.anything());
    consoleError.mockRestore();
  });
});
