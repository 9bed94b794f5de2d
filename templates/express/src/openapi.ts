import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { site } from './site.js';
import { newTaskSchema, taskChangesSchema, taskSchema } from './tasks/task.js';

/** What every error answers (src/middleware/errors.ts). */
const errorSchema = z.strictObject({
  error: z.strictObject({
    status: z.int().min(400).max(599),
    message: z.string(),
    details: z.array(z.strictObject({ field: z.string(), message: z.string() })).optional(),
    stack: z.string().optional().describe('development only'),
  }),
});

/** A zod schema as an OpenAPI 3.1 schema object (JSON Schema 2020-12, which 3.1 uses). */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema, ...json } = z.toJSONSchema(schema, { io });
  return json;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { 'application/json': { schema } } });

const errorResponses = {
  400: 'Invalid request: a malformed JSON body, a field or parameter in error (see details)',
  401: 'Writes need Authorization: Bearer <API_TOKEN>',
  404: 'No such task',
  413: 'The body is larger than JSON_BODY_LIMIT',
  415: 'The body is not JSON (or its charset or encoding is not supported)',
} as const;

/** The error responses with these statuses, each described once. */
function errors(...statuses: (keyof typeof errorResponses)[]) {
  return Object.fromEntries(statuses.map((status) => [status, { description: errorResponses[status], ...json(ref('Error')) }]));
}

const taskId = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
} as const;

const writeSecurity = [{ apiToken: [] }];

const packageVersion = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The OpenAPI 3.1 document of the JSON API, served at /openapi.json. Request and
 * response schemas come from the same zod schemas the routes validate with;
 * test/openapi.test.ts checks that every route under /api is here and that the answers
 * match it.
 */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: `${site.name} API`,
    description: site.description,
    version: packageVersion,
  },
  paths: {
    '/api/health': {
      get: {
        operationId: 'getHealth',
        summary: 'Says the server is up',
        responses: {
          200: { description: 'Up', ...json({ type: 'object', properties: { status: { const: 'ok' } }, required: ['status'] }) },
        },
      },
    },
    '/api/tasks': {
      get: {
        operationId: 'listTasks',
        summary: 'Lists the tasks in creation order',
        parameters: [
          { name: 'done', in: 'query', required: false, description: 'Only done (true) or open (false) tasks', schema: { type: 'string', enum: ['true', 'false'] } },
        ],
        responses: {
          200: { description: 'The tasks', ...json({ type: 'object', properties: { data: { type: 'array', items: ref('Task') } }, required: ['data'], additionalProperties: false }) },
          ...errors(400),
        },
      },
      post: {
        operationId: 'createTask',
        summary: 'Creates a task',
        security: writeSecurity,
        requestBody: { required: true, ...json(ref('NewTask')) },
        responses: {
          201: {
            description: 'Created',
            headers: { Location: { description: 'URL of the new task', schema: { type: 'string' } } },
            ...json(ref('TaskResponse')),
          },
          ...errors(400, 401, 413, 415),
        },
      },
    },
    '/api/tasks/{id}': {
      parameters: [taskId],
      get: {
        operationId: 'getTask',
        summary: 'Reads one task',
        responses: { 200: { description: 'The task', ...json(ref('TaskResponse')) }, ...errors(400, 404) },
      },
      patch: {
        operationId: 'updateTask',
        summary: 'Changes some fields of a task',
        security: writeSecurity,
        requestBody: { required: true, ...json(ref('TaskChanges')) },
        responses: { 200: { description: 'The changed task', ...json(ref('TaskResponse')) }, ...errors(400, 401, 404, 413, 415) },
      },
      delete: {
        operationId: 'deleteTask',
        summary: 'Deletes a task',
        security: writeSecurity,
        responses: { 204: { description: 'Deleted' }, ...errors(400, 401, 404) },
      },
    },
  },
  components: {
    schemas: {
      Task: schemaOf(taskSchema, 'output'),
      TaskResponse: { type: 'object', properties: { data: ref('Task') }, required: ['data'], additionalProperties: false },
      NewTask: schemaOf(newTaskSchema, 'input'),
      TaskChanges: { ...schemaOf(taskChangesSchema, 'input'), minProperties: 1 },
      Error: schemaOf(errorSchema, 'output'),
    },
    securitySchemes: {
      apiToken: { type: 'http', scheme: 'bearer', description: 'The API_TOKEN the server was started with' },
    },
  },
} as const;
