// create-backend update, in process: the record every project carries, the three-way
// merge plan, the .env advice (the command itself: update-command.test.ts).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAMEWORKS } from '../../generators/index.js';
import { listJson } from '../../src/describe.js';
import { planProject } from '../../src/plan.js';
import { buildTemplateData } from '../../src/template-data.js';
import { envAdvice } from '../../src/update/command.js';
import { checkWritable, planMerge } from '../../src/update/merge.js';
import { buildFrom } from '../../src/update/base.js';
import { parseRecord, RECORD_PATH, treeDigest, withRecord } from '../../src/update/record.js';
import { SECRET_PLACEHOLDER_PREFIX } from '../../src/update/render.js';
import { VERSION } from '../../src/version.js';
import { tempDir, writeTree } from './helpers.js';
import { file, labels, tree } from './update-helpers.js';

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
