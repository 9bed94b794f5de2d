import { z } from 'zod';

const environment = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** How long the response cache serves an entry before running the handler again. */
  CACHE_TTL_SECONDS: z.coerce.number().positive().default(30),
  CACHE_MAX_ENTRIES: z.coerce.number().int().positive().default(500),
  /** Largest JSON body accepted, in the `bytes` package's syntax (100kb, 1mb). */
  JSON_BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, 'use a size like 100kb or 1mb').default('100kb'),
});

export type Config = z.infer<typeof environment>;

/** Reads and checks the configuration once; a bad value stops the process with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = environment.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  return result.data;
}
