// Express over real HTTP: the rendered pages, the tasks REST resource, the response
// cache (MISS → HIT → MISS after a write, ETag → 304), JSON and HTML 404s, and the
// security headers.
import assert from 'node:assert/strict';
import { expectStatus, type HttpResponse } from './http.js';
import type { SmokeChecks } from './types.js';

interface Task {
  id: string;
  title: string;
  done: boolean;
}

function expectType(response: HttpResponse, type: RegExp, what: string): void {
  assert.match(response.headers.get('content-type') ?? '', type, `${what}: content type`);
}

function expectCache(response: HttpResponse, state: 'HIT' | 'MISS', what: string): void {
  assert.equal(response.headers.get('x-cache'), state, `${what}: X-Cache`);
}

const checks: SmokeChecks = {
  framework: 'express',
  async check({ client: newClient }) {
    const api = newClient();

    const home = await api.get('/');
    expectStatus(home, 200, 'GET /');
    expectType(home, /text\/html/, 'GET /');
    assert.match(home.text, /<header class="site-header">/, 'the home page is rendered inside the layout');
    assert.equal(home.headers.get('x-powered-by'), null, 'no X-Powered-By');
    assert.match(home.headers.get('content-security-policy') ?? '', /default-src 'self'/, 'helmet sets a CSP');
    assert.equal(home.headers.get('x-content-type-options'), 'nosniff', 'helmet sets X-Content-Type-Options');

    const title = `Smoke test ${Date.now()}`;
    const created = await api.sendJson('POST', '/api/tasks', { title });
    expectStatus(created, 201, 'POST /api/tasks');
    const task = (created.json as { data: Task }).data;
    assert.equal(task.title, title);
    assert.equal(task.done, false);
    assert.equal(created.headers.get('location'), `/api/tasks/${task.id}`, 'Location of the new task');

    const read = await api.get(`/api/tasks/${task.id}`);
    expectStatus(read, 200, 'GET the new task');
    assert.deepEqual((read.json as { data: Task }).data, task);

    const first = await api.get('/api/tasks');
    expectStatus(first, 200, 'GET /api/tasks');
    expectCache(first, 'MISS', 'first GET /api/tasks after a write');
    assert.ok((first.json as { data: Task[] }).data.some((listed) => listed.id === task.id), 'the list holds the new task');
    const second = await api.get('/api/tasks');
    expectCache(second, 'HIT', 'repeated GET /api/tasks');
    assert.equal(second.text, first.text, 'a HIT replays the same body');

    const etag = second.headers.get('etag');
    assert.ok(etag, 'GET /api/tasks has an ETag');
    const notModified = await api.get('/api/tasks', { 'if-none-match': etag });
    expectStatus(notModified, 304, 'GET /api/tasks with If-None-Match');
    assert.equal(notModified.text, '', '304 has no body');

    const updated = await api.sendJson('PATCH', `/api/tasks/${task.id}`, { done: true });
    expectStatus(updated, 200, 'PATCH the task');
    const afterWrite = await api.get('/api/tasks');
    expectCache(afterWrite, 'MISS', 'GET /api/tasks after PATCH');
    assert.notEqual(afterWrite.headers.get('etag'), etag, 'the ETag changes with the data');

    const tasksPage = await api.get('/tasks');
    expectStatus(tasksPage, 200, 'GET /tasks');
    expectType(tasksPage, /text\/html/, 'GET /tasks');
    assert.ok(tasksPage.text.includes(title), 'the tasks page lists the new task');

    const invalid = await api.sendJson('POST', '/api/tasks', { title: '' });
    expectStatus(invalid, 400, 'POST an invalid task');
    expectType(invalid, /application\/json/, 'POST an invalid task');

    const unknownId = '00000000-0000-4000-8000-000000000000';
    const missing = await api.get(`/api/tasks/${unknownId}`);
    expectStatus(missing, 404, 'GET an unknown task');
    expectType(missing, /application\/json/, 'GET an unknown task');
    assert.equal((missing.json as { error: { status: number } }).error.status, 404);

    const noPage = await api.get('/no/such/page');
    expectStatus(noPage, 404, 'GET an unknown page');
    expectType(noPage, /text\/html/, 'GET an unknown page');
    assert.match(noPage.text, /Page not found/);

    const deleted = await api.request('DELETE', `/api/tasks/${task.id}`);
    expectStatus(deleted, 204, 'DELETE the task');
    expectStatus(await api.get(`/api/tasks/${task.id}`), 404, 'GET the deleted task');
  },
};

export default checks;
