// Every framework create-backend knows, in the order the CLI lists them. Adding one is
// adding its definition here (and its templates/<id>/ and test/smoke/<id>.checks.ts):
// no engine file names a framework.
import type { FrameworkDefinition } from '../src/framework.js';
import { django } from './django/index.js';
import { express } from './express/index.js';
import { flask } from './flask/index.js';
import { laravel } from './laravel/index.js';
import { rails } from './rails/index.js';

/** Keyed by id (a unit test checks each key is its definition's id). */
export const FRAMEWORKS_BY_ID = { express, django, laravel, rails, flask } satisfies Record<
  string,
  FrameworkDefinition
>;

export type FrameworkId = keyof typeof FRAMEWORKS_BY_ID;

export const FRAMEWORKS: readonly FrameworkDefinition[] = Object.values(FRAMEWORKS_BY_ID);

export function findFramework(id: string): FrameworkDefinition | undefined {
  return FRAMEWORKS.find((framework) => framework.id === id);
}
