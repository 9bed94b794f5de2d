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

/**
 * Current majors of the actions a generated workflow may use (December 2026); older
 * majors run on Node 20, which GitHub removed from its runners on 2026-09-16.
 */
const CURRENT_ACTIONS: Readonly<Record<string, number>> = {
  'actions/checkout': 7,
  'actions/setup-node': 7,
  'actions/setup-python': 7,
  'actions/cache': 5,
  'ruby/setup-ruby': 1,
  'shivammathur/setup-php': 2,
};

/** Per runtime input: the oldest version a workflow may test (none past end of life), and the one it must include. */
const RUNTIMES: Readonly<Record<string, { floor: number[]; newest: number[] }>> = {
  'node-version': { floor: [22], newest: [24] },
  'python-version': { floor: [3, 10], newest: [3, 14] },
  'php-version': { floor: [8, 3], newest: [8, 4] },
  'ruby-version': { floor: [3, 2], newest: [3, 3] },
};

/** Service and base images: the oldest release allowed (postgres:18 is current, redis:8…). */
const IMAGES: Readonly<Record<string, number[]>> = {
  postgres: [18],
  redis: [8],
  node: [24],
  python: [3, 14],
  php: [8, 4],
  ruby: [3, 3],
};

const versionOf = (text: string) => text.split('.').map((part) => Number.parseInt(part, 10));
const atLeast = (version: number[], floor: number[]) => {
  for (const [i, part] of floor.entries()) {
    const have = version[i] ?? 0;
    if (have !== part) return have > part;
  }
  return true;
};

/** Every value of `key` anywhere in a parsed YAML document (matrix lists flattened). */
function valuesOf(node: unknown, key: string): string[] {
  if (Array.isArray(node)) return node.flatMap((item) => valuesOf(item, key));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([name, value]) => {
    // an expression (`${{ matrix.node }}`) names a value listed elsewhere, e.g. in the matrix
    const own =
      name === key
        ? (Array.isArray(value) ? value : [value])
            .filter((item) => typeof item !== 'object')
            .map(String)
            .filter((item) => !item.includes('${{'))
        : [];
    return [...own, ...valuesOf(value, key)];
  });
}

/** What in a workflow (and the project's images) is older than today's releases. */
export function outdated(workflowText: string, images: string): string[] {
  const problems: string[] = [];
  const workflow = YAML.parse(workflowText) as unknown;
  for (const uses of valuesOf(workflow, 'uses')) {
    const [action, ref] = uses.split('@');
    const current = CURRENT_ACTIONS[action!];
    if (current === undefined) problems.push(`${uses}: not an action this test knows the current major of`);
    else if (!/^v\d+$/.test(ref ?? '') || Number(ref!.slice(1)) < current)
      problems.push(`${uses}: the current major is v${current}`);
  }
  for (const [input, { floor, newest }] of Object.entries(RUNTIMES)) {
    // a matrix entry's `${{ matrix.x }}` is checked through the matrix's own list
    const versions = valuesOf(workflow, input).filter((version) => !version.includes('${{'));
    for (const version of versions)
      if (!atLeast(versionOf(version), floor)) problems.push(`${input} ${version} is past end of life`);
    if (versions.length && !versions.some((version) => atLeast(versionOf(version), newest)))
      problems.push(`${input}: no job on ${newest.join('.')} or newer`);
  }
  for (const match of `${images}\n${valuesOf(workflow, 'image').join('\n')}`.matchAll(
    /(?:^|\s|FROM\s+)(postgres|redis|node|python|php|ruby):(\d+(?:\.\d+)?)/gm,
  )) {
    const [, image, tag] = match;
    if (!atLeast(versionOf(tag!), IMAGES[image!]!))
      problems.push(`image ${image}:${tag} is older than ${image}:${IMAGES[image!]!.join('.')}`);
  }
  return problems;
}

describe.each(FRAMEWORKS.map((framework) => [framework.id, framework] as const))(
  '%s containers and CI',
  (_id, framework) => {
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
        expect(
          outdated(workflow!, `${dockerfile}\n${compose}`),
          `${label}: current actions, runtimes and images`,
        ).toEqual([]);
      }
      const lint = await execa('actionlint', ['-no-color', ...workflows], { reject: false, all: true });
      expect(lint.all, 'actionlint').toBe('');
      expect(lint.exitCode).toBe(0);
    }, 120_000);
  },
);
