import request from 'supertest';
import { describe, expect, it } from 'vitest';
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
  });
});
