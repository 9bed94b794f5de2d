import type { Express } from 'express';

/** One route the app answers: `GET /api/tasks/{id}`, in OpenAPI's path syntax. */
export interface RegisteredRoute {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: unknown; methods: Record<string, boolean> };
  rawPath?: unknown;
  handle?: { stack?: Layer[] };
}

/**
 * Every route registered on `app`, walking the routers it mounts (Express 5's router
 * keeps each mount path as `rawPath`). `:id` becomes `{id}`.
 */
export function registeredRoutes(app: Express): RegisteredRoute[] {
  return walk((app.router as unknown as { stack: Layer[] }).stack, '');
}

function walk(stack: Layer[], prefix: string): RegisteredRoute[] {
  return stack.flatMap((layer) => {
    if (layer.route && typeof layer.route.path === 'string') {
      const path = (prefix + layer.route.path).replace(/\/$/, '') || '/';
      return Object.keys(layer.route.methods)
        .filter((method) => method !== '_all')
        .map((method) => ({ method: method.toUpperCase(), path: path.replace(/:(\w+)/g, '{$1}') }));
    }
    if (layer.handle?.stack && typeof layer.rawPath === 'string') {
      return walk(layer.handle.stack, layer.rawPath === '/' ? prefix : prefix + layer.rawPath);
    }
    return [];
  });
}

/** The routes under /api that change data. */
export function writeRoutes(app: Express): RegisteredRoute[] {
  return registeredRoutes(app).filter((route) => route.path.startsWith('/api/') && !['GET', 'HEAD'].includes(route.method));
}
