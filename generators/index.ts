// Every framework create-backend knows, in the order the CLI lists them.
import type { FrameworkDefinition, FrameworkId } from '../src/framework.js';
import { django } from './django/index.js';
import { express } from './express/index.js';
import { flask } from './flask/index.js';
import { laravel } from './laravel/index.js';
import { rails } from './rails/index.js';

export const FRAMEWORKS: readonly FrameworkDefinition[] = [express, django, laravel, rails, flask];

export function findFramework(id: string): FrameworkDefinition | undefined {
  return FRAMEWORKS.find((framework) => framework.id === (id as FrameworkId));
}
