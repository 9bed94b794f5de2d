import type { Config } from '../config.js';
import { MemoryResponseCache, type ResponseCache } from './response-cache.js';

type CacheConfig = Pick<Config, 'CACHE_TTL_SECONDS' | 'CACHE_MAX_ENTRIES'>;

/** The response cache in this process's memory; nothing to connect to or close. */
export async function openCache(config: CacheConfig): Promise<{ cache: ResponseCache; close(): Promise<void> }> {
  const cache = new MemoryResponseCache({ ttlMs: config.CACHE_TTL_SECONDS * 1000, maxEntries: config.CACHE_MAX_ENTRIES });
  return { cache, close: async () => undefined };
}
