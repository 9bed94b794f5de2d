// runCli in-process, as a user runs it without a terminal (and, with an injected asker,
// in one), against temporary folders.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { FRAMEWORKS } from '../../generators/index.js';
import { SUBCOMMANDS } from '../../src/main.js';
import type { Asker } from '../../src/spec.js';
import { INSTALL_LOG } from '../../src/post-steps.js';
import { fakeNpm, runInProcess, tempDir, writeTree } from './helpers.js';

const GENERATE = ['--yes', '--no-install', '--no-git'];

/** An asker that answers from a script and records what it was asked. */
function scriptedAsker(answers: { name?: string[]; framework?: string }) {
  const asked: string[] = [];
  const names = [...(answers.name ?? [])];
  const asker: Asker = {
    projectName: async (_initial, problem, reason) => {
      asked.push(reason ? `name, because ${reason}` : 'name');
      // a terminal asks again while the answer has a problem; the script's next answer is that
      for (let name = names.shift(); name !== undefined; name = names.shift()) {
        const why = problem(name);
        if (!why) return name;
        asked.push(`refused: ${why}`);
      }
      throw new Error('the script ran out of names');
    },
    framework: async (frameworks) => {
      asked.push('framework');
      return frameworks.find((framework) => framework.id === answers.framework)!;
    },
    option: async (option) => {
      asked.push(option.name);
      return option.default;
    },
  };
  return { asker, asked };
}

