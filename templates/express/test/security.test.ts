import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { buildTestApp } from './helpers.js';

describe('security defaults', () => {
  it.each(['/', '/api/tasks', '/no/such/page'])('sends security headers and no X-Powered-By on %s', async (path) => {
    const { app } = await buildTestApp();
    const response = await request(app).get(path);
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe('production-safe without NODE_ENV', () => {
  // The project's root folder: an absolute path must not reach a client.
  const projectRoot = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
  const failure = () => Promise.reject(new Error('connection refused: db.internal:5432'));

  it.each([
    ['an unknown page', '/no/such/page', 404],
    ['an unknown API path', '/api/no/such/thing', 404],
    ['a failing page', '/tasks', 500],
    ['a failing API call', '/api/tasks', 500],
  ])('answers %s with no stack trace and no path', async (_case, path, status) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { app } = await buildTestApp({
      env: { NODE_ENV: undefined },
      tasks: { list: failure, get: failure, create: failure, update: failure, delete: failure },
    });
    const response = await request(app).get(path).expect(status);
    expect(response.text).not.toContain(projectRoot);
    expect(response.text).not.toMatch(/\bat [\w.<>]+ \(|class="stack"|"stack"|connection refused/);
    vi.restoreAllMocks();
  });
});
