import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/openapi.js';
import { auth, buildTestApp } from './helpers.js';
import { registeredRoutes } from './support/routes.js';

type Operation = { responses: Record<string, { content?: Record<string, { schema: object }> }> };
const paths = openApiDocument.paths as unknown as Record<string, Record<string, Operation>>;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ $id: 'openapi.json', components: openApiDocument.components });

/** Asserts that the document lists this status for the operation and the body matches its schema. */
function expectDocumented(response: request.Response, method: string, path: string): void {
  const operation = paths[path]?.[method.toLowerCase()];
  expect(operation, `${method} ${path} is documented`).toBeDefined();
  const documented = operation!.responses[String(response.status)];
  expect(documented, `${method} ${path} documents status ${response.status}`).toBeDefined();
  const content = documented!.content;
  if (!content) {
    expect(response.text, `${method} ${path} ${response.status} has no body`).toBe('');
    return;
  }
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  // Local $refs (#/components/…) resolve against the document registered above.
  const schema = JSON.parse(JSON.stringify(content['application/json']!.schema).replaceAll('"#/components/', '"openapi.json#/components/')) as object;
  const validate = ajv.compile(schema);
  expect(validate(response.body), `${method} ${path} ${response.status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

describe('the OpenAPI document', () => {
  it('is served at /openapi.json as OpenAPI 3.1', async () => {
    const { app } = await buildTestApp();
    const response = await request(app).get('/openapi.json').expect(200).expect('Content-Type', /json/);
    expect(response.body.openapi).toMatch(/^3\.1\./);
    expect(response.body).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
  });

  it('is valid against the OpenAPI 3.1 schema', async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(openApiDocument)) as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('lists every route under /api, and nothing the app does not answer', async () => {
    const { app } = await buildTestApp();
    const registered = registeredRoutes(app)
      .filter((route) => route.path.startsWith('/api/'))
      .map((route) => `${route.method} ${route.path}`);
    const documented = Object.entries(paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => key !== 'parameters')
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual([...new Set(registered)].sort());
  });

  it('describes the answers of every operation, errors included', async () => {
    const { app } = await buildTestApp({ env: { JSON_BODY_LIMIT: '1kb' } });
    const missing = '00000000-0000-4000-8000-000000000000';
    const check = async (method: string, path: string, sent: request.Test) => expectDocumented(await sent, method, path);

    await check('GET', '/api/health', request(app).get('/api/health'));
    await check('GET', '/api/tasks', request(app).get('/api/tasks'));
    await check('GET', '/api/tasks', request(app).get('/api/tasks?done=maybe'));
    const created = await request(app).post('/api/tasks').set(auth).send({ title: 'Documented' });
    expectDocumented(created, 'POST', '/api/tasks');
    const id = created.body.data.id as string;
    await check('GET', '/api/tasks', request(app).get('/api/tasks?done=false'));
    await check('POST', '/api/tasks', request(app).post('/api/tasks').send({ title: 'anonymous' }));
    await check('POST', '/api/tasks', request(app).post('/api/tasks').set(auth).send({ title: '' }));
    await check('POST', '/api/tasks', request(app).post('/api/tasks').set(auth).set('Content-Type', 'application/json').send('{"title":'));
    await check('POST', '/api/tasks', request(app).post('/api/tasks').set(auth).send({ title: 'x'.repeat(5000) }));
    await check('POST', '/api/tasks', request(app).post('/api/tasks').set(auth).set('Content-Type', 'text/plain').send('title'));
    await check('GET', '/api/tasks/{id}', request(app).get(`/api/tasks/${id}`));
    await check('GET', '/api/tasks/{id}', request(app).get(`/api/tasks/${missing}`));
    await check('GET', '/api/tasks/{id}', request(app).get('/api/tasks/%E0%A4%A'));
    await check('PATCH', '/api/tasks/{id}', request(app).patch(`/api/tasks/${id}`).set(auth).send({ done: true }));
    await check('PATCH', '/api/tasks/{id}', request(app).patch(`/api/tasks/${id}`).set(auth).send({}));
    await check('PATCH', '/api/tasks/{id}', request(app).patch(`/api/tasks/${missing}`).set(auth).send({ done: true }));
    await check('PATCH', '/api/tasks/{id}', request(app).patch(`/api/tasks/${id}`).send({ done: true }));
    await check('DELETE', '/api/tasks/{id}', request(app).delete(`/api/tasks/${id}`));
    await check('DELETE', '/api/tasks/{id}', request(app).delete(`/api/tasks/${id}`).set(auth));
    await check('DELETE', '/api/tasks/{id}', request(app).delete(`/api/tasks/${id}`).set(auth));
  });
});
