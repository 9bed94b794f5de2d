// The plop bundle (dist/plop.js: node-plop and every starter's generator, loaded only by
// the commands that run plop) writes exactly what the CLI's lean path writes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAMEWORKS } from '../../generators/index.js';
import { planProject } from '../../src/plan.js';
import { buildTemplateData, defaultOptions } from '../../src/template-data.js';
import { tempDir } from './helpers.js';

type PlopBundle = typeof import('../../src/plop.js');
const loadBundle = () => import(join(import.meta.dirname, '../../dist/plop.js')) as Promise<PlopBundle>;

function listFiles(root: string): string[] {
  return (readdirSync(root, { recursive: true }) as string[])
    .map((path) => join(root, path))
    .filter((path) => statSync(path).isFile())
    .map((path) => relative(root, path))
    .sort();
}

describe('the plop bundle', () => {
  it('registers one generator per framework', async () => {
    const plop = await (await loadBundle()).loadGenerators(tempDir());
    // and `<id>:resource` for the starters `add resource` grows (test/unit/add.test.ts)
    const names = plop.getGeneratorList().map((generator) => generator.name);
    expect(names.filter((name) => !name.endsWith(':resource'))).toEqual(FRAMEWORKS.map((framework) => framework.id));
  });

  it.each(FRAMEWORKS.map((framework) => [framework.id, framework] as const))(
    '%s: writes the same files as the lean path',
    async (_id, framework) => {
      const dest = tempDir();
      const plop = await (await loadBundle()).loadGenerators(dest);
      const result = await plop.getGenerator(framework.id).runActions({ name: 'demo', ...defaultOptions(framework) });
      expect(result.failures.map((failure) => `${failure.type}: ${failure.error}`)).toEqual([]);

      const planned = await planProject(framework, buildTemplateData('demo', framework, {}));
      expect(listFiles(join(dest, 'demo'))).toEqual(planned.map((file) => file.path).sort());
      for (const file of planned) {
        const onDisk = join(dest, 'demo', file.path);
        expect(statSync(onDisk).mode & 0o111, file.path).toBe(file.mode & 0o111);
        // secrets differ per run; every other file is identical
        if (!file.path.startsWith('.env') || file.path === '.env.example')
          expect(readFileSync(onDisk).equals(Buffer.from(file.contents)), file.path).toBe(true);
      }
    },
  );
});
