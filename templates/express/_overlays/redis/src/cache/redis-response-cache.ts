import { createClient } from 'redis';
import { log } from '../logger.js';
import { type CachedResponse, checkCacheOptions, type ResponseCache, type ResponseCacheOptions } from './response-cache.js';

/**
 * A client for `url` (call `connect()`); it reconnects by itself after a dropped
 * connection. Meanwhile commands fail at once instead of queueing: the cache middleware
 * then answers from the handlers rather than making requests wait for Redis.
 */
export function createRedisClient(url: string) {
  const redis = createClient({ url, disableOfflineQueue: true });
  // Without an error listener a dropped connection would crash the process.
  redis.on('error', (error: Error) => log.error('Redis: %s', error.message));
  return redis;
}

export type RedisClient = ReturnType<typeof createRedisClient>;

/** How an entry is stored: a JSON string, the body in base64. */
interface StoredResponse {
  status: number;
  contentType: string | undefined;
  body: string;
  etag: string;
  tags: readonly string[];
}

/**
 * The response cache in Redis, shared by every process of the app. Keys, all under
 * `prefix`:
 *
 * - `entry:<url>`: the response, with a Redis expiry of the TTL;
 * - `lru`: a sorted set of URLs scored by last use, which keeps at most `maxEntries`
 *   (the least recently used go first, like the in-memory cache);
 * - `tag:<tag>`: the URLs carrying a tag, so a write can drop them all.
 */
export class RedisResponseCache implements ResponseCache {
  readonly ttlMs: number;
  readonly maxEntries: number;
  private readonly prefix: string;
  private readonly lruKey: string;

  constructor(
    private readonly redis: RedisClient,
    options: ResponseCacheOptions & { prefix: string },
  ) {
    checkCacheOptions(options);
    this.ttlMs = options.ttlMs;
    this.maxEntries = options.maxEntries;
    this.prefix = options.prefix;
    this.lruKey = `${options.prefix}lru`;
  }

  private entryKey(url: string): string {
    return `${this.prefix}entry:${url}`;
  }

  private tagKey(tag: string): string {
    return `${this.prefix}tag:${tag}`;
  }

  async get(url: string): Promise<CachedResponse | undefined> {
    const raw = await this.redis.get(this.entryKey(url));
    if (raw === null) {
      await this.redis.zRem(this.lruKey, url);
      return undefined;
    }
    await this.redis.zAdd(this.lruKey, { score: Date.now(), value: url });
    const stored = JSON.parse(raw) as StoredResponse;
    return { ...stored, body: Buffer.from(stored.body, 'base64') };
  }

  async set(url: string, response: CachedResponse): Promise<void> {
    const stored: StoredResponse = { ...response, body: response.body.toString('base64') };
    const now = Date.now();
    const write = this.redis
      .multi()
      .set(this.entryKey(url), JSON.stringify(stored), { expiration: { type: 'PX', value: Math.ceil(this.ttlMs) } })
      .zAdd(this.lruKey, { score: now, value: url })
      // URLs unused for a whole TTL have expired: forget them, they no longer count.
      .zRemRangeByScore(this.lruKey, '-inf', `(${now - this.ttlMs}`);
    for (const tag of response.tags) write.sAdd(this.tagKey(tag), url);
    await write.exec();

    const excess = (await this.redis.zCard(this.lruKey)) - this.maxEntries;
    if (excess <= 0) return;
    const evicted = (await this.redis.zPopMinCount(this.lruKey, excess)).map((member) => member.value);
    if (evicted.length === 0) return;
    await this.redis.del(evicted.map((evictedUrl) => this.entryKey(evictedUrl)));
    log.cache('evicted %s (size bound %d)', evicted.join(', '), this.maxEntries);
  }

  async invalidate(tag: string): Promise<number> {
    const urls = await this.redis.sMembers(this.tagKey(tag));
    if (urls.length === 0) return 0;
    const [dropped] = await this.redis
      .multi()
      .del(urls.map((url) => this.entryKey(url)))
      .zRem(this.lruKey, urls)
      .del(this.tagKey(tag))
      .exec();
    const count = Number(dropped);
    if (count > 0) log.cache('invalidated %d entries tagged %s', count, tag);
    return count;
  }

  /** Deletes every key under the prefix (and only those: other data in this Redis stays). */
  async clear(): Promise<void> {
    for await (const keys of this.redis.scanIterator({ MATCH: `${escapeGlob(this.prefix)}*`, COUNT: 100 })) {
      if (keys.length > 0) await this.redis.del(keys);
    }
  }
}

/** The prefix as a literal in a SCAN MATCH pattern. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
