// Container and CI files of every generated project, for every combination of options:
// the GitHub workflow passes actionlint, compose.yaml is valid YAML whose services are the
// ones the options imply (app; db for PostgreSQL; redis when Redis is used; other app
// processes such as a worker may be added), and there is
// a Dockerfile that does not run as root. Needs `actionlint` on PATH (.ci/run installs it).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import tmp from 'tmp';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { FRAMEWORKS } from '../../generators/index.js';
import type { FrameworkDefinition, OptionValues, ServiceName } from '../../src/framework.js';
import { planProject } from '../../src/plan.js';
import { buildTemplateData } from '../../src/template-data.js';
import { allCombinations } from '../combinations.js';
import { servicesFor } from '../smoke/services.js';

const COMPOSE_SERVICE: Record<ServiceName, string> = { postgres: 'db', redis: 'redis' };

/** The compose services the options imply: app, and the backing service of each need. */
function impliedServices(framework: FrameworkDefinition, options: OptionValues): string[] {
  return ['app', ...servicesFor(framework, options).map((service) => COMPOSE_SERVICE[service])].sort();
}

describe.each(FRAMEWORKS.map((framework) => [framework.id, framework] as const))('%s containers and CI', (_id, framework) => {
  it('for every option combination: actionlint-clean workflow, compose services as implied, non-root Dockerfile', async () => {
    const root = tmp.dirSync({ unsafeCleanup: true }).name;
    const workflows: string[] = [];
    for (const [index, options] of allCombinations(framework).entries()) {
      const files = await planProject(framework, buildTemplateData('demo-app', framework, options));
      const byPath = new Map(files.map((file) => [file.path, Buffer.from(file.contents).toString('utf8')]));
      const label = `${framework.id} ${JSON.stringify(options)}`;

      const dockerfile = byPath.get('Dockerfile');
      expect(dockerfile, `${label}: Dockerfile`).toBeDefined();
      expect(dockerfile!, `${label}: Dockerfile switches to a non-root USER`).toMatch(/^USER\s+(?!root\b|0\b)\S+/m);
      expect(byPath.has('.dockerignore'), `${label}: .dockerignore`).toBe(true);

      const compose = byPath.get('compose.yaml');
      expect(compose, `${label}: compose.yaml`).toBeDefined();
      const parsed = YAML.parse(compose!) as { services?: Record<string, unknown> };
      // app and exactly the backing services the options imply; other app processes
      // (e.g. a queue worker) may run beside it
      const services = Object.keys(parsed.services ?? {});
      const backing = services.filter((service) => (Object.values(COMPOSE_SERVICE) as string[]).includes(service));
      expect(['app', ...backing].sort(), `${label}: compose services`).toEqual(impliedServices(framework, options));
      expect(services, `${label}: compose app service`).toContain('app');

      const workflow = byPath.get('.github/workflows/ci.yml');
      expect(workflow, `${label}: .github/workflows/ci.yml`).toBeDefined();
      const path = join(root, String(index), '.github/workflows/ci.yml');
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, workflow!);
      workflows.push(path);
    }
    const lint = await execa('actionlint', ['-no-color', ...workflows], { reject: false, all: true });
    expect(lint.all, 'actionlint').toBe('');
    expect(lint.exitCode).toBe(0);
  }, 120_000);
});
