// The built bin, spawned as a user runs it — only for what needs a real process: exit
// codes and one-line stderr of the bin itself, signals, file permissions.
// Everything else runs in-process (runCli with an injected context).
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { fakeNpm, tempDir } from './helpers.js';

const CLI = join(import.meta.dirname, '../../dist/create-backend.js');
const ENV = { NO_COLOR: '1', CI: 'true', npm_config_user_agent: 'npm/11 node/v20' };

describe('the bin', () => {
  it('exits 0 and prints to stdout only', async () => {
    const result = await execa(process.execPath, [CLI, '--version'], { reject: false, env: ENV });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+$/);
    expect(result.stderr).toBe('');
  });

  it('exits 1 with one line on stderr and no stack trace, writing nothing', async () => {
    const cwd = tempDir();
    const result = await execa(process.execPath, [CLI, 'x', '-f', 'express', '--frobnicate'], {
      cwd,
      reject: false,
      input: '',
      env: ENV,
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('error: Unknown option "--frobnicate". Run create-backend --help to see the options.');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('refuses a read-only parent folder in one line and writes nothing', async () => {
    const root = tempDir();
    const parent = join(root, 'read-only');
    mkdirSync(parent);
    chmodSync(root, 0o755);
    chmodSync(parent, 0o555);
    // root ignores permissions: run the CLI as "nobody" then, as a user would meet it
    const asUser =
      process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : [];
    const argv = [
      ...asUser,
      process.execPath,
      CLI,
      join(parent, 'api'),
      '-f',
      'express',
      '--yes',
      '--no-install',
      '--no-git',
    ];
    const result = await execa(argv[0]!, argv.slice(1), { cwd: root, reject: false, env: { ...ENV, HOME: root } });
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/Cannot write the project to ".*read-only\/api": permission denied/);
    expect(readdirSync(parent)).toEqual([]);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} while writing leaves no staging folder and no target`, async () => {
      const cwd = tempDir();
      const child = spawn(
        process.execPath,
        [CLI, 'demo', '--framework', 'express', '--yes', '--no-install', '--no-git'],
        {
          cwd,
          env: { ...process.env, ...ENV, CREATE_BACKEND_PAUSE_BEFORE_MOVE: '20000' },
        },
      );
      let stderr = '';
      await new Promise<void>((resolve) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('staged')) resolve();
        });
      });
      expect(readdirSync(cwd).some((name) => name.startsWith('.create-backend-staging-'))).toBe(true);
      child.kill(signal);
      // 'close', not 'exit': stderr may still hold the last line when the process has exited
      const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)));
      expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(stderr).toContain('nothing was written');
      expect(readdirSync(cwd)).toEqual([]);
    });

    it(`${signal} while installing keeps the project and says how to finish`, async () => {
      const cwd = tempDir();
      const child = spawn(process.execPath, [CLI, 'demo', '--framework', 'express', '--yes', '--no-git'], {
        cwd,
        // a package manager that takes its time, so the signal lands mid-install
        env: { ...process.env, ...ENV, PATH: fakeNpm('exec sleep 30') },
      });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes('› Installing dependencies')) resolve();
        });
      });
      child.kill(signal);
      // 'close', not 'exit': stderr may still hold the last line when the process has exited
      const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)));
      expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(existsSync(join(cwd, 'demo/package.json'))).toBe(true);
      expect(stderr).toMatch(/while installing\. The project is kept in .*demo; run the install again/);
      expect(stderr).toContain('npm install');
    });
  }
});
