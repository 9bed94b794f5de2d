import type { RequestHandler, Response } from 'express';
import { etagFor, type CachedResponse, type ResponseCache } from '../cache/response-cache.js';
import { log } from '../logger.js';

export interface CacheResponsesOptions {
  /** Tags stored with each entry; `cache.invalidate(tag)` drops them after a write. */
  tags: readonly string[];
  /**
   * What browsers and proxies may do. `no-cache` means "store, but revalidate every
   * time": clients send If-None-Match and get a cheap 304 while our copy is unchanged,
   * and they see a write at once because the write invalidates our copy.
   */
  cacheControl?: string;
}

/**
 * Serves GET (and HEAD) responses from `cache` while they are fresh, so the route
 * handler behind it runs at most once per URL per TTL. Marks every response with
 * `X-Cache: HIT|MISS`, gives it a strong ETag and answers a matching If-None-Match
 * with 304 (Express's `req.fresh` does the comparison).
 *
 * Entries are keyed by URL only: put this in front of routes whose response depends on
 * nothing but the URL (not on cookies, the user or the Accept header).
 */
export function cacheResponses(cache: ResponseCache, options: CacheResponsesOptions): RequestHandler {
  const cacheControl = options.cacheControl ?? 'no-cache';
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    const key = req.originalUrl;
    res.set('Cache-Control', cacheControl);

    const hit = cache.get(key);
    if (hit) {
      log.cache('HIT %s', key);
      res.set('X-Cache', 'HIT').set('ETag', hit.etag);
      if (hit.contentType) res.type(hit.contentType);
      res.status(hit.status).send(hit.body);
      return;
    }

    log.cache('MISS %s', key);
    res.set('X-Cache', 'MISS');
    storeWhenSent(res, (response) => cache.set(key, { ...response, tags: options.tags }));
    next();
  };
}

/**
 * Wraps `res.send` (which `res.json` and `res.render` end in) to capture the final body
 * of a successful response. Sets our ETag first so Express keeps it and does the 304.
 */
function storeWhenSent(res: Response, store: (response: Omit<CachedResponse, 'tags' | 'expiresAt'>) => void): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    // `res.send(object)` calls `res.json`, which calls `res.send(string)` again: only
    // the call carrying the serialised bytes is stored.
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.isBuffer(body) ? body : undefined;
    if (bytes === undefined || res.statusCode !== 200 || res.get('Set-Cookie')) return send(body);

    // Read everything before `send`: on a 304 it changes the status and drops Content-Type.
    if (!res.get('Content-Type')) res.type(typeof body === 'string' ? 'html' : 'bin');
    const response = { status: res.statusCode, contentType: res.get('Content-Type'), body: bytes, etag: etagFor(bytes) };
    res.set('ETag', response.etag);
    store(response);
    return send(body);
  };
}
