import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TaskRepository } from '../src/tasks/task-repository.js';
import { auth, buildTestApp } from './helpers.js';

/** A store that fails like a database that went away. */
const failure = () => Promise.reject(new Error('connection refused: db.internal:5432'));
const brokenRepository: TaskRepository = { list: failure, get: failure, create: failure, update: failure, delete: failure };

async function brokenApp(nodeEnv: 'development' | 'production' | 'test') {
  return (await buildTestApp({ env: { NODE_ENV: nodeEnv }, tasks: brokenRepository })).app;
}

describe('central error handler', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('answers an API failure with 500 JSON and a generic message', async () => {
    const response = await request(await brokenApp('test')).get('/api/tasks').expect(500).expect('Content-Type', /json/);
    expect(response.body.error).toMatchObject({ status: 500, message: 'Internal Server Error' });
  });

  it('answers a page failure with a 500 HTML page', async () => {
    const response = await request(await brokenApp('test')).get('/tasks').expect(500).expect('Content-Type', /text\/html/);
    expect(response.text).toContain('<h1>Something went wrong</h1>');
    expect(response.text).toContain('Internal Server Error');
  });

  it('shows the stack trace in development, to API clients and on pages', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const app = await brokenApp('development');
    const api = await request(app).get('/api/tasks').expect(500);
    expect(api.body.error.stack).toContain('connection refused');
    const page = await request(app).get('/tasks').expect(500);
    expect(page.text).toContain('<pre class="stack">');
  });

  it('never shows a stack trace in production, but logs the error', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const app = await brokenApp('production');
    const api = await request(app).get('/api/tasks').expect(500);
    expect(api.body.error.stack).toBeUndefined();
    expect(api.text).not.toContain('connection refused');
    const page = await request(app).get('/tasks').expect(500);
    expect(page.text).not.toContain('stack');
    expect(page.text).not.toContain('connection refused');
    expect(consoleError).toHaveBeenCalledWith(expect.objectContaining({ message: 'connection refused: db.internal:5432' }));
  });

  it('keeps 4xx messages, which describe the request, in production', async () => {
    const { app } = await buildTestApp({ env: { NODE_ENV: 'production' } });
    const response = await request(app).post('/api/tasks').set(auth).send({}).expect(400);
    expect(response.body.error.message).toBe('Validation failed');
    expect(response.body.error.stack).toBeUndefined();
  });
});
