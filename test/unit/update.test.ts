// create-backend update, in process (git is the only program run): the record every
// project carries, the three-way merge plan, and the command's refusals, dry run,
// conflicts and option changes on real generated projects.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { FRAMEWORKS } from '../../generators/index.js';
import { listJson } from '../../src/describe.js';
import { UserError } from '../../src/errors.js';
import type { FrameworkDefinition, OptionValues } from '../../src/framework.js';
import { planProject } from '../../src/plan.js';
import type { Reporter } from '../../src/reporter.js';
import { buildTemplateData } from '../../src/template-data.js';
import { envAdvice, runUpdate } from '../../src/update/command.js';
import { checkWritable, planMerge, readTree, type Tree, type TreeFile } from '../../src/update/merge.js';
import { buildFrom } from '../../src/update/base.js';
import { parseRecord, RECORD_PATH, treeDigest, withRecord } from '../../src/update/record.js';
import { SECRET_PLACEHOLDER_PREFIX } from '../../src/update/render.js';
import { VERSION } from '../../src/version.js';
import { writePlannedFiles } from '../../src/write-project.js';
import { tempDir, writeTree } from './helpers.js';

const flask = FRAMEWORKS.find((framework) => framework.id === 'flask') as FrameworkDefinition;
const GIT_IDENTITY = ['-c', 'user.name=test', '-c', 'user.email=test@localhost'];

const git = async (cwd: string, ...args: string[]) => (await execa('git', [...GIT_IDENTITY, ...args], { cwd })).stdout;

function recorder(): Reporter & { text(): string } {
  const lines: string[] = [];
  const push = (message: string) => void lines.push(message);
  const task = (label: string) => ({ done: () => push(`✔ ${label}`), failed: () => push(`✖ ${label}`) });
  return { step: push, task, info: push, warn: push, error: push, out: push, text: () => lines.join('\n') };
}

/** Generates a project the way the CLI does (plan + record), committed to a fresh git repository. */
async function generate(
  framework: FrameworkDefinition,
  options: OptionValues = {},
): Promise<{ dir: string; secrets: string[] }> {
  const dir = join(tempDir(), 'demo');
  const data = buildTemplateData('demo', framework, options);
  await writePlannedFiles(dir, await withRecord(await planProject(framework, data), data));
  await git(dir, 'init', '-q', '--initial-branch=main');
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-qm', 'generated');
  return { dir, secrets: Object.values(data.secrets) };
}

async function commitAll(dir: string, message: string): Promise<void> {
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-qm', message);
}

const file = (text: string, mode = 0o644): TreeFile => ({ contents: Buffer.from(text), mode });
const tree = (files: Record<string, string>): Tree =>
  new Map(Object.entries(files).map(([path, text]) => [path, file(text)]));
const labels = { ours: 'yours', base: 'create-backend 1.0.0', theirs: 'create-backend 2.0.0' };

/** The project's files that git tracks or would (not ignored), as a tree. */
async function projectFiles(dir: string): Promise<Map<string, TreeFile>> {
  const all = readTree(dir);
  const listed = new Set((await git(dir, 'ls-files', '--cached', '--others', '--exclude-standard')).split('\n'));
  return new Map([...all].filter(([path]) => listed.has(path)));
}

