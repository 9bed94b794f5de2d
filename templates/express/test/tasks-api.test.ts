import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { auth, buildTestApp } from './helpers.js';

const unknownId = '00000000-0000-4000-8000-000000000000';

describe('/api/tasks', () => {
  it('lists no tasks at first', async () => {
    const { app } = await buildTestApp();
    const response = await request(app).get('/api/tasks').expect(200).expect('Content-Type', /json/);
    expect(response.body).toEqual({ data: [] });
  });

  it('creates a task, then reads it and lists it', async () => {
    const { app } = await buildTestApp();
    const created = await request(app).post('/api/tasks').set(auth).send({ title: '  Write tests  ' }).expect(201);
    const task = created.body.data;
    expect(task).toMatchObject({ title: 'Write tests', done: false });
    expect(task.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.headers.location).toBe(`/api/tasks/${task.id}`);

    const read = await request(app).get(`/api/tasks/${task.id}`).expect(200);
    expect(read.body).toEqual({ data: task });

    const list = await request(app).get('/api/tasks').expect(200);
    expect(list.body.data).toEqual([task]);
  });

  it('updates some fields of a task with PATCH', async () => {
    const { app, tasks } = await buildTestApp();
    const task = await tasks.create({ title: 'Ship it', done: false });
    const response = await request(app).patch(`/api/tasks/${task.id}`).set(auth).send({ done: true }).expect(200);
    expect(response.body.data).toMatchObject({ id: task.id, title: 'Ship it', done: true });
    expect(await tasks.get(task.id)).toMatchObject({ done: true });
  });

  it('deletes a task, after which it is gone', async () => {
    const { app, tasks } = await buildTestApp();
    const task = await tasks.create({ title: 'Temporary', done: false });
    await request(app).delete(`/api/tasks/${task.id}`).set(auth).expect(204, '');
    await request(app).get(`/api/tasks/${task.id}`).expect(404);
    expect(await tasks.list()).toEqual([]);
  });

  it.each([
    ['GET', 'get'],
    ['PATCH', 'patch'],
    ['DELETE', 'delete'],
  ] as const)('answers %s of an unknown id with 404 JSON', async (_name, method) => {
    const { app } = await buildTestApp();
    const response = await request(app)[method](`/api/tasks/${unknownId}`).set(auth).send({ done: true }).expect(404);
    expect(response.headers['content-type']).toMatch(/json/);
    expect(response.body.error).toMatchObject({ status: 404, message: `Task ${unknownId} not found` });
  });

  it.each([
    ['a missing title', {}, 'title'],
    ['an empty title', { title: '   ' }, 'title'],
    ['a title that is not a string', { title: 42 }, 'title'],
    ['a done flag that is not a boolean', { title: 'x', done: 'yes' }, 'done'],
    ['an unknown field', { title: 'x', owner: 'me' }, '(body)'],
  ])('rejects %s with 400 and the field in error', async (_case, body, field) => {
    const { app, tasks } = await buildTestApp();
    const response = await request(app).post('/api/tasks').set(auth).send(body).expect(400);
    expect(response.body.error.message).toBe('Validation failed');
    expect(response.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await tasks.list()).toEqual([]);
  });

  it('rejects a PATCH without any field with 400', async () => {
    const { app, tasks } = await buildTestApp();
    const task = await tasks.create({ title: 'Unchanged', done: false });
    const response = await request(app).patch(`/api/tasks/${task.id}`).set(auth).send({}).expect(400);
    expect(response.body.error.details[0].message).toBe('send at least one of: title, done');
  });

  it('answers malformed JSON with 400 JSON', async () => {
    const { app } = await buildTestApp();
    const response = await request(app)
      .post('/api/tasks')
      .set(auth)
      .set('Content-Type', 'application/json')
      .send('{"title": ')
      .expect(400);
    expect(response.body.error.status).toBe(400);
  });

  it('refuses a JSON body over the size limit with 413', async () => {
    const { app, tasks } = await buildTestApp({ env: { JSON_BODY_LIMIT: '1kb' } });
    const response = await request(app)
      .post('/api/tasks')
      .set(auth)
      .send({ title: 'x'.repeat(2000) })
      .expect(413);
    expect(response.body.error).toMatchObject({ status: 413 });
    expect(await tasks.list()).toEqual([]);
  });

  it('answers an unknown API path with 404 JSON', async () => {
    const { app } = await buildTestApp();
    const response = await request(app).get('/api/nothing-here').expect(404).expect('Content-Type', /json/);
    expect(response.body.error.message).toBe('No route for GET /api/nothing-here');
  });
});

describe('/api/health', () => {
  it('says ok', async () => {
    const { app } = await buildTestApp();
    await request(app).get('/api/health').expect(200, { status: 'ok' });
  });
});
