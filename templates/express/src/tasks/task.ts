import { z } from 'zod';

/** A task as the API returns it (and as src/openapi.ts documents it). */
export const taskSchema = z.strictObject({
  id: z.uuid(),
  title: z.string(),
  done: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export type Task = z.infer<typeof taskSchema>;

// Control characters (NUL above all, which PostgreSQL refuses in text) never make a title.
const title = z
  .string()
  .trim()
  .min(1, 'title must not be empty')
  .max(200, 'title must be at most 200 characters')
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'title must not contain control characters');

/** Body of POST /api/tasks. Unknown fields are rejected, not silently dropped. */
export const newTaskSchema = z.strictObject({
  title,
  done: z.boolean().default(false),
});

/** Body of PATCH /api/tasks/:id: any subset of the editable fields, at least one. */
export const taskChangesSchema = z
  .strictObject({ title: title.optional(), done: z.boolean().optional() })
  .refine((changes) => Object.keys(changes).length > 0, 'send at least one of: title, done');

/** Query of GET /api/tasks: `?done=true` or `?done=false` lists only those. */
export const taskFilterSchema = z.object({
  done: z.enum(['true', 'false']).optional(),
});

export type NewTask = z.infer<typeof newTaskSchema>;
export type TaskChanges = z.infer<typeof taskChangesSchema>;
