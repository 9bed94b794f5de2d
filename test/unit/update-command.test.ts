// create-backend update, in process (git is the only program run): the command's
// refusals, dry run, conflicts and option changes on real generated projects.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { planProject } from '../../src/plan.js';
import { buildTemplateData } from '../../src/template-data.js';
import { runUpdate } from '../../src/update/command.js';
import { readTree } from '../../src/update/merge.js';
import { RECORD_PATH } from '../../src/update/record.js';
import { SECRET_PLACEHOLDER_PREFIX } from '../../src/update/render.js';
import { tempDir } from './helpers.js';
import { commitAll, flask, generate, git, projectFiles, recorder } from './update-helpers.js';

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
