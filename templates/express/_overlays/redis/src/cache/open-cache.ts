import type { Config } from '../config.js';
import { createRedisClient, RedisResponseCache } from './redis-response-cache.js';
import type { ResponseCache } from './response-cache.js';

type CacheConfig = Pick<Config, 'REDIS_URL' | 'CACHE_KEY_PREFIX' | 'CACHE_TTL_SECONDS' | 'CACHE_MAX_ENTRIES'>;

/** Connects to REDIS_URL; the response cache of every process lives there. */
export async function openCache(config: CacheConfig): Promise<{ cache: ResponseCache; close(): Promise<void> }> {
  const redis = createRedisClient(config.REDIS_URL);
  await redis.connect();
  const cache = new RedisResponseCache(redis, {
    ttlMs: config.CACHE_TTL_SECONDS * 1000,
    maxEntries: config.CACHE_MAX_ENTRIES,
    prefix: config.CACHE_KEY_PREFIX,
  });
  return {
    cache,
    close: async () => {
      await redis.close();
    },
  };
}
