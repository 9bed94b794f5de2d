// The generators also run under plain plop, and write exactly what the CLI writes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import nodePlop from 'node-plop';
import { describe, expect, it } from 'vitest';
import { FRAMEWORKS } from '../../generators/index.js';
import { planProject } from '../../src/plan.js';
import { buildTemplateData, defaultOptions } from '../../src/template-data.js';
import { tempDir } from './helpers.js';

const PLOPFILE = join(import.meta.dirname, '../../dist/generators/plopfile.js');

function listFiles(root: string): string[] {
  return (readdirSync(root, { recursive: true }) as string[])
    .map((path) => join(root, path))
    .filter((path) => statSync(path).isFile())
    .map((path) => relative(root, path))
    .sort();
}

describe('plop generators', () => {
  it('registers one generator per available framework', async () => {
    const plop = await nodePlop(PLOPFILE);
    const names = plop.getGeneratorList().map((generator) => generator.name).filter((name) => !name.endsWith(':resource'));
    expect(names).toEqual(FRAMEWORKS.filter((framework) => framework.available).map((framework) => framework.id));
  });

  for (const framework of FRAMEWORKS.filter((candidate) => candidate.available)) {
    it(`${framework.id}: plain plop writes the same files as the CLI's lean path`, async () => {
      const dest = tempDir();
      const plop = await nodePlop(PLOPFILE, { destBasePath: dest, force: false });
      const result = await plop.getGenerator(framework.id).runActions({ name: 'demo', ...defaultOptions(framework) });
      expect(result.failures.map((failure) => `${failure.type}: ${failure.error}`)).toEqual([]);

      const planned = await planProject(framework, buildTemplateData('demo', framework, {}));
      const written = listFiles(join(dest, 'demo'));
      expect(written).toEqual(planned.map((file) => file.path).sort());
      for (const file of planned) {
        const onDisk = join(dest, 'demo', file.path);
        expect(statSync(onDisk).mode & 0o111, file.path).toBe(file.mode & 0o111);
        // secrets differ per run; every other file is identical
        if (!file.path.startsWith('.env') || file.path === '.env.example') {
          expect(readFileSync(onDisk).equals(Buffer.from(file.contents)), file.path).toBe(true);
        }
      }
    });
  }
});
