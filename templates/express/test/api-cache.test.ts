import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { TaskRepository } from '../src/tasks/task-repository.js';
import { auth, buildTestApp } from './helpers.js';

describe('caching of the tasks resource', () => {
  it('serves a repeated list from the cache until a task is created', async () => {
    const { app } = await buildTestApp();
    await request(app).get('/api/tasks').expect(200).expect('X-Cache', 'MISS');
    await request(app).get('/api/tasks').expect(200).expect('X-Cache', 'HIT');

    await request(app).post('/api/tasks').set(auth).send({ title: 'New' }).expect(201);
    const fresh = await request(app).get('/api/tasks').expect(200).expect('X-Cache', 'MISS');
    expect(fresh.body.data).toHaveLength(1);
  });

  it('drops a cached task after PATCH and DELETE', async () => {
    const { app, tasks } = await buildTestApp();
    const task = await tasks.create({ title: 'Cached', done: false });
    const url = `/api/tasks/${task.id}`;

    await request(app).get(url).expect('X-Cache', 'MISS');
    await request(app).get(url).expect('X-Cache', 'HIT');
    await request(app).patch(url).set(auth).send({ title: 'Renamed' }).expect(200);
    const renamed = await request(app).get(url).expect('X-Cache', 'MISS');
    expect(renamed.body.data.title).toBe('Renamed');

    await request(app).delete(url).set(auth).expect(204);
    await request(app).get(url).expect(404);
  });

  it('does not invalidate on a failed write', async () => {
    const { app } = await buildTestApp();
    await request(app).get('/api/tasks').expect('X-Cache', 'MISS');
    await request(app).post('/api/tasks').set(auth).send({ title: '' }).expect(400);
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
    await request(app).post('/api/tasks').set(auth).send({ title: 'Shown on the page' }).expect(201);
    const page = await request(app).get('/tasks').expect('X-Cache', 'MISS');
    expect(page.text).toContain('Shown on the page');
  });

  it('does not store a list read before a write that committed while it was in flight', async () => {
    const { tasks } = await buildTestApp();
    // The list query of the first GET reads the data, then stalls until released.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let listed!: () => void;
    const hasListed = new Promise<void>((resolve) => (listed = resolve));
    let stall = true;
    const slowTasks: TaskRepository = {
      list: async (...args: Parameters<typeof tasks.list>) => {
        const result = await tasks.list(...args);
        if (stall) {
          stall = false;
          listed();
          await released;
        }
        return result;
      },
      create: tasks.create.bind(tasks),
      get: tasks.get.bind(tasks),
      update: tasks.update.bind(tasks),
      delete: tasks.delete.bind(tasks),
    };
    const { app } = await buildTestApp({ tasks: slowTasks });

    const inFlight = request(app).get('/api/tasks').then((response) => response);
    await hasListed;
    await request(app).post('/api/tasks').set(auth).send({ title: 'Written meanwhile' }).expect(201);
    release();
    const stale = await inFlight;
    expect(stale.body.data).toEqual([]);

    const next = await request(app).get('/api/tasks').expect(200);
    expect(next.headers['x-cache']).toBe('MISS');
    expect((next.body.data as { title: string }[]).map((task) => task.title)).toEqual(['Written meanwhile']);
    await request(app).get('/api/tasks').expect('X-Cache', 'HIT');
  });

  it('ignores query parameters the list does not read, and filters by done', async () => {
    const { app, tasks } = await buildTestApp();
    await tasks.create({ title: 'Open', done: false });
    await tasks.create({ title: 'Closed', done: true });
    await request(app).get('/api/tasks').expect('X-Cache', 'MISS');
    await request(app).get('/api/tasks?utm_source=x&cb=123').expect('X-Cache', 'HIT');
    const open = await request(app).get('/api/tasks?done=false').expect('X-Cache', 'MISS');
    expect((open.body.data as { title: string }[]).map((task) => task.title)).toEqual(['Open']);
    await request(app).get('/api/tasks?cb=1&done=false').expect('X-Cache', 'HIT');
    await request(app).get('/api/tasks?done=maybe').expect(400);
  });
});
