import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/args.js';
import type { FrameworkDefinition } from '../../src/framework.js';
import { packageManagerFromUserAgent, resolveSpec, type Asker } from '../../src/spec.js';
import { resolveTarget } from '../../src/target.js';
import { choiceOption, express as realExpress, tempDir, toggleOption } from './helpers.js';

// fixtures: a starter without options and one with two, its own reserved name and secrets
const plain: FrameworkDefinition = {
  ...realExpress,
  id: 'plain',
  label: 'Plain',
  options: [],
  reservedNames: {},
  secrets: {},
};
const fancy: FrameworkDefinition = {
  ...plain,
  id: 'fancy',
  label: 'Fancy',
  reservedNames: { app: 'the app package' },
  secrets: { key: { bytes: 32, encoding: 'base64', prefix: 'base64:' }, token: { bytes: 64, encoding: 'hex' } },
  options: [choiceOption('cache', ['memory', 'none']), toggleOption('login')],
};
const frameworks = [plain, fancy];

const resolve = (argv: string[], asker?: Asker, cwd = tempDir()) =>
  resolveSpec(parseArgs(argv, frameworks), { frameworks, cwd, asker });

describe('resolveSpec without a terminal', () => {
  it('names --framework when the framework is missing', async () => {
    await expect(resolve(['x'])).rejects.toThrow(
      /^Missing --framework \(e\.g\. --framework plain\); pass it, or --yes/,
    );
  });

  it('names the option flag when an option is missing', async () => {
    await expect(resolve(['x', '--framework', 'fancy'])).rejects.toThrow(
      /^Missing --cache \(e\.g\. --cache memory\|none\)/,
    );
  });

  it('names the directory when it is missing', async () => {
    await expect(resolve(['--framework', 'plain'])).rejects.toThrow(/Missing project directory/);
  });

  it('takes the defaults with --yes: the first framework, its default options', async () => {
    const spec = await resolve(['--yes']);
    expect(spec.name).toBe('my-backend');
    expect(spec.framework.id).toBe('plain');
    const fancySpec = await resolve(['x', '-f', 'fancy', '--yes', '--no-login']);
    expect(fancySpec.options).toEqual({ cache: 'memory', login: false });
    expect(fancySpec.data.options).toEqual({ cache: 'memory', login: false });
  });

  it('rejects an unknown framework, listing the known ones', async () => {
    await expect(resolve(['x', '-f', 'spring'])).rejects.toThrow(
      'Unknown framework "spring": choose one of plain, fancy.',
    );
  });

  it('rejects a bad option value, listing the allowed ones', async () => {
    await expect(resolve(['x', '-f', 'fancy', '--cache', 'disk', '--yes'])).rejects.toThrow(
      'Invalid value "disk" for --cache: Fancy accepts memory, none.',
    );
  });

  it('rejects an option of another framework', async () => {
    await expect(resolve(['x', '-f', 'plain', '--cache', 'memory'])).rejects.toThrow(
      /Option --cache does not apply to Plain/,
    );
  });

  it("applies the framework's own reserved names, and no other framework's", async () => {
    await expect(resolve(['app', '-f', 'fancy', '--yes'])).rejects.toThrow(
      /Invalid project name "app" for Fancy: it would shadow the app package/,
    );
    await expect(resolve(['apps/app', '-f', 'fancy', '--yes'])).rejects.toThrow(/Invalid project name "app" for Fancy/);
    await expect(resolve(['app', '-f', 'plain', '--yes'])).resolves.toBeTruthy();
  });

  it('rejects control characters and line breaks in the description', async () => {
    await expect(resolve(['x', '--yes', '--description', 'a\u0007b'])).rejects.toThrow(/control characters/);
    await expect(resolve(['x', '--yes', '--description', 'a\nb'])).rejects.toThrow(/one line/);
  });

  it('freezes the spec and derives the template data once', async () => {
    const spec = await resolve(['my-app', '--yes', '--description', 'Hello']);
    expect(Object.isFrozen(spec)).toBe(true);
    expect(spec.data).toMatchObject({
      name: 'my-app',
      pythonPackage: 'my_app',
      moduleName: 'MyApp',
      title: 'My App',
      description: 'Hello',
    });
  });

  it("gives every project fresh values of its own framework's secrets, and no others", async () => {
    const a = await resolve(['a', '-f', 'fancy', '--yes']);
    const b = await resolve(['b', '-f', 'fancy', '--yes']);
    expect(Object.keys(a.data.secrets).sort()).toEqual(['key', 'token']);
    expect(a.data.secrets.key).toMatch(/^base64:[A-Za-z0-9+/]{43}=$/);
    expect(a.data.secrets.token).toMatch(/^[0-9a-f]{128}$/);
    expect(a.data.secrets.token).not.toBe(b.data.secrets.token);
    expect((await resolve(['c', '-f', 'plain', '--yes'])).data.secrets).toEqual({});
  });
});

describe('resolveSpec in a terminal', () => {
  it('asks only what flags did not answer', async () => {
    const asked: string[] = [];
    const asker: Asker = {
      projectName: async () => (asked.push('name'), 'asked-name'),
      framework: async () => (asked.push('framework'), fancy),
      option: async (option) => (asked.push(option.name), option.kind === 'choice' ? 'none' : false),
    };
    const spec = await resolve(['--login'], asker);
    expect(asked).toEqual(['name', 'framework', 'cache']);
    expect(spec).toMatchObject({ name: 'asked-name', options: { cache: 'none', login: true } });
  });
});

describe('targets and package managers', () => {
  it('keeps absolute paths as they are and takes the name from the last segment', () => {
    expect(resolveTarget('/tmp/some/where/my-api', '/work')).toEqual({
      name: 'my-api',
      targetDir: '/tmp/some/where/my-api',
      displayDir: '/tmp/some/where/my-api',
    });
    expect(resolveTarget('/tmp/my-api/', '/work')).toMatchObject({ name: 'my-api', targetDir: '/tmp/my-api' });
  });

  it('puts a plain name or a relative path below the working directory, named after its last segment', () => {
    expect(resolveTarget('api', '/work')).toEqual({ name: 'api', targetDir: '/work/api', displayDir: 'api' });
    expect(resolveTarget('apps/api', '/work')).toEqual({
      name: 'api',
      targetDir: '/work/apps/api',
      displayDir: 'apps/api',
    });
    expect(resolveTarget('./demo/', '/work')).toEqual({ name: 'demo', targetDir: '/work/demo', displayDir: './demo' });
  });

  it('refuses paths that go up, and invalid last segments', () => {
    expect(() => resolveTarget('../x', '/work')).toThrow(
      /Invalid project name "\.\.\/x": it must be a new folder name/,
    );
    expect(() => resolveTarget('a/./b', '/work')).toThrow(/Invalid project name/);
    expect(() => resolveTarget('apps/Api', '/work')).toThrow(/Invalid project name "Api": it contains uppercase/);
    expect(() => resolveTarget('apps/con', '/work')).toThrow(/Windows reserves "CON"/);
  });

  it('finds the package manager that invoked us', () => {
    expect(packageManagerFromUserAgent('pnpm/9.1.0 npm/? node/v20.20.2 linux x64')).toBe('pnpm');
    expect(packageManagerFromUserAgent('yarn/1.22.22 npm/? node/v20.20.2')).toBe('yarn');
    expect(packageManagerFromUserAgent('npm/11.1.0 node/v20.20.2')).toBe('npm');
    expect(packageManagerFromUserAgent(undefined)).toBe('npm');
  });
});
