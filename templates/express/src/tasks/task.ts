import { z } from 'zod';

export interface Task {
  id: string;
  title: string;
  done: boolean;
  createdAt: string;
  updatedAt: string;
}

const title = z.string().trim().min(1, 'title must not be empty').max(200, 'title must be at most 200 characters');

/** Body of POST /api/tasks. Unknown fields are rejected, not silently dropped. */
export const newTaskSchema = z.strictObject({
  title,
  done: z.boolean().default(false),
});

/** Body of PATCH /api/tasks/:id: any subset of the editable fields, at least one. */
export const taskChangesSchema = z
  .strictObject({ title: title.optional(), done: z.boolean().optional() })
  .refine((changes) => Object.keys(changes).length > 0, 'send at least one of: title, done');

export type NewTask = z.infer<typeof newTaskSchema>;
export type TaskChanges = z.infer<typeof taskChangesSchema>;
