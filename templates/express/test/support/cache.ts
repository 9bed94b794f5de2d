import { MemoryResponseCache, type ResponseCache } from '../../src/cache/response-cache.js';

/** A fresh in-memory response cache for one test. */
export async function testCache(options: { ttlMs?: number; maxEntries?: number } = {}): Promise<ResponseCache> {
  return new MemoryResponseCache({ ttlMs: options.ttlMs ?? 60_000, maxEntries: options.maxEntries ?? 100 });
}