describe('the record (.create-backend.json)', () => {
  for (const framework of FRAMEWORKS) {
    it(`${framework.id}: records version, framework and every answer, never a secret`, async () => {
      const data = buildTemplateData('demo-app', framework, {}, 'One line.');
      const files = await withRecord(await planProject(framework, data), data);
      const record = files.find((candidate) => candidate.path === RECORD_PATH)!;
      const text = String(record.contents);
      const parsed = parseRecord(text, RECORD_PATH);
      expect(parsed).toMatchObject({
        generator: 'create-backend',
        version: VERSION,
        framework: framework.id,
        name: 'demo-app',
        description: 'One line.',
      });
      expect(Object.keys(parsed.options).sort()).toEqual(framework.options.map((option) => option.name).sort());
      expect(parsed.digest).toMatch(/^files-sha256:[0-9a-f]{64}$/);
      for (const secret of Object.values(data.secrets)) expect(text).not.toContain(secret);
      const gitignore = String(files.find((candidate) => candidate.path === '.gitignore')?.contents ?? '');
      expect(gitignore.split('\n')).not.toContain(RECORD_PATH);
    });
  }

  it('digests paths, contents and the executable bit only (umasks and checkouts vary the other bits)', async () => {
    const digest = (mode: number, contents = 'x') =>
      treeDigest(
        [
          { path: 'a', contents, mode },
          { path: RECORD_PATH, contents: String(mode), mode },
        ],
        () => false,
      );
    expect(await digest(0o664)).toBe(await digest(0o644));
    expect(await digest(0o775)).toBe(await digest(0o755));
    expect(await digest(0o755)).not.toBe(await digest(0o644));
    expect(await digest(0o644, 'y')).not.toBe(await digest(0o644));
    expect(
      await treeDigest(
        [
          { path: 'a', contents: 'x', mode: 0o644 },
          { path: '.env', contents: 'SECRET', mode: 0o644 },
        ],
        (contents) => contents.includes('SECRET'),
      ),
    ).toBe(await digest(0o644));
  });

  it('--list --json documents the record of each framework', () => {
    const list = JSON.parse(listJson(FRAMEWORKS)) as {
      id: string;
      options: { name: string }[];
      record: { path: string; example: unknown };
    }[];
    for (const entry of list) {
      expect(entry.record.path).toBe(RECORD_PATH);
      const example = parseRecord(JSON.stringify(entry.record.example), 'example');
      expect(example.framework).toBe(entry.id);
      expect(Object.keys(example.options)).toEqual(entry.options.map((option) => option.name));
    }
  });

  it('refuses a file that is not a record, naming what is wrong', () => {
    expect(() => parseRecord('{', 'x')).toThrow(/not valid JSON/);
    expect(() => parseRecord('{"generator":"other"}', 'x')).toThrow(/not a create-backend record/);
    const good = {
      format: 1,
      generator: 'create-backend',
      version: '1.0.0',
      framework: 'flask',
      name: 'a',
      description: 'd',
      options: {},
      year: 2026,
    };
    expect(() => parseRecord(JSON.stringify({ ...good, format: 99 }), 'x')).toThrow(/Update create-backend first/);
    expect(() => parseRecord(JSON.stringify({ ...good, options: { db: 3 } }), 'x')).toThrow(/option "db"/);
    expect(parseRecord(JSON.stringify(good), 'x')).toEqual(good);
  });
});

describe('the merge plan', () => {
  const lines = (...items: string[]) => `${items.join('\n')}\n`;
  const base = lines('one', 'two', 'three', 'four', 'five', 'six', 'seven');

  it("applies upstream changes, keeps the user's, adds and deletes what each side allows", async () => {
    const plan = await planMerge(
      tree({
        'same.txt': base,
        'up.txt': base,
        'mine.txt': base,
        'both.txt': base,
        'gone.txt': base,
        'gone-mine.txt': base,
      }),
      tree({
        'same.txt': base,
        'up.txt': `${base}eight\n`,
        'mine.txt': base,
        'both.txt': base.replace('one', 'ONE'),
        'new.txt': 'new\n',
      }),
      (path) =>
        ({
          'same.txt': file(base.replace('four', 'user four')),
          'up.txt': file(base),
          'mine.txt': file(`${base}mine\n`),
          'both.txt': file(base.replace('seven', 'user seven')),
          'gone.txt': file(base),
          'gone-mine.txt': file(`${base}mine\n`),
        })[path],
      labels,
    );
    const byPath = Object.fromEntries(plan.changes.map((change) => [change.path, change]));
    expect(Object.keys(byPath).sort()).toEqual(['both.txt', 'gone-mine.txt', 'gone.txt', 'new.txt', 'up.txt']);
    expect(byPath['up.txt']).toMatchObject({ kind: 'update' });
    expect(byPath['new.txt']).toMatchObject({ kind: 'add' });
    expect(byPath['gone.txt']).toMatchObject({ kind: 'delete' });
    expect(byPath['gone-mine.txt']).toMatchObject({ kind: 'keep' });
    const merged = byPath['both.txt']!;
    expect(merged.kind).toBe('merge');
    expect(String(merged.kind === 'merge' && merged.file.contents)).toBe(
      base.replace('one', 'ONE').replace('seven', 'user seven'),
    );
    expect(plan.conflicts).toEqual([]);
  });

  it('marks lines both changed with standard conflict markers, and lists the file', async () => {
    const plan = await planMerge(
      tree({ 'a.txt': base }),
      tree({ 'a.txt': base.replace('four', 'upstream four') }),
      () => file(base.replace('four', 'my four')),
      labels,
    );
    expect(plan.conflicts).toEqual(['a.txt']);
    const change = plan.changes[0]!;
    expect(change.kind === 'conflict' && String(change.file!.contents)).toContain(
      '<<<<<<< yours\nmy four\n=======\nupstream four\n>>>>>>> create-backend 2.0.0\n',
    );
  });

  it('brings back a file the user deleted when upstream changed it, as a conflict', async () => {
    const plan = await planMerge(tree({ 'a.txt': base }), tree({ 'a.txt': `${base}more\n` }), () => undefined, labels);
    expect(plan.conflicts).toEqual(['a.txt']);
  });

  it('never touches .env or a file that holds a secret, and takes executable bits', async () => {
    const secret = `KEY=${SECRET_PLACEHOLDER_PREFIX}secretKey__\n`;
    const plan = await planMerge(
      new Map([
        ['.env', file(secret)],
        ['config/keys', file(secret)],
        ['bin/run', file('x\n', 0o644)],
      ]),
      new Map([
        ['.env', file(`${secret}NEW=1\n`)],
        ['config/keys', file(`${secret}NEW=1\n`)],
        ['bin/run', file('x\n', 0o755)],
      ]),
      (path) => (path === 'bin/run' ? file('x\n', 0o644) : file('KEY=real\n')),
      labels,
    );
    expect(plan.changes.map((change) => [change.path, change.kind])).toEqual([
      ['.env', 'keep'],
      ['bin/run', 'mode'],
      ['config/keys', 'keep'],
    ]);
  });
});

