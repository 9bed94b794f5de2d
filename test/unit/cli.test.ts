// The built CLI, run as a user runs it (no TTY), against temporary folders.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { tempDir, writeTree } from './helpers.js';

const CLI = join(import.meta.dirname, '../../dist/create-backend.js');
const run = (args: string[], cwd: string, input = '') =>
  execa(process.execPath, [CLI, ...args], { cwd, input, reject: false, env: { NO_COLOR: '1', CI: 'true' } });

describe('create-backend (built CLI, no terminal)', () => {
  it('prints help and version', async () => {
    const cwd = tempDir();
    const help = await run(['--help'], cwd);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('Usage: create-backend [directory] [options]');
    expect((await run(['--version'], cwd)).stdout).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('lists frameworks as text and JSON', async () => {
    const cwd = tempDir();
    expect((await run(['--list'], cwd)).stdout).toMatch(/^express +Express/);
    const list = JSON.parse((await run(['--list', '--json'], cwd)).stdout) as { id: string; commands: { test: string[] } }[];
    expect(list.map((framework) => framework.id)).toEqual(['express', 'django', 'laravel', 'rails', 'flask']);
    expect(list[0]!.commands.test).toEqual(['{pm} test']);
  });

  it('fails in one line naming --framework when input is not a terminal, leaving nothing', async () => {
    const cwd = tempDir();
    const result = await run(['x'], cwd, '\n');
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--framework');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('--dry-run prints the tree and writes nothing', async () => {
    const cwd = tempDir();
    const result = await run(['demo', '--framework', 'express', '--yes', '--dry-run'], cwd);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^demo\/\n/);
    expect(result.stdout).toContain('package.json');
    expect(result.stdout).toMatch(/files would be written to .*dry run: nothing written/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('generates a project and prints the next steps', async () => {
    const cwd = tempDir();
    const result = await run(['demo', '--framework', 'express', '--yes', '--no-install', '--no-git'], cwd);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readdirSync(cwd)).toEqual(['demo']);
    expect(JSON.parse(readFileSync(join(cwd, 'demo/package.json'), 'utf8')).name).toBe('demo');
    expect(result.stdout).toContain('cd demo');
    expect(result.stdout).toContain('npm install');
  });

  it('refuses a non-empty target without --force and leaves it untouched', async () => {
    const cwd = tempDir();
    writeTree(cwd, { 'api/notes.txt': 'mine' });
    const result = await run(['api', '--framework', 'express', '--yes', '--no-install', '--no-git'], cwd);
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim()).toBe('error: Directory "api" is not empty. Use --force to add files to it.');
    expect(readdirSync(join(cwd, 'api'))).toEqual(['notes.txt']);
  });

  it('makes a git repository with a first commit', async () => {
    const cwd = tempDir();
    const result = await run(['demo', '--framework', 'express', '--yes', '--no-install'], cwd);
    expect(result.exitCode, result.stderr).toBe(0);
    const log = await execa('git', ['log', '--oneline'], { cwd: join(cwd, 'demo') });
    expect(log.stdout).toContain('Initial commit from create-backend');
    const tracked = (await execa('git', ['ls-files'], { cwd: join(cwd, 'demo') })).stdout.split('\n');
    expect(tracked).not.toContain('.env');
  });

  it('skips git init inside an existing work tree, and says so', async () => {
    const cwd = tempDir();
    await execa('git', ['init', '-q'], { cwd });
    const result = await run(['demo', '--framework', 'express', '--yes', '--no-install'], cwd);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Skipped git init: the project is inside an existing git work tree.');
    expect(existsSync(join(cwd, 'demo/.git'))).toBe(false);
  });

  it('keeps the project and says how to finish when the install fails', async () => {
    const cwd = tempDir();
    const result = await execa(process.execPath, [CLI, 'demo', '--framework', 'express', '--yes', '--no-git'], {
      cwd,
      reject: false,
      env: { NO_COLOR: '1', CI: 'true', PATH: '/nonexistent', npm_config_user_agent: 'npm/11 node/v20' },
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/Installing dependencies failed .* The project is kept; finish with: cd demo && npm install/);
    expect(existsSync(join(cwd, 'demo/package.json'))).toBe(true);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} while writing leaves no staging folder and no target`, async () => {
      const cwd = tempDir();
      const child = spawn('node', [CLI, 'demo', '--framework', 'express', '--yes', '--no-install', '--no-git'], {
        cwd,
        env: { ...process.env, NO_COLOR: '1', CI: 'true', CREATE_BACKEND_PAUSE_BEFORE_MOVE: '20000' },
      });
      let stderr = '';
      await new Promise<void>((resolve) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('staged')) resolve();
        });
      });
      expect(readdirSync(cwd).some((name) => name.startsWith('.create-backend-staging-'))).toBe(true);
      child.kill(signal);
      const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
      expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(stderr).toContain('nothing was written');
      expect(readdirSync(cwd)).toEqual([]);
    });
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} while installing keeps the project and says how to finish`, async () => {
      const cwd = tempDir();
      const bin = tempDir();
      // a package manager that takes its time, so the signal lands mid-install
      writeTree(bin, { npm: { contents: '#!/bin/sh\necho installing\nexec sleep 30\n', mode: 0o755 } });
      const child = spawn(process.execPath, [CLI, 'demo', '--framework', 'express', '--yes', '--no-git'], {
        cwd,
        env: { ...process.env, NO_COLOR: '1', CI: 'true', PATH: `${bin}:${process.env.PATH}`, npm_config_user_agent: 'npm/11 node/v20' },
      });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes('installing')) resolve();
        });
      });
      child.kill(signal);
      const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
      expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(existsSync(join(cwd, 'demo/package.json'))).toBe(true);
      expect(stderr).toMatch(/while installing\. The project is kept in .*demo; run the install again/);
      expect(stderr).toContain('npm install');
    });
  }
});
