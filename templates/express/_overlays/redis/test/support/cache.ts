import { randomBytes } from 'node:crypto';
import { onTestFinished } from 'vitest';
import { createRedisClient, RedisResponseCache } from '../../src/cache/redis-response-cache.js';
import { loadConfig } from '../../src/config.js';

/**
 * A response cache in the Redis at REDIS_URL for one test, under a key prefix of its own
 * (tests run in parallel); its keys are deleted when the test ends.
 */
export async function testCache(options: { ttlMs?: number; maxEntries?: number } = {}): Promise<RedisResponseCache> {
  const { REDIS_URL } = loadConfig({ ...process.env, NODE_ENV: 'test' });
  const redis = createRedisClient(REDIS_URL);
  await redis.connect();
  const cache = new RedisResponseCache(redis, {
    ttlMs: options.ttlMs ?? 60_000,
    maxEntries: options.maxEntries ?? 100,
    prefix: `test:${randomBytes(6).toString('hex')}:`,
  });
  onTestFinished(async () => {
    await cache.clear();
    await redis.close();
  });
  return cache;
}
