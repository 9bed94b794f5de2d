import express from 'express';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { createRedisClient, type RedisClient, RedisResponseCache } from '../src/cache/redis-response-cache.js';
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
    await cache.set('/bytes?q=1', { ...entry('x', ['a']), body }, [0]);
    expect(await cache.get('/bytes?q=1')).toEqual({ ...entry('x', ['a']), body });
    expect(await cache.get('/bytes?q=2')).toBeUndefined();
  });

  it('forgets an entry when its TTL is over (Redis expires the key)', async () => {
    const cache = await testCache({ ttlMs: 150 });
    await cache.set('/a', entry('a'), []);
    expect(await cache.get('/a')).toBeDefined();
    await sleep(250);
    expect(await cache.get('/a')).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const cache = await testCache({ maxEntries: 2 });
    await cache.set('/a', entry('a'), []);
    await sleep(5);
    await cache.set('/b', entry('b'), []);
    await sleep(5);
    await cache.get('/a'); // /a is now more recent than /b
    await sleep(5);
    await cache.set('/c', entry('c'), []);

    expect(await cache.get('/b')).toBeUndefined();
    expect((await cache.get('/a'))?.body.toString()).toBe('a');
    expect((await cache.get('/c'))?.body.toString()).toBe('c');
  });

  it('invalidates only the entries with the tag', async () => {
    const cache = await testCache();
    await cache.set('/tasks', entry('tasks', ['tasks']), [0]);
    await cache.set('/tasks/1', entry('task', ['tasks']), [0]);
    await cache.set('/users', entry('users', ['users']), [0]);

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

  it('keeps each tag index within maxEntries, however many URLs were cached', async () => {
    const cache = await testCache({ maxEntries: 5 });
    for (let i = 0; i < 40; i++) await cache.set(`/report/${i}`, entry(`r${i}`, ['reports']), [0]);
    expect(await membersOf(cache, 'tag:reports')).toBe(5);
    expect(await membersOf(cache, 'lru')).toBe(5);
    expect(await cache.get('/report/39')).toBeDefined();
    expect(await cache.get('/report/0')).toBeUndefined();
    expect(await cache.invalidate('reports')).toBe(5);
    expect(await keysOf(cache)).toEqual([`gen:reports`, 'tags']);
  });

  it('forgets expired URLs from the tag index, and lets an unused index expire', async () => {
    const cache = await testCache({ ttlMs: 150 });
    for (let i = 0; i < 3; i++) await cache.set(`/old/${i}`, entry(`o${i}`, ['reports']), [0]);
    await sleep(250);
    await cache.set('/new', entry('new', ['reports']), [0]);
    expect(await membersOf(cache, 'tag:reports')).toBe(1);
    expect(await membersOf(cache, 'lru')).toBe(1);
    await sleep(250);
    expect(await keysOf(cache)).not.toContain('tag:reports');
  });

  it('stores nothing when another process invalidated the tag while the response was computed', async () => {
    const cache = await testCache();
    const before = await cache.generations(['reports']);
    await cache.invalidate('reports');
    expect(await cache.set('/report', entry('stale', ['reports']), before)).toBe(false);
    expect(await cache.get('/report')).toBeUndefined();
    expect(await cache.set('/report', entry('fresh', ['reports']), await cache.generations(['reports']))).toBe(true);
  });

  it('drops an entry from every tag index when one of its tags is invalidated', async () => {
    const cache = await testCache();
    await cache.set('/both', entry('both', ['a', 'b']), [0, 0]);
    expect(await cache.invalidate('a')).toBe(1);
    expect(await membersOf(cache, 'tag:b')).toBe(0);
    expect(await cache.invalidate('b')).toBe(0);
  });
});

/** How many members a set or sorted set under the cache's prefix has (0 when missing). */
async function membersOf(cache: RedisResponseCache, name: string): Promise<number> {
  const { redis, prefix } = cache as unknown as { redis: RedisClient; prefix: string };
  const key = prefix + name;
  const type = await redis.type(key);
  if (type === 'none') return 0;
  return type === 'zset' ? redis.zCard(key) : redis.sCard(key);
}

/** The cache's keys, without its prefix, sorted. */
async function keysOf(cache: RedisResponseCache): Promise<string[]> {
  const { redis, prefix } = cache as unknown as { redis: RedisClient; prefix: string };
  return (await redis.keys(`${prefix}*`)).map((key) => key.slice(prefix.length)).sort();
}
