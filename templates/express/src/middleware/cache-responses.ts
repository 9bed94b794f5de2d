import type { Request, RequestHandler, Response } from 'express';
import { etagFor, type CachedResponse, type ResponseCache } from '../cache/response-cache.js';
import { log } from '../logger.js';

export interface CacheResponsesOptions {
  /** Tags stored with each entry; `cache.invalidate(tag)` drops them after a write. */
  tags: readonly string[];
  /**
   * The query parameters the handler reads. Only these make up the cache key (sorted),
   * so `?utm_source=…` or a random `?x=123` is the same entry, not a new one; a
   * parameter the handler reads but is not listed here would be served wrongly.
   */
  query?: readonly string[];
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
 * with 304 and no body.
 *
 * Entries are keyed by path and the listed query parameters only: put this in front of
 * routes whose response depends on nothing else (not on cookies, the user or the Accept
 * header). A write that invalidates a tag while a response is being computed keeps that
 * (stale) response out of the cache: the tags' generations are read before the handler
 * runs and checked again when storing.
 */
export function cacheResponses(cache: ResponseCache, options: CacheResponsesOptions): RequestHandler {
  const cacheControl = options.cacheControl ?? 'no-cache';
  return async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    const key = cacheKey(req, options.query ?? []);
    res.set('Cache-Control', cacheControl);

    // A cache that is down must not take the site with it: answer from the handler.
    const hit = await cache.get(key).catch((error: unknown) => cacheFailed(`read of ${key}`, error));
    if (hit) {
      log.cache('HIT %s', key);
      res.set('X-Cache', 'HIT').set('ETag', hit.etag);
      if (matchesIfNoneMatch(req.get('If-None-Match'), hit.etag)) {
        sendNotModified(res);
        return;
      }
      if (hit.contentType) res.type(hit.contentType);
      res.status(hit.status).send(hit.body);
      return;
    }

    log.cache('MISS %s', key);
    res.set('X-Cache', 'MISS');
    // Before the handler reads anything: a write committed after this point moves a
    // generation, and the response computed from older data is then not stored.
    const since = await cache.generations(options.tags).catch((error: unknown) => cacheFailed(`read of ${key}`, error));
    if (since) {
      storeWhenSent(res, matchesIfNoneMatch.bind(null, req.get('If-None-Match')), async (response) => {
        await cache.set(key, { ...response, tags: options.tags }, since);
      });
    }
    next();
  };
}

/**
 * The path with its escapes normalised as RFC 3986 says (`%61` is `a`, `%2f` is `%2F`)
 * and no trailing slash, then the listed query parameters, sorted:
 * `/api/tasks/?b=2&a=1&utm=x` with `['a', 'b']` is `/api/tasks?a=1&b=2`. Letter case is
 * kept: a path parameter (an id) may depend on it.
 */
export function cacheKey(req: Request, names: readonly string[]): string {
  const path = (req.baseUrl + req.path)
    .replace(/%[0-9a-f]{2}/gi, (escape) => {
      const char = String.fromCharCode(Number.parseInt(escape.slice(1), 16));
      return /[\w.~-]/.test(char) ? char : escape.toUpperCase();
    })
    .replace(/(.)\/+$/, '$1');
  const search = new URLSearchParams(req.originalUrl.split('?', 2)[1] ?? '');
  const kept = new URLSearchParams([...search].filter(([name]) => names.includes(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const query = kept.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * Wraps `res.send` (which `res.json` and `res.render` end in) to capture the final body
 * of a successful response, store it, and only then send it — so the next request for
 * the same URL finds it, even in a shared store. `clientHas(etag)` says whether the
 * client already has these bytes (then it gets a 304).
 */
function storeWhenSent(
  res: Response,
  clientHas: (etag: string) => boolean,
  store: (response: Omit<CachedResponse, 'tags'>) => Promise<void>,
): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    // `res.send(object)` calls `res.json`, which calls `res.send(string)` again: only
    // the call carrying the serialised bytes is stored.
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.isBuffer(body) ? body : undefined;
    if (bytes === undefined || res.statusCode !== 200 || res.get('Set-Cookie')) return send(body);

    if (!res.get('Content-Type')) res.type(typeof body === 'string' ? 'html' : 'bin');
    const response = { status: res.statusCode, contentType: res.get('Content-Type'), body: bytes, etag: etagFor(bytes) };
    res.set('ETag', response.etag);
    void store(response)
      .catch((error: unknown) => cacheFailed(`write of ${res.req.originalUrl}`, error))
      .finally(() => (clientHas(response.etag) ? sendNotModified(res) : send(body)));
    return res;
  };
}

/**
 * Drops the responses tagged `tag` after a write. A cache that is down must not turn a
 * write that succeeded into an error response: the failure is logged, and those entries
 * end with their TTL.
 */
export async function invalidateAfterWrite(cache: ResponseCache, tag: string): Promise<void> {
  await cache.invalidate(tag).catch((error: unknown) => cacheFailed(`invalidation of ${tag}`, error));
}

function cacheFailed(what: string, error: unknown): undefined {
  console.error(`Response cache unavailable (${what}):`, error instanceof Error ? error.message : error);
  return undefined;
}

/**
 * If-None-Match per RFC 9110: a list of tags compared weakly, or `*`. We compare
 * ourselves instead of using Express's `req.fresh`, which treats a request's
 * `Cache-Control: no-cache` as "never fresh" — and fetch(), in browsers and Node, adds
 * exactly that header to every request carrying If-None-Match.
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

function sendNotModified(res: Response): Response {
  res.removeHeader('Content-Type');
  res.removeHeader('Content-Length');
  return res.status(304).end();
}
