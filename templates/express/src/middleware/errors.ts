import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { HttpError, NotFoundError } from '../http-error.js';
import { log } from '../logger.js';

export interface ErrorHandlerOptions {
  /** Show stack traces to the client: in development only (NODE_ENV=development). */
  exposeStack: boolean;
  /** Print unexpected (5xx) errors to stderr; off in tests to keep their output clean. */
  logErrors: boolean;
}

const API_PATH = /^\/api(?:[/?]|$)/;

function isApiRequest(req: Request): boolean {
  return API_PATH.test(req.originalUrl);
}

/** Last route: nothing matched. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`No route for ${req.method} ${req.path}`));
};

/** The HTTP status an error maps to: ours, body-parser's (400, 413…), or 500. */
function statusOf(error: unknown): number {
  if (error instanceof HttpError) return error.status;
  if (typeof error === 'object' && error !== null) {
    const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
    const candidate = typeof status === 'number' ? status : statusCode;
    if (typeof candidate === 'number' && candidate >= 400 && candidate < 600) return candidate;
  }
  return 500;
}

/**
 * The one place errors become responses: JSON under /api, an HTML page elsewhere.
 * Messages of 4xx errors are shown (they describe the request); a 5xx shows a generic
 * message, so internals never leak, and its stack only when `exposeStack` is on.
 */
export function errorHandler(options: ErrorHandlerOptions): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    // Too late to send an error response: let Express close the connection.
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = statusOf(error);
    const message = status < 500 && error instanceof Error ? error.message : 'Internal Server Error';
    const details = error instanceof HttpError ? error.details : undefined;
    const stack = options.exposeStack && error instanceof Error ? error.stack : undefined;

    log.error('%s %s -> %d %s', req.method, req.originalUrl, status, message);
    if (status >= 500 && options.logErrors) console.error(error);

    res.status(status);
    if (isApiRequest(req)) {
      res.json({ error: { status, message, details, stack } });
    } else {
      res.render('error', { title: `Error ${status}`, status, message, stack });
    }
  };
}
