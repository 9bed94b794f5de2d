import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from './helpers.js';

describe('caching of the tasks resource', () => {
  it('serves a repeated list from the cache until a task is created', async () => {
    const { app } = await buildTestApp();
    await request(app).get('/api/tasks').expect(200).expect('X-Cache', 'MISS');
    await request(app).get('/api/tasks').expect(200).expect('X-Cache', 'HIT');

    await request(app).post('/api/tasks').send({ title: 'New' }).expect(201);
    const fresh = await request(app).get('/api/tasks').expect(200).expect('X-Cache', 'MISS');
    expect(fresh.body.data).toHaveLength(1);
  });

  it('drops a cached task after PATCH and DELETE', async () => {
    const { app, tasks } = await buildTestApp();
    const task = await tasks.create({ title: 'Cached', done: false });
    const url = `/api/tasks/${task.id}`;

    await request(app).get(url).expect('X-Cache', 'MISS');
    await request(app).get(url).expect('X-Cache', 'HIT');
    await request(app).patch(url).send({ title: 'Renamed' }).expect(200);
    const renamed = await request(app).get(url).expect('X-Cache', 'MISS');
    expect(renamed.body.data.title).toBe('Renamed');

    await request(app).delete(url).expect(204);
    await request(app).get(url).expect(404);
  });

  it('does not invalidate on a failed write', async () => {
    const { app } = await buildTestApp();
    await request(app).get('/api/tasks').expect('X-Cache', 'MISS');
    await request(app).post('/api/tasks').send({ title: '' }).expect(400);
    await request(app).get('/api/tasks').expect('X-Cache', 'HIT');
  });

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const { app } = await buildTestApp();
    const { headers } = await request(app).get('/api/tasks').expect(200);
    const response = await request(app).get('/api/tasks').set('If-None-Match', headers.etag as string).expect(304);
    expect(response.text).toBe('');
  });

  it('refreshes the HTML task list when the API changes a task', async () => {
    const { app } = await buildTestApp();
    await request(app).get('/tasks').expect('X-Cache', 'MISS');
    await request(app).get('/tasks').expect('X-Cache', 'HIT');
    await request(app).post('/api/tasks').send({ title: 'Shown on the page' }).expect(201);
    const page = await request(app).get('/tasks').expect('X-Cache', 'MISS');
    expect(page.text).toContain('Shown on the page');
  });
});
