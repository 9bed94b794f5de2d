// A sixth framework is a definition and a template folder, nothing more: this throwaway
// one goes through help, --list, flags, reserved names, secrets, generation, the next
// steps, the smoke scenarios and the README table with no engine file naming it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAMEWORKS } from '../../generators/index.js';
import { cacheOption } from '../../generators/shared.js';
import { readmeTable } from '../../src/describe.js';
import type { FrameworkDefinition } from '../../src/framework.js';
import { diskStore } from '../../src/template-disk.js';
import { smokeScenarios } from '../smoke/scenarios.js';
import { runInProcess, tempDir, writeTree } from './helpers.js';

const templatesRoot = tempDir();
writeTree(templatesRoot, {
  'sinatra/app.rb.hbs': "# {{comment description}}\nrequire 'sinatra'\nget('/') { {{ruby title}} }\n",
  'sinatra/.env.hbs':
    'SESSION_SECRET={{secrets.sessionSecret}}\n{{#if (eq options.cache "redis")}}REDIS_URL=redis://127.0.0.1:6379/0\n{{/if}}',
  'sinatra/_overlays/redis/config/redis.rb': "REDIS = Redis.new(url: ENV['REDIS_URL'])\n",
});

const sinatra: FrameworkDefinition = {
  id: 'sinatra',
  label: 'Sinatra',
  summary: 'A classic Sinatra app',
  language: 'Ruby',
  options: [cacheOption('Cache', { memory: 'per process', redis: 'REDIS_URL' })],
  reservedNames: { sinatra: 'the sinatra gem' },
  secrets: { sessionSecret: { bytes: 32, encoding: 'hex' } },
  toolchain: [{ name: 'Ruby 3.1+', check: ['ruby', '--version'] }],
  commands: {
    install: [{ argv: ['bundle', 'install'] }],
    test: [{ argv: ['bundle', 'exec', 'rake', 'test'] }],
    lint: [],
    setup: [],
    start: { argv: ['bundle', 'exec', 'rackup', '-p', '{port}'] },
    readyPath: '/',
    defaultPort: 4567,
  },
  actions: () => [
    { type: 'renderTree', templates: 'sinatra' },
    {
      type: 'renderTree',
      templates: 'sinatra/_overlays/redis',
      skip: (data) => (data.options.cache === 'redis' ? false : 'no redis'),
    },
  ],
};

const frameworks = [...FRAMEWORKS, sinatra];
const context = { frameworks, templates: diskStore(templatesRoot) };

describe('a sixth framework, added as a definition only', () => {
  it('is in --help and --list', async () => {
    expect((await runInProcess(['--help'], context)).stdout).toContain('|sinatra>');
    const list = JSON.parse((await runInProcess(['--list', '--json'], context)).stdout) as { id: string }[];
    expect(list.map((framework) => framework.id)).toEqual([...FRAMEWORKS.map((framework) => framework.id), 'sinatra']);
  });

  it('generates its project with its own options, secrets and next steps', async () => {
    const cwd = tempDir();
    const result = await runInProcess(
      ['apps/shop', '-f', 'sinatra', '--cache', 'redis', '--yes', '--no-install', '--no-git'],
      { cwd, ...context },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'apps/shop/app.rb'), 'utf8')).toContain("get('/') { 'Shop' }");
    expect(readFileSync(join(cwd, 'apps/shop/.env'), 'utf8')).toMatch(/^SESSION_SECRET=[0-9a-f]{64}\nREDIS_URL=/);
    expect(readFileSync(join(cwd, 'apps/shop/config/redis.rb'), 'utf8')).toContain('REDIS_URL');
    expect(result.stdout).toContain('docker compose up -d redis');
    expect(result.stdout).toContain('bundle exec rackup -p 4567');
  });

  it('refuses its reserved names, for it only', async () => {
    const refused = await runInProcess(['sinatra', '-f', 'sinatra', '--yes', '--dry-run'], context);
    expect(refused.stderr).toContain('Invalid project name "sinatra" for Sinatra: it would shadow the sinatra gem.');
    expect((await runInProcess(['sinatra', '-f', 'express', '--yes', '--dry-run'], { frameworks })).code).toBe(0);
  });

  it('gets smoke scenarios and a README row from its definition', () => {
    expect(smokeScenarios(sinatra).map((scenario) => scenario.label)).toEqual(['defaults', '--cache redis']);
    expect(readmeTable(frameworks)).toContain(
      '| **Sinatra** `sinatra` | Ruby | A classic Sinatra app | `--cache memory\\|redis` |',
    );
  });
});
