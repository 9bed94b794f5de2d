// The framework definitions are the single source of truth: check they hold together,
// and that every combination of every available starter's options renders.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAMEWORKS } from '../../generators/index.js';
import { TEMPLATES_ROOT } from '../../src/paths.js';
import { planProject } from '../../src/plan.js';
import { buildTemplateData } from '../../src/template-data.js';
import { allCombinations } from '../combinations.js';

describe.each(FRAMEWORKS.map((framework) => [framework.id, framework] as const))('%s definition', (_id, framework) => {
  it('has a label, a one-line summary and a language', () => {
    expect(framework.label).toBeTruthy();
    expect(framework.summary).not.toContain('\n');
    expect(framework.language).toBeTruthy();
  });

  it('gives every option a valid default and distinct values', () => {
    for (const option of framework.options) {
      expect(option.name).toMatch(/^[a-z][a-z-]*$/);
      if (option.kind === 'choice') {
        const values = option.choices.map((choice) => choice.value);
        expect(values).toContain(option.default);
        expect(new Set(values).size).toBe(values.length);
      }
    }
  });

  it.runIf(framework.available)('has templates and every command the harness needs', () => {
    expect(existsSync(join(TEMPLATES_ROOT, framework.id))).toBe(true);
    expect(framework.commands.install.length).toBeGreaterThan(0);
    expect(framework.commands.test.length).toBeGreaterThan(0);
    expect(framework.commands.start.argv.length).toBeGreaterThan(0);
    expect(framework.commands.readyPath).toMatch(/^\//);
    expect(framework.toolchain.length).toBeGreaterThan(0);
  });

  it.runIf(framework.available)('renders every combination of its options in strict mode, secrets only in .env', async () => {
    for (const options of allCombinations(framework)) {
      const data = buildTemplateData('demo-app', framework, options);
      const files = await planProject(framework, data);
      expect(files.length).toBeGreaterThan(0);
      const secrets = Object.values(data.secrets);
      for (const file of files) {
        const text = Buffer.from(file.contents).toString('utf8');
        if (file.path !== '.env') {
          for (const secret of secrets) expect(text.includes(secret), `${file.path} holds a secret`).toBe(false);
        }
      }
    }
  });
});

describe('README', () => {
  it('shows the framework table generated from the definitions (run `npm run readme`)', async () => {
    const { readFileSync } = await import('node:fs');
    const { readmeTable } = await import('../../src/describe.js');
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    expect(readme).toContain(readmeTable(FRAMEWORKS));
  });
});
