// The framework definitions are the single source of truth: check they hold together,
// that each has its templates and its smoke checks, and that every combination of its
// options renders, with its own secrets only in .env and the services it needs in compose.yaml.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAMEWORKS, FRAMEWORKS_BY_ID } from '../../generators/index.js';
import { COMPOSE_SERVICES, servicesFor } from '../../src/framework.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { planProject } from '../../src/plan.js';
import { buildTemplateData } from '../../src/template-data.js';
import { allCombinations } from '../combinations.js';
import type { SmokeChecks } from '../smoke/types.js';

const TEMPLATES = join(PACKAGE_ROOT, 'templates');

describe('the registry of definitions', () => {
  it('keys each definition by its id (FrameworkId is derived from these keys)', () => {
    for (const [key, framework] of Object.entries(FRAMEWORKS_BY_ID)) expect(framework.id).toBe(key);
    expect(new Set(FRAMEWORKS.map((framework) => framework.id)).size).toBe(FRAMEWORKS.length);
  });

  it('has a definition for every folder of templates/', () => {
    const folders = readdirSync(TEMPLATES, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(folders.map((entry) => entry.name).sort()).toEqual(FRAMEWORKS.map((framework) => framework.id).sort());
  });
});

describe.each(FRAMEWORKS.map((framework) => [framework.id, framework] as const))('%s definition', (id, framework) => {
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

  it('has templates and every command the harness needs', () => {
    expect(existsSync(join(TEMPLATES, id))).toBe(true);
    expect(framework.commands.install.length).toBeGreaterThan(0);
    expect(framework.commands.test.length).toBeGreaterThan(0);
    expect(framework.commands.start.argv.length).toBeGreaterThan(0);
    expect(framework.commands.readyPath).toMatch(/^\//);
    expect(framework.toolchain.length).toBeGreaterThan(0);
  });

  it(`has smoke checks: test/smoke/${id}.checks.ts default-exports the checks of "${id}"`, async () => {
    const path = join(PACKAGE_ROOT, 'test', 'smoke', `${id}.checks.ts`);
    expect(existsSync(path), `${path} is missing`).toBe(true);
    const checks = ((await import(path)) as { default?: SmokeChecks }).default;
    expect(checks?.framework).toBe(id);
    expect(typeof checks?.check).toBe('function');
  });

  it('declares every secret its templates use ({{… secrets.<name> …}})', () => {
    // strict mode does not catch a missing field passed to a helper ({{env secrets.x}})
    const used = new Set<string>();
    for (const path of readdirSync(join(TEMPLATES, id), { recursive: true }) as string[]) {
      if (!path.endsWith('.hbs')) continue;
      const text = readFileSync(join(TEMPLATES, id, path), 'utf8');
      for (const mustache of text.match(/\{\{[^}]*\}\}/g) ?? []) {
        for (const [, name] of mustache.matchAll(/\bsecrets\.(\w+)/g)) used.add(name!);
      }
    }
    expect([...used].sort()).toEqual(Object.keys(framework.secrets ?? {}).sort());
  });

  it('renders every combination of its options in strict mode: its own secrets, only in .env; compose.yaml runs the services it needs', async () => {
    for (const options of allCombinations(framework)) {
      const data = buildTemplateData('demo-app', framework, options);
      expect(Object.keys(data.secrets).sort()).toEqual(Object.keys(framework.secrets ?? {}).sort());
      const files = await planProject(framework, data);
      const text = (path: string) =>
        Buffer.from(files.find((file) => file.path === path)?.contents ?? '').toString('utf8');
      for (const secret of Object.values(data.secrets))
        expect(text('.env'), `.env holds every secret (${JSON.stringify(options)})`).toContain(secret);
      for (const file of files.filter((candidate) => candidate.path !== '.env')) {
        const contents = Buffer.from(file.contents).toString('utf8');
        for (const secret of Object.values(data.secrets))
          expect(contents.includes(secret), `${file.path} holds a secret`).toBe(false);
      }
      for (const service of servicesFor(framework, options)) {
        expect(
          text('compose.yaml'),
          `compose.yaml runs "${COMPOSE_SERVICES[service].service}" (${JSON.stringify(options)})`,
        ).toMatch(new RegExp(`^  ${COMPOSE_SERVICES[service].service}:$`, 'm'));
      }
    }
  });
});

describe('README', () => {
  it('shows the framework table generated from the definitions (run `npm run readme`)', async () => {
    const { readmeTable } = await import('../../src/describe.js');
    const readme = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(readmeTable(FRAMEWORKS));
  });
});
