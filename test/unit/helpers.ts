import { mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import tmp from 'tmp';
import type { FrameworkDefinition } from '../../src/framework.js';
import { FRAMEWORKS } from '../../generators/index.js';

tmp.setGracefulCleanup();

/** A fresh temporary folder, removed at exit. */
export function tempDir(): string {
  return tmp.dirSync({ unsafeCleanup: true, prefix: 'create-backend-test-' }).name;
}

/** Writes files (path → contents) under `root`; a mode may follow after `|mode:`. */
export function writeTree(root: string, files: Record<string, string | { contents: string; mode: number }>): void {
  for (const [path, spec] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    const contents = typeof spec === 'string' ? spec : spec.contents;
    writeFileSync(full, contents);
    if (typeof spec !== 'string') chmodSync(full, spec.mode);
  }
}

export const express = FRAMEWORKS.find((framework) => framework.id === 'express') as FrameworkDefinition;

/** A framework definition rendering a template tree of the test's own. */
export function fixtureFramework(templates: string, extra: Partial<FrameworkDefinition> = {}): FrameworkDefinition {
  return { ...express, actions: () => [{ type: 'renderTree', templates }], ...extra };
}
