import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from './helpers.js';

describe('pages', () => {
  it('renders the home page inside the layout, with the header and footer partials', async () => {
    const { app } = await buildTestApp();
    const response = await request(app).get('/').expect(200).expect('Content-Type', /text\/html/);
    expect(response.text).toMatch(/^<!doctype html>/);
    expect(response.text).toContain('<title>Home · ');
    expect(response.text).toContain('<header class="site-header">');
    expect(response.text).toContain('<footer class="site-footer">');
    expect(response.text).toContain('href="/api/tasks"');
  });

  it('lists the tasks, counting the open ones', async () => {
    const { app, tasks } = await buildTestApp();
    await tasks.create({ title: 'Open one', done: false });
    await tasks.create({ title: 'Finished one', done: true });
    const response = await request(app).get('/tasks').expect(200).expect('Content-Type', /text\/html/);
    expect(response.text).toContain('<title>Tasks · ');
    expect(response.text).toContain('1 open of 2.');
    expect(response.text).toContain('<span class="title">Open one</span>');
    expect(response.text).toMatch(/<li class="task done">[\s\S]*Finished one/);
  });

  it('says so when there are no tasks', async () => {
    const { app } = await buildTestApp();
    const response = await request(app).get('/tasks').expect(200);
    expect(response.text).toContain('No tasks yet.');
  });

  it('escapes task titles, so stored HTML is shown and never run', async () => {
    const { app, tasks } = await buildTestApp();
    await tasks.create({ title: '<script>alert(1)</script>', done: false });
    const response = await request(app).get('/tasks').expect(200);
    expect(response.text).not.toContain('<script>alert(1)</script>');
    expect(response.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('answers an unknown page with a 404 HTML page', async () => {
    const { app } = await buildTestApp();
    const response = await request(app).get('/no/such/page').expect(404).expect('Content-Type', /text\/html/);
    expect(response.text).toContain('<h1>Page not found</h1>');
    expect(response.text).toContain('No route for GET /no/such/page');
    expect(response.text).toContain('<header class="site-header">');
  });

  it('serves the stylesheet from public/', async () => {
    const { app } = await buildTestApp();
    await request(app).get('/styles.css').expect(200).expect('Content-Type', /text\/css/);
  });
});