describe('create-backend (in-process)', () => {
  it('prints help and version', async () => {
    const help = await runInProcess(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: create-backend [directory] [options]');
    expect(help.stdout).toContain(`--framework <${FRAMEWORKS.map((framework) => framework.id).join('|')}>`);
    expect((await runInProcess(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('lists frameworks as text and JSON, from the definitions', async () => {
    expect((await runInProcess(['--list'])).stdout).toMatch(
      new RegExp(`^${FRAMEWORKS[0]!.id} +${FRAMEWORKS[0]!.label}`),
    );
    const list = JSON.parse((await runInProcess(['--list', '--json'])).stdout) as {
      id: string;
      commands: { test: string[] };
    }[];
    expect(list.map((framework) => framework.id)).toEqual(FRAMEWORKS.map((framework) => framework.id));
    expect(list.find((framework) => framework.id === 'express')!.commands.test).toEqual(['{pm} test']);
  });

  it('--dry-run prints the tree and writes nothing', async () => {
    const cwd = tempDir();
    const result = await runInProcess(['demo', '--framework', 'express', '--yes', '--dry-run'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^demo\/\n/);
    expect(result.stdout).toContain('package.json');
    expect(result.stdout).toMatch(/files would be written to .*dry run: nothing written/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('generates a project and prints the next steps', async () => {
    const cwd = tempDir();
    const result = await runInProcess(['demo', '--framework', 'express', ...GENERATE], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(cwd)).toEqual(['demo']);
    expect(JSON.parse(readFileSync(join(cwd, 'demo/package.json'), 'utf8')).name).toBe('demo');
    expect(result.stdout).toContain('cd demo');
    expect(result.stdout).toContain('npm install');
    expect(result.stdout).not.toContain('docker compose');
  });

  it.each(['apps/api', './apps/api/', 'apps//api'])(
    'creates the nested folder %s, named after its last segment',
    async (directory) => {
      const cwd = tempDir();
      const result = await runInProcess([directory, '--framework', 'express', ...GENERATE], { cwd });
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(readFileSync(join(cwd, 'apps/api/package.json'), 'utf8')).name).toBe('api');
      expect(result.stdout).toContain(`cd ${directory.replace(/\/+$/, '')}\n`);
    },
  );

  it('writes to an absolute target path as given, not below the working directory', async () => {
    const cwd = tempDir();
    const elsewhere = join(tempDir(), 'deep', 'api');
    const result = await runInProcess([elsewhere, '-f', 'express', ...GENERATE], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
    expect(readdirSync(elsewhere)).toContain('package.json');
  });

  it('says to start the services the options need, first', async () => {
    const result = await runInProcess(['demo', '-f', 'django', '--db', 'postgres', '--cache', 'redis', ...GENERATE]);
    expect(result.code, result.stderr).toBe(0);
    const steps = result.stdout.slice(result.stdout.indexOf('Next steps:')).split('\n');
    const services = steps.findIndex((line) => line.includes('docker compose up -d db redis'));
    expect(services, result.stdout).toBeGreaterThan(0);
    expect(steps[services]).toContain('PostgreSQL and Redis');
    expect(services).toBeLessThan(steps.findIndex((line) => line.includes('manage.py migrate')));
  });

  it('refuses a non-empty target without --force and leaves it untouched', async () => {
    const cwd = tempDir();
    writeTree(cwd, { 'api/notes.txt': 'mine' });
    const result = await runInProcess(['api', '--framework', 'express', ...GENERATE], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('error: Directory "api" is not empty. Use --force to add files to it.');
    expect(readdirSync(join(cwd, 'api'))).toEqual(['notes.txt']);
  });

  it('adds to a non-empty folder with --force, keeping what was there', async () => {
    const cwd = tempDir();
    writeTree(cwd, { 'api/notes.txt': 'mine' });
    const result = await runInProcess(['api', '--framework', 'express', '--force', ...GENERATE], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'api/notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(cwd, 'api/package.json'))).toBe(true);
  });

  it('makes a git repository with a first commit, .env untracked', async () => {
    const cwd = tempDir();
    const result = await runInProcess(['demo', '--framework', 'express', '--yes', '--no-install'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/✔ Initializing a git repository \(\d/);
    const log = await execa('git', ['log', '--oneline'], { cwd: join(cwd, 'demo') });
    expect(log.stdout).toContain('Initial commit from create-backend');
    const tracked = (await execa('git', ['ls-files'], { cwd: join(cwd, 'demo') })).stdout.split('\n');
    expect(tracked).not.toContain('.env');
  });

  it('skips git init inside an existing work tree, and says so', async () => {
    const cwd = tempDir();
    await execa('git', ['init', '-q'], { cwd });
    const result = await runInProcess(['demo', '--framework', 'express', '--yes', '--no-install'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Skipped git init: the project is inside an existing git work tree.');
    expect(existsSync(join(cwd, 'demo/.git'))).toBe(false);
  });

  it('installs with one progress line per step and the time taken, and removes the log', async () => {
    const cwd = tempDir();
    const result = await runInProcess(['demo', '-f', 'express', '--yes', '--no-git'], {
      cwd,
      env: { PATH: fakeNpm('echo "added 1 package"'), npm_config_user_agent: 'npm/11 node/v20' },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^› Installing dependencies: npm install\n✔ Installing dependencies: npm install \(\d+(\.\d)? m?s\)$/m,
    );
    expect(result.stdout).not.toContain('added 1 package');
    expect(existsSync(join(cwd, 'demo', INSTALL_LOG))).toBe(false);
  });

  it('keeps the project and the installer log, and says how to finish, when the install fails', async () => {
    const cwd = tempDir();
    const result = await runInProcess(['demo', '-f', 'express', '--yes'], {
      cwd,
      env: { PATH: fakeNpm('echo "npm ERR! no network" >&2; exit 1'), npm_config_user_agent: 'npm/11 node/v20' },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^✖ Installing dependencies: npm install \(/m);
    expect(result.stderr).toMatch(
      new RegExp(
        `Installing dependencies failed \\(.*exit code 1.*\\); its output is in demo/${INSTALL_LOG}\\. The project is kept; finish with: cd demo && npm install`,
      ),
    );
    expect(readFileSync(join(cwd, 'demo', INSTALL_LOG), 'utf8')).toContain('npm ERR! no network');
    expect(existsSync(join(cwd, 'demo/package.json'))).toBe(true);
    // the log stays out of the first commit
    const tracked = (await execa('git', ['ls-files'], { cwd: join(cwd, 'demo') })).stdout.split('\n');
    expect(tracked).toContain('package.json');
    expect(tracked).not.toContain(INSTALL_LOG);
  });

  it('dispatches subcommands by their name: update', async () => {
    expect(Object.keys(SUBCOMMANDS)).toContain('update');
    const help = await runInProcess(['update', '--help']);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/update/);
    const outside = await runInProcess(['update']);
    expect(outside.code).toBe(1);
    expect(outside.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('create-backend in a terminal (injected asker)', () => {
  it('asks the name, the framework, then its options', async () => {
    const cwd = tempDir();
    const { asker, asked } = scriptedAsker({ name: ['shop'], framework: 'flask' });
    const result = await runInProcess(['--no-install', '--no-git'], { cwd, tty: true, asker });
    expect(result.code, result.stderr).toBe(0);
    expect(asked).toEqual([
      'name',
      'framework',
      ...FRAMEWORKS.find((framework) => framework.id === 'flask')!.options.map((option) => option.name),
    ]);
    expect(existsSync(join(cwd, 'shop/shop/__init__.py'))).toBe(true);
  });

  it('--no-interactive asks nothing in a terminal; --interactive asks even with CI set, and needs a terminal', async () => {
    const quiet = scriptedAsker({ name: ['shop'], framework: 'flask' });
    const refused = await runInProcess(['--no-interactive', '--no-install', '--no-git'], {
      tty: true,
      asker: quiet.asker,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('Missing project directory');
    expect(quiet.asked).toEqual([]);

    const cwd = tempDir();
    const asking = scriptedAsker({ name: ['shop'], framework: 'flask' });
    const asked = await runInProcess(['--interactive', '--no-install', '--no-git'], {
      cwd,
      tty: true,
      env: { CI: 'true' },
      asker: asking.asker,
    });
    expect(asked.code, asked.stderr).toBe(0);
    expect(asking.asked.slice(0, 2)).toEqual(['name', 'framework']);
    expect(existsSync(join(cwd, 'shop/wsgi.py'))).toBe(true);

    const noTerminal = await runInProcess(['--interactive', '-f', 'flask', '--yes']);
    expect(noTerminal.code).toBe(1);
    expect(noTerminal.stderr.trim()).toMatch(
      /^.*--interactive needs a terminal to ask in; without one, pass the flags or --yes\.$/,
    );
  });

  it('refuses a non-empty target before asking anything else', async () => {
    const cwd = tempDir();
    writeTree(cwd, { 'api/notes.txt': 'mine' });
    const { asker, asked } = scriptedAsker({ framework: 'express' });
    const result = await runInProcess(['api', '--no-install', '--no-git'], { cwd, tty: true, asker });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Directory "api" is not empty');
    expect(asked).toEqual([]);
  });

  it('does not take a non-empty folder as the answer to the name question', async () => {
    const cwd = tempDir();
    writeTree(cwd, { 'api/notes.txt': 'mine' });
    const { asker, asked } = scriptedAsker({ name: ['api', 'api2'], framework: 'express' });
    const result = await runInProcess(['--no-install', '--no-git'], { cwd, tty: true, asker });
    expect(result.code, result.stderr).toBe(0);
    expect(asked.slice(0, 3)).toEqual([
      'name',
      'refused: Directory "api" is not empty. Use --force to add files to it.',
      'framework',
    ]);
    expect(existsSync(join(cwd, 'api2/package.json'))).toBe(true);
  });

  it("checks the name against the framework's reserved names at the name question when --framework is given", async () => {
    const { asker, asked } = scriptedAsker({ name: ['flask', 'shop'] });
    const result = await runInProcess(['-f', 'flask', '--yes', '--no-install', '--no-git'], { tty: true, asker });
    expect(result.code, result.stderr).toBe(0);
    // --yes takes the default name without asking; without --yes the question refuses "flask"
    expect(asked).toEqual([]);
    const again = scriptedAsker({ name: ['flask', 'shop'] });
    const second = await runInProcess(['-f', 'flask', '--no-install', '--no-git'], { tty: true, asker: again.asker });
    expect(second.code, second.stderr).toBe(0);
    expect(again.asked[1]).toMatch(
      /^refused: Invalid project name "flask" for Flask: it would shadow the flask package/,
    );
  });

  it('asks the name again when the framework chosen after it reserves that name', async () => {
    const cwd = tempDir();
    const { asker, asked } = scriptedAsker({ name: ['flask', 'shop'], framework: 'flask' });
    const result = await runInProcess(['--no-install', '--no-git'], { cwd, tty: true, asker });
    expect(result.code, result.stderr).toBe(0);
    expect(asked).toEqual([
      'name',
      'framework',
      'name, because Invalid project name "flask" for Flask: it would shadow the flask package.',
      ...FRAMEWORKS.find((framework) => framework.id === 'flask')!.options.map((option) => option.name),
    ]);
    expect(readdirSync(cwd)).toEqual(['shop']);
  });
});
