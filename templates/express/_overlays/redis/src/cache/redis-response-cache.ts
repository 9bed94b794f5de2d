import { createHash } from 'node:crypto';
import { createClient } from 'redis';
import { log } from '../logger.js';
import {
  type CachedResponse,
  checkCacheOptions,
  type Generations,
  type ResponseCache,
  type ResponseCacheOptions,
} from './response-cache.js';

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

/** A Lua script and its SHA1, by which Redis knows it once loaded. */
interface LuaScript {
  source: string;
  sha: string;
}

function luaScript(source: string): LuaScript {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

// Lua shared by both scripts: ZREM in batches (Lua's unpack has a limit), and dropping
// URLs from the LRU index and from every tag's index.
const DROP = `
local function zremAll(key, members)
  for i = 1, #members, 500 do
    redis.call('ZREM', key, unpack(members, i, math.min(i + 499, #members)))
  end
end
local function forget(prefix, lru, registry, urls)
  if #urls == 0 then return end
  for _, url in ipairs(urls) do redis.call('DEL', prefix .. 'entry:' .. url) end
  zremAll(lru, urls)
  for _, tag in ipairs(redis.call('SMEMBERS', registry)) do zremAll(prefix .. 'tag:' .. tag, urls) end
end
`;

/**
 * Stores one entry, atomically: nothing when a tag's generation moved since the handler
 * started (returns -1); otherwise the entry, its place in the LRU index and in each tag's
 * index, then forgets URLs unused for a whole TTL and the least recently used beyond
 * maxEntries, from every index (returns how many were evicted).
 * KEYS: entry, lru, tag registry, n generation keys, n tag keys.
 * ARGV: url, stored JSON, ttl ms, now ms, maxEntries, prefix, n, n generations, n tags.
 */
const STORE = luaScript(`${DROP}
local n = tonumber(ARGV[7])
for i = 1, n do
  if tonumber(redis.call('GET', KEYS[3 + i]) or '0') ~= tonumber(ARGV[7 + i]) then return -1 end
end
local url, ttl, now, max, prefix = ARGV[1], tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6]
redis.call('SET', KEYS[1], ARGV[2], 'PX', ttl)
redis.call('ZADD', KEYS[2], now, url)
for i = 1, n do
  redis.call('ZADD', KEYS[3 + n + i], now, url)
  redis.call('PEXPIRE', KEYS[3 + n + i], ttl)
  redis.call('SADD', KEYS[3], ARGV[7 + n + i])
end
local cutoff = '(' .. (now - ttl)
local dropped = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', cutoff)
for _, tag in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  redis.call('ZREMRANGEBYSCORE', prefix .. 'tag:' .. tag, '-inf', cutoff)
end
local evicted = 0
local excess = redis.call('ZCARD', KEYS[2]) - #dropped - max
if excess > 0 then
  local oldest = redis.call('ZRANGE', KEYS[2], #dropped, #dropped + excess - 1)
  for _, old in ipairs(oldest) do dropped[#dropped + 1] = old end
  evicted = #oldest
end
forget(prefix, KEYS[2], KEYS[3], dropped)
return evicted
`);

/**
 * Drops every entry of one tag, atomically, after moving its generation on (so a
 * response being computed from older data is not stored afterwards).
 * KEYS: generation, tag, lru, tag registry. ARGV: prefix. Returns how many entries existed.
 */
const INVALIDATE = luaScript(`${DROP}
redis.call('INCR', KEYS[1])
local urls = redis.call('ZRANGE', KEYS[2], 0, -1)
local existed = 0
for _, url in ipairs(urls) do existed = existed + redis.call('EXISTS', ARGV[1] .. 'entry:' .. url) end
forget(ARGV[1], KEYS[3], KEYS[4], urls)
redis.call('DEL', KEYS[2])
return existed
`);

/**
 * The response cache in Redis, shared by every process of the app. Keys, all under
 * `prefix`:
 *
 * - `entry:<url>`: the response, with a Redis expiry of the TTL;
 * - `lru`: a sorted set of URLs scored by last use, which keeps at most `maxEntries`
 *   (the least recently used go first, like the in-memory cache);
 * - `tag:<tag>`: a sorted set of the URLs carrying a tag, scored by when they were
 *   stored, so a write can drop them all; evicted and expired URLs leave it too, so it
 *   never holds more than `maxEntries`, and it expires when unused for a TTL;
 * - `gen:<tag>`: how often the tag was invalidated, checked when storing;
 * - `tags`: the names of the tags in use.
 *
 * Writes run as Lua scripts, so each is atomic even with many processes. They touch keys
 * derived from stored URLs: use a single Redis (or a replica set), not Redis Cluster.
 */
export class RedisResponseCache implements ResponseCache {
  readonly ttlMs: number;
  readonly maxEntries: number;
  private readonly prefix: string;
  private readonly lruKey: string;
  private readonly registryKey: string;

  constructor(
    private readonly redis: RedisClient,
    options: ResponseCacheOptions & { prefix: string },
  ) {
    checkCacheOptions(options);
    this.ttlMs = options.ttlMs;
    this.maxEntries = options.maxEntries;
    this.prefix = options.prefix;
    this.lruKey = `${options.prefix}lru`;
    this.registryKey = `${options.prefix}tags`;
  }

  private entryKey(url: string): string {
    return `${this.prefix}entry:${url}`;
  }

  private tagKey(tag: string): string {
    return `${this.prefix}tag:${tag}`;
  }

  private generationKey(tag: string): string {
    return `${this.prefix}gen:${tag}`;
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

  async generations(tags: readonly string[]): Promise<Generations> {
    if (tags.length === 0) return [];
    const values = await this.redis.mGet(tags.map((tag) => this.generationKey(tag)));
    return values.map((value) => Number(value ?? 0));
  }

  async set(url: string, response: CachedResponse, since: Generations): Promise<boolean> {
    const stored: StoredResponse = { ...response, body: response.body.toString('base64') };
    const { tags } = response;
    const evicted = await this.script(STORE, {
      keys: [this.entryKey(url), this.lruKey, this.registryKey, ...tags.map((tag) => this.generationKey(tag)), ...tags.map((tag) => this.tagKey(tag))],
      arguments: [
        url,
        JSON.stringify(stored),
        String(Math.ceil(this.ttlMs)),
        String(Date.now()),
        String(this.maxEntries),
        this.prefix,
        String(tags.length),
        ...tags.map((_tag, index) => String(since[index] ?? 0)),
        ...tags,
      ],
    });
    if (evicted < 0) {
      log.cache('not storing %s: invalidated while it was computed', url);
      return false;
    }
    if (evicted > 0) log.cache('evicted %d entries (size bound %d)', evicted, this.maxEntries);
    return true;
  }

  async invalidate(tag: string): Promise<number> {
    const count = await this.script(INVALIDATE, {
      keys: [this.generationKey(tag), this.tagKey(tag), this.lruKey, this.registryKey],
      arguments: [this.prefix],
    });
    if (count > 0) log.cache('invalidated %d entries tagged %s', count, tag);
    return count;
  }

  /** Deletes every key under the prefix (and only those: other data in this Redis stays). */
  async clear(): Promise<void> {
    for await (const keys of this.redis.scanIterator({ MATCH: `${escapeGlob(this.prefix)}*`, COUNT: 100 })) {
      if (keys.length > 0) await this.redis.del(keys);
    }
  }

  /** Runs a script by its SHA1, sending its text only when Redis does not have it yet. */
  private async script({ source, sha }: LuaScript, options: { keys: string[]; arguments: string[] }): Promise<number> {
    try {
      return Number(await this.redis.evalSha(sha, options));
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return Number(await this.redis.eval(source, options));
    }
  }
}

/** The prefix as a literal in a SCAN MATCH pattern. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
