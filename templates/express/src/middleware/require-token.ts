import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from '../http-error.js';

/** Methods that only read: they never need the token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** SHA-256 first, so both sides have the same length and the comparison takes constant time. */
function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Lets a write (POST, PUT, PATCH, DELETE…) through only with `Authorization: Bearer
 * <token>`; anything else gets 401 with a `WWW-Authenticate: Bearer` challenge, before
 * its body is read. Without a token configured every write is refused: a server started
 * without API_TOKEN is read-only rather than open.
 */
export function requireTokenForWrites(token: string | undefined): RequestHandler {
  const expected = token === undefined ? undefined : digest(token);
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) {
      next();
      return;
    }
    const [scheme, credentials] = (req.get('Authorization') ?? '').trim().split(/\s+/, 2);
    const granted =
      expected !== undefined &&
      scheme?.toLowerCase() === 'bearer' &&
      credentials !== undefined &&
      timingSafeEqual(digest(credentials), expected);
    if (granted) {
      next();
      return;
    }
    res.set('WWW-Authenticate', 'Bearer realm="api"');
    next(new HttpError(401, 'Send Authorization: Bearer <API_TOKEN> to write'));
  };
}

/** A body-carrying write must be JSON: anything else gets 415 before it is parsed. */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  if ((req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH') && !req.is('application/json')) {
    next(new HttpError(415, 'Send the body as JSON (Content-Type: application/json)'));
    return;
  }
  next();
};