describe('writing the plan', () => {
  it("turns an added file whose folder is a file of the user's into a listed conflict, not a crash", async () => {
    const dir = tempDir();
    writeTree(dir, { docs: 'the user made docs a file\n' });
    const plan = checkWritable(
      dir,
      await planMerge(tree({}), tree({ 'docs/guide.md': 'new\n', 'ok.md': 'ok\n' }), () => undefined, labels),
    );
    expect(plan.conflicts).toEqual(['docs/guide.md']);
    expect(plan.changes.find((change) => change.path === 'ok.md')).toMatchObject({ kind: 'add' });
  });
});

describe('--from', () => {
  it('names what is wrong with the build it points at', async () => {
    const dir = tempDir();
    await expect(buildFrom('missing.tgz', dir)).rejects.toThrow(/no such file or folder/);
    writeTree(dir, { 'checkout/package.json': '{"name":"create-backend","version":"0.0.1"}', 'other/x.txt': 'x' });
    await expect(buildFrom('checkout', dir)).rejects.toThrow(/build it first/);
    await expect(buildFrom('other', dir)).rejects.toThrow(/neither a create-backend package/);
    writeTree(dir, { 'built/package.json': '{"version":"0.0.2"}', 'built/dist/create-backend.js': '' });
    await expect(buildFrom('built', dir)).resolves.toMatchObject({ root: join(dir, 'built'), version: '0.0.2' });
  });
});

describe('the .env advice', () => {
  it('names what to add, set and remove in the untouched .env, never a secret', () => {
    const secret = `${SECRET_PLACEHOLDER_PREFIX}secretKey__`;
    const advice = envAdvice(
      file(`SECRET_KEY=${secret}\nCACHE=memory\nOLD=1\n# NOTE=x\n`),
      file(
        `SECRET_KEY=${secret}\nCACHE=redis\nREDIS_URL=redis://127.0.0.1:6379/0\nTOKEN=${SECRET_PLACEHOLDER_PREFIX}appKey__\n`,
      ),
      file('SECRET_KEY=real-secret\nCACHE=memory\nOLD=1\n'),
    );
    expect(advice).toEqual([
      'set CACHE=redis',
      'add REDIS_URL=redis://127.0.0.1:6379/0',
      'add TOKEN (a secret: make a new one, see .env.example)',
      'remove OLD (no longer used)',
    ]);
    expect(envAdvice(file('CACHE=memory\n'), file('CACHE=redis\n'), file('CACHE=file\n'))).toEqual([]);
    expect(envAdvice(undefined, file('CACHE=redis\n'), undefined)).toEqual([
      'create it (copy .env.example, then make its secrets)',
    ]);
    expect(envAdvice(file('CACHE=redis\n'), undefined, file('CACHE=redis\n'))).toEqual([]);
  });
});

