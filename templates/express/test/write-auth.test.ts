import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { auth, buildTestApp, TEST_API_TOKEN } from './helpers.js';
import { writeRoutes } from './support/routes.js';

const someId = '00000000-0000-4000-8000-000000000000';

/** A request for `route` with `{id}` filled in and a valid JSON body. */
function send(app: Parameters<typeof request>[0], route: { method: string; path: string }) {
  const method = route.method.toLowerCase() as 'post' | 'patch' | 'put' | 'delete';
  return request(app)[method](route.path.replace('{id}', someId)).send({ title: 'Anonymous', done: true });
}

describe('writes need the API token', () => {
  it('finds the write routes to check', async () => {
    const { app } = await buildTestApp();
    expect(writeRoutes(app).map((route) => `${route.method} ${route.path}`).sort()).toEqual([
      'DELETE /api/tasks/{id}',
      'PATCH /api/tasks/{id}',
      'POST /api/tasks',
    ]);
  });

  it('refuses an anonymous write on every write route with 401 and changes nothing', async () => {
    const { app, tasks } = await buildTestApp();
    const task = await tasks.create({ title: 'Untouched', done: false });
    for (const route of writeRoutes(app)) {
      const method = route.method.toLowerCase() as 'post' | 'patch' | 'delete';
      const response = await request(app)[method](route.path.replace('{id}', task.id)).send({ title: 'Anonymous', done: true });
      expect(response.status, `${route.method} ${route.path}`).toBe(401);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(response.body.error).toMatchObject({ status: 401 });
    }
    expect(await tasks.list()).toEqual([task]);
  });

  it.each([
    ['a wrong token', `Bearer ${TEST_API_TOKEN.slice(0, -1)}x`],
    ['a longer token', `Bearer ${TEST_API_TOKEN}0`],
    ['the token under another scheme', `Basic ${TEST_API_TOKEN}`],
    ['the bare token', TEST_API_TOKEN],
    ['an empty bearer', 'Bearer '],
  ])('refuses %s', async (_case, header) => {
    const { app, tasks } = await buildTestApp();
    await request(app).post('/api/tasks').set('Authorization', header).send({ title: 'No' }).expect(401);
    expect(await tasks.list()).toEqual([]);
  });

  it('accepts the token, whatever the case of the scheme', async () => {
    const { app } = await buildTestApp();
    await request(app).post('/api/tasks').set(auth).send({ title: 'Yes' }).expect(201);
    await request(app).post('/api/tasks').set('Authorization', `bearer ${TEST_API_TOKEN}`).send({ title: 'Yes' }).expect(201);
  });

  it('refuses every write when the server has no API_TOKEN (read-only, not open)', async () => {
    const { app } = await buildTestApp({ env: { API_TOKEN: undefined } });
    for (const route of writeRoutes(app)) expect((await send(app, route).set(auth)).status).toBe(401);
    await request(app).get('/api/tasks').expect(200);
  });

  it('refuses an anonymous write before reading its body', async () => {
    const { app } = await buildTestApp({ env: { JSON_BODY_LIMIT: '1kb' } });
    await request(app).post('/api/tasks').set('Content-Type', 'application/json').send('{"title":').expect(401);
    await request(app).post('/api/tasks').send({ title: 'x'.repeat(5000) }).expect(401);
  });

  it('answers a body that is not JSON with 415 JSON', async () => {
    const { app, tasks } = await buildTestApp();
    const response = await request(app).post('/api/tasks').set(auth).set('Content-Type', 'text/plain').send('title=x').expect(415);
    expect(response.body.error).toMatchObject({ status: 415 });
    await request(app).post('/api/tasks').set(auth).expect(415);
    expect(await tasks.list()).toEqual([]);
  });
});
