import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/args.js';
import type { FrameworkDefinition } from '../../src/framework.js';
import { packageManagerFromUserAgent, resolveSpec, resolveTarget, type Asker } from '../../src/spec.js';
import { FRAMEWORKS } from '../../generators/index.js';
import { express as realExpress } from './helpers.js';

// fixtures: an Express without options, a Flask with two, a starter not available yet
const express: FrameworkDefinition = { ...realExpress, options: [] };

const flask: FrameworkDefinition = {
  ...express,
  id: 'flask',
  label: 'Flask',
  available: true,
  reservedNames: { app: 'the app package' },
  options: [
    { kind: 'choice', name: 'cache', message: 'Cache', default: 'memory', choices: [{ value: 'memory', label: 'Memory' }, { value: 'none', label: 'None' }] },
    { kind: 'toggle', name: 'login', message: 'Login', default: true },
  ],
};
const soon: FrameworkDefinition = { ...express, id: 'rails', label: 'Rails', available: false };
const frameworks = [express, flask, soon];

const resolve = (argv: string[], asker?: Asker) => resolveSpec(parseArgs(argv, frameworks), { frameworks, cwd: '/work', asker });

describe('resolveSpec without a terminal', () => {
  it('names --framework when the framework is missing', async () => {
    await expect(resolve(['x'])).rejects.toThrow(/^Missing --framework \(e\.g\. --framework express\); pass it, or --yes/);
  });

  it('names the option flag when an option is missing', async () => {
    await expect(resolve(['x', '--framework', 'flask'])).rejects.toThrow(/^Missing --cache \(e\.g\. --cache memory\|none\)/);
  });

  it('names the directory when it is missing', async () => {
    await expect(resolve(['--framework', 'express'])).rejects.toThrow(/Missing project directory/);
  });

  it('takes the defaults with --yes', async () => {
    const spec = await resolve(['--yes']);
    expect(spec.name).toBe('my-backend');
    expect(spec.framework.id).toBe('express');
    const flaskSpec = await resolve(['x', '-f', 'flask', '--yes', '--no-login']);
    expect(flaskSpec.options).toEqual({ cache: 'memory', login: false });
    expect(flaskSpec.data.options).toEqual({ cache: 'memory', login: false });
  });

  it('rejects an unknown framework, listing the known ones', async () => {
    await expect(resolve(['x', '-f', 'spring'])).rejects.toThrow('Unknown framework "spring": choose one of express, flask, rails.');
  });

  it('refuses a framework that is not available yet', async () => {
    await expect(resolve(['x', '-f', 'rails'])).rejects.toThrow(/not available yet/);
  });

  it('rejects a bad option value, listing the allowed ones', async () => {
    await expect(resolve(['x', '-f', 'flask', '--cache', 'disk', '--yes'])).rejects.toThrow('Invalid value "disk" for --cache: Flask accepts memory, none.');
  });

  it('rejects an option of another framework', async () => {
    await expect(resolve(['x', '-f', 'express', '--cache', 'memory'])).rejects.toThrow(/Option --cache does not apply to Express/);
  });

  it("applies the framework's own reserved names", async () => {
    await expect(resolve(['app', '-f', 'flask', '--yes'])).rejects.toThrow(/Invalid project name "app" for Flask: it would shadow the app package/);
    await expect(resolve(['app', '-f', 'express', '--yes'])).resolves.toBeTruthy();
  });

  it('rejects control characters and line breaks in the description', async () => {
    await expect(resolve(['x', '--yes', '--description', 'a\u0007b'])).rejects.toThrow(/control characters/);
    await expect(resolve(["x", "--yes", "--description", "a\nb"])).rejects.toThrow(/one line/);
  });

  it('freezes the spec and derives the template data once', async () => {
    const spec = await resolve(['my-app', '--yes', '--description', 'Hello']);
    expect(Object.isFrozen(spec)).toBe(true);
    expect(spec.data).toMatchObject({ name: 'my-app', pythonPackage: 'my_app', moduleName: 'MyApp', title: 'My App', description: 'Hello' });
  });

  it('gives every project fresh secrets', async () => {
    const a = await resolve(['a', '--yes']);
    const b = await resolve(['b', '--yes']);
    expect(a.data.secrets.secretKey).not.toBe(b.data.secrets.secretKey);
    expect(a.data.secrets.appKey).toMatch(/^base64:[A-Za-z0-9+/]{43}=$/);
    expect(a.data.secrets.secretKeyBase).toMatch(/^[0-9a-f]{128}$/);
  });
});

describe('resolveSpec in a terminal', () => {
  it('asks only what flags did not answer', async () => {
    const asked: string[] = [];
    const asker: Asker = {
      projectName: async () => (asked.push('name'), 'asked-name'),
      framework: async () => (asked.push('framework'), flask),
      option: async (option) => (asked.push(option.name), option.kind === 'choice' ? 'none' : false),
    };
    const spec = await resolve(['--login'], asker);
    expect(asked).toEqual(['name', 'framework', 'cache']);
    expect(spec).toMatchObject({ name: 'asked-name', options: { cache: 'none', login: true } });
  });
});

describe('targets and package managers', () => {
  it('keeps absolute paths as they are and takes the name from the last segment', () => {
    expect(resolveTarget('/tmp/some/where/my-api', '/work')).toEqual({ name: 'my-api', targetDir: '/tmp/some/where/my-api' });
    expect(resolveTarget('/tmp/my-api/', '/work')).toEqual({ name: 'my-api', targetDir: '/tmp/my-api' });
  });

  it('puts a plain name below the working directory', () => {
    expect(resolveTarget('api', '/work')).toEqual({ name: 'api', targetDir: '/work/api' });
  });

  it('rejects relative paths', () => {
    expect(() => resolveTarget('../x', '/work')).toThrow(/Invalid project name/);
    expect(() => resolveTarget('a/b', '/work')).toThrow(/path separator/);
  });

  it('finds the package manager that invoked us', () => {
    expect(packageManagerFromUserAgent('pnpm/9.1.0 npm/? node/v20.20.2 linux x64')).toBe('pnpm');
    expect(packageManagerFromUserAgent('yarn/1.22.22 npm/? node/v20.20.2')).toBe('yarn');
    expect(packageManagerFromUserAgent('npm/11.1.0 node/v20.20.2')).toBe('npm');
    expect(packageManagerFromUserAgent(undefined)).toBe('npm');
  });

  it('lists the real frameworks in a stable order', () => {
    expect(FRAMEWORKS.map((framework) => framework.id)).toEqual(['express', 'django', 'laravel', 'rails', 'flask']);
  });
});
