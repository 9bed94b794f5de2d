import { createHash } from 'node:crypto';
import { log } from '../logger.js';

/** One stored response: enough to replay it without calling the route handler. */
export interface CachedResponse {
  status: number;
  contentType: string | undefined;
  body: Buffer;
  etag: string;
  /** Groups entries so a write can drop every page that shows the changed data. */
  tags: readonly string[];
}

/**
 * Where `cacheResponses` keeps responses: in this process (`MemoryResponseCache`) or in a
 * store every process shares (Redis). Both keep an entry for a TTL, at most a bounded
 * number of entries (least recently used first out), and drop entries by tag.
 */
export interface ResponseCache {
  readonly ttlMs: number;
  readonly maxEntries: number;
  get(key: string): Promise<CachedResponse | undefined>;
  /**
   * How often each tag has been invalidated so far. Read it before the handler reads the
   * data and pass it to `set()`: a write that commits and invalidates in between makes
   * the response stale, and `set()` then stores nothing.
   */
  generations(tags: readonly string[]): Promise<Generations>;
  /** Stores `response` unless one of its tags moved past `since`; true when stored. */
  set(key: string, response: CachedResponse, since: Generations): Promise<boolean>;
  /** Drops every entry tagged `tag`; call it after the data behind those responses changed. */
  invalidate(tag: string): Promise<number>;
  clear(): Promise<void>;
}

/** Invalidation counts of some tags, in the order they were asked for. */
export type Generations = readonly number[];

export interface ResponseCacheOptions {
  /** How long an entry is served before the handler runs again. */
  ttlMs: number;
  /** Upper bound on stored entries; the least recently used one goes first. */
  maxEntries: number;
}

export function checkCacheOptions(options: ResponseCacheOptions): void {
  if (options.ttlMs <= 0) throw new RangeError('ttlMs must be positive');
  if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) {
    throw new RangeError('maxEntries must be a positive integer');
  }
}

/**
 * An in-process response cache with a TTL and a size bound (LRU). A `Map` keeps
 * insertion order, so re-inserting on every hit makes its first key the least
 * recently used one. With more than one process, use a shared store (`--cache redis`).
 */
export class MemoryResponseCache implements ResponseCache {
  readonly ttlMs: number;
  readonly maxEntries: number;
  private readonly entries = new Map<string, CachedResponse & { expiresAt: number }>();
  private readonly tagGenerations = new Map<string, number>();
  private readonly now: () => number;

  /** `now` is the clock, injectable so tests can move time forward. */
  constructor(options: ResponseCacheOptions & { now?: () => number }) {
    checkCacheOptions(options);
    this.ttlMs = options.ttlMs;
    this.maxEntries = options.maxEntries;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  async get(key: string): Promise<CachedResponse | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) {
      log.cache('expired %s', key);
      return undefined;
    }
    this.entries.set(key, entry);
    return entry;
  }

  async generations(tags: readonly string[]): Promise<Generations> {
    return this.generationsNow(tags);
  }

  // Synchronous from the check to the write: no invalidation can come in between.
  private generationsNow(tags: readonly string[]): Generations {
    return tags.map((tag) => this.tagGenerations.get(tag) ?? 0);
  }

  async set(key: string, response: CachedResponse, since: Generations): Promise<boolean> {
    const current = this.generationsNow(response.tags);
    if (current.some((generation, index) => generation !== since[index])) {
      log.cache('not storing %s: invalidated while it was computed', key);
      return false;
    }
    this.entries.delete(key);
    this.entries.set(key, { ...response, expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
      log.cache('evicted %s (size bound %d)', oldest, this.maxEntries);
    }
    return true;
  }

  async invalidate(tag: string): Promise<number> {
    this.tagGenerations.set(tag, (this.tagGenerations.get(tag) ?? 0) + 1);
    let dropped = 0;
    for (const [key, entry] of this.entries) {
      if (entry.tags.includes(tag)) {
        this.entries.delete(key);
        dropped += 1;
      }
    }
    if (dropped > 0) log.cache('invalidated %d entries tagged %s', dropped, tag);
    return dropped;
  }

  async clear(): Promise<void> {
    this.entries.clear();
  }
}

/** A strong validator: same bytes, same ETag. */
export function etagFor(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}