describe('create-backend update (in a generated project)', () => {
  it('refuses a dirty work tree and a folder without a record, changing nothing', async () => {
    const { dir } = await generate(flask);
    writeFileSync(join(dir, 'notes.txt'), 'uncommitted\n');
    const before = await projectFiles(dir);
    await expect(runUpdate(['--cache', 'redis'], recorder(), dir)).rejects.toThrow(
      /uncommitted changes \(notes\.txt\).*Nothing was changed/,
    );
    expect(await projectFiles(dir)).toEqual(before);
    await expect(runUpdate([], recorder(), tempDir())).rejects.toThrow(UserError);
  });

  it('refuses a project outside git unless --force', async () => {
    const { dir } = await generate(flask);
    await execa('rm', ['-rf', join(dir, '.git')]);
    await expect(runUpdate([], recorder(), dir)).rejects.toThrow(/not in a git work tree/);
    expect(await runUpdate(['--force'], recorder(), dir)).toBe(0);
  });

  it('refuses a base whose rendering is not what made the project (the digest differs), unless --force', async () => {
    const { dir } = await generate(flask);
    const path = join(dir, RECORD_PATH);
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(/files-sha256:[0-9a-f]{64}/, `files-sha256:${'1'.repeat(64)}`),
    );
    await commitAll(dir, 'as if another build of the same version made it');
    const before = await projectFiles(dir);
    await expect(runUpdate(['--cache', 'redis'], recorder(), dir)).rejects.toThrow(
      /this build of \S+ does not render the files that made this project.*Nothing was changed/,
    );
    expect(await projectFiles(dir)).toEqual(before);
    expect(await runUpdate(['--force'], recorder(), dir)).toBe(0);
  });

  it('is already up to date with the same version and answers', async () => {
    const { dir } = await generate(flask);
    const report = recorder();
    expect(await runUpdate([], report, dir)).toBe(0);
    expect(report.text()).toContain('Already up to date');
    expect(await git(dir, 'status', '--porcelain')).toBe('');
  });

  for (const framework of FRAMEWORKS.filter((candidate) =>
    candidate.options.some((option) => option.name === 'cache'),
  )) {
    it(`${framework.id}: --cache redis on a memory-cache project gives what generating with --cache redis gives, user edits kept, .env untouched`, async () => {
      const { dir, secrets } = await generate(framework, { cache: 'memory' });
      const redisData = buildTemplateData('demo', framework, { cache: 'redis' });
      const wanted = new Map(
        (await planProject(framework, redisData)).map((planned) => [planned.path, Buffer.from(planned.contents)]),
      );
      const generated = readTree(dir);
      // the user edits a file the option does not change, and adds one
      const edited = [...generated.keys()].find(
        (path) => path.endsWith('.md') && wanted.get(path)?.equals(generated.get(path)!.contents),
      );
      const target =
        edited ??
        [...generated.keys()].find(
          (path) => wanted.get(path)?.equals(generated.get(path)!.contents) && !path.startsWith('.'),
        )!;
      writeFileSync(join(dir, target), `${readFileSync(join(dir, target), 'utf8')}\nA line of the user's own.\n`);
      writeFileSync(join(dir, 'USER_NOTES.md'), 'mine\n');
      const envPath = join(dir, '.env');
      writeFileSync(envPath, `${existsSync(envPath) ? readFileSync(envPath, 'utf8') : ''}MY_OWN_SETTING=kept\n`);
      await commitAll(dir, 'user edits');
      const envBefore = readFileSync(envPath);

      const report = recorder();
      expect(await runUpdate(['--cache', 'redis'], report, dir), report.text()).toBe(0);

      const after = readTree(dir);
      for (const [path, contents] of wanted) {
        if (path === '.env' || path === target) continue;
        expect(after.get(path)?.contents.toString(), path).toBe(contents.toString());
      }
      for (const path of after.keys()) {
        if (path.startsWith('.git/')) continue;
        expect(
          wanted.has(path) || [RECORD_PATH, 'USER_NOTES.md', '.env'].includes(path),
          `${path} is neither generated nor the user's`,
        ).toBe(true);
      }
      expect(after.get(target)!.contents.toString()).toBe(
        `${wanted.get(target)!.toString()}\nA line of the user's own.\n`,
      );
      expect(after.get('USER_NOTES.md')!.contents.toString()).toBe('mine\n');
      expect(readFileSync(join(dir, '.env')).equals(envBefore)).toBe(true);
      const record = parseRecord(readFileSync(join(dir, RECORD_PATH), 'utf8'), RECORD_PATH);
      expect(record.options.cache).toBe('redis');
      // the digest a --cache redis generation records: the next update takes this build as the base
      const fresh = (await withRecord(await planProject(framework, redisData), redisData)).find(
        (planned) => planned.path === RECORD_PATH,
      )!;
      expect(record.digest).toBe(parseRecord(String(fresh.contents), RECORD_PATH).digest);
      for (const path of after.keys()) {
        if (path === '.env' || path.startsWith('.git/')) continue;
        for (const secret of secrets)
          expect(after.get(path)!.contents.includes(secret), `${path} holds a secret`).toBe(false);
        expect(after.get(path)!.contents.includes(SECRET_PLACEHOLDER_PREFIX), `${path} holds a placeholder`).toBe(
          false,
        );
      }
    });
  }

  it('--dry-run lists the changes and writes nothing', async () => {
    const { dir } = await generate(flask, { cache: 'memory' });
    const before = await projectFiles(dir);
    const report = recorder();
    expect(await runUpdate(['--cache', 'redis', '--dry-run'], report, dir)).toBe(0);
    expect(report.text()).toMatch(/updated +\S+/);
    expect(report.text()).toContain('dry run: nothing written');
    expect(await projectFiles(dir)).toEqual(before);
    expect(await git(dir, 'status', '--porcelain')).toBe('');
  });

  it('a conflicting edit: markers in that file only, the file listed, exit 1, only listed files changed', async () => {
    const { dir } = await generate(flask, { cache: 'memory' });
    const redis = new Map(
      (await planProject(flask, buildTemplateData('demo', flask, { cache: 'redis' }))).map((planned) => [
        planned.path,
        String(planned.contents),
      ]),
    );
    // a file the option change rewrites: the user rewrites the same lines
    const current = readTree(dir);
    const target = [...redis.keys()].find(
      (path) => path !== '.env' && current.has(path) && current.get(path)!.contents.toString() !== redis.get(path),
    )!;
    const mine = current
      .get(target)!
      .contents.toString()
      .split('\n')
      .map((line) => (line.trim() ? `${line} ` : line))
      .join('\n');
    writeFileSync(join(dir, target), mine);
    await commitAll(dir, 'user rewrites every line');

    const report = recorder();
    expect(await runUpdate(['--cache', 'redis'], report, dir)).toBe(1);
    const text = report.text();
    expect(text).toContain(`CONFLICT  ${target}`);
    expect(text).toMatch(new RegExp(`conflicts in 1 file\\(s\\): ${target.replace(/[.]/g, '\\.')}`));
    const changed = (await git(dir, 'status', '--porcelain')).split('\n').map((line) => line.slice(3));
    for (const path of changed)
      expect(text, `${path} changed but not listed`).toMatch(new RegExp(`^\\S+ +${path.replace(/[.]/g, '\\.')}`, 'm'));
    for (const [path, contents] of readTree(dir)) {
      if (path.startsWith('.git/')) continue;
      expect(/^<<<<<<< /m.test(contents.contents.toString()), path).toBe(path === target);
    }
    expect(readFileSync(join(dir, target), 'utf8')).toMatch(
      /^<<<<<<< yours\n[\s\S]*^=======\n[\s\S]*^>>>>>>> create-backend \S+ --cache redis\n/m,
    );
  });

  it('update --render writes the rendering of a record, secrets as placeholders', async () => {
    const { dir } = await generate(flask);
    const out = join(tempDir(), 'render');
    expect(await runUpdate(['--render', out, '--answers', join(dir, RECORD_PATH)], recorder(), tempDir())).toBe(0);
    const rendered = readTree(out);
    const generated = readTree(dir);
    expect(rendered.get('.env')!.contents.toString()).toContain(SECRET_PLACEHOLDER_PREFIX);
    expect(existsSync(join(out, RECORD_PATH))).toBe(false);
    for (const [path, contents] of rendered)
      if (path !== '.env') expect(contents.contents.equals(generated.get(path)!.contents), path).toBe(true);
  });

  it('--help explains the command; --dry-run also runs on a dirty tree, writing nothing', async () => {
    const help = recorder();
    expect(await runUpdate(['--help'], help, tempDir())).toBe(0);
    expect(help.text()).toContain('Usage: create-backend update [project directory] [options]');
    const { dir } = await generate(flask);
    writeFileSync(join(dir, 'draft.txt'), 'work in progress\n');
    const before = await projectFiles(dir);
    const report = recorder();
    expect(await runUpdate(['--cache', 'redis', '--dry-run'], report, dir)).toBe(0);
    expect(report.text()).toContain('dry run: nothing written');
    expect(await projectFiles(dir)).toEqual(before);
  });

  it('refuses flags that do not apply to update', async () => {
    const { dir } = await generate(flask);
    await expect(runUpdate(['--framework', 'django'], recorder(), dir)).rejects.toThrow(/keeps the framework/);
    await expect(runUpdate(['--no-install'], recorder(), dir)).rejects.toThrow(/update takes no --no-install/);
    await expect(runUpdate(['--cache', 'disk'], recorder(), dir)).rejects.toThrow(/Invalid value "disk" for --cache/);
  });
});
