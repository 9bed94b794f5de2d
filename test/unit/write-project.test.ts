import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlannedFile } from '../../src/render.js';
import { findConflicts, STAGING_PREFIX, writeProject } from '../../src/write-project.js';
import { tempDir, writeTree } from './helpers.js';

const file = (path: string, contents = path, mode = 0o644): PlannedFile => ({ path, contents, mode, source: path });
const files = [file('README.md'), file('src/app.ts'), file('bin/run', '#!/bin/sh\n', 0o755)];

function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: false }).map(String).sort();
}

describe('writeProject', () => {
  it('creates a missing target with every file and keeps executable bits', async () => {
    const parent = tempDir();
    const target = join(parent, 'api');
    await writeProject(target, files, { force: false });
    expect(snapshot(target)).toEqual(['README.md', 'bin', 'bin/run', 'src', 'src/app.ts']);
    expect(statSync(join(target, 'bin/run')).mode & 0o111).toBe(0o111);
    expect(statSync(target).mode & 0o777).toBe(0o777 & ~process.umask());
    expect(readdirSync(parent)).toEqual(['api']);
  });

  it('creates missing parent folders of an absolute target', async () => {
    const target = join(tempDir(), 'a', 'b', 'api');
    await writeProject(target, files, { force: false });
    expect(existsSync(join(target, 'src/app.ts'))).toBe(true);
  });

  it('fills an existing empty folder in place', async () => {
    const target = join(tempDir(), 'api');
    mkdirSync(target);
    const inode = statSync(target).ino;
    await writeProject(target, files, { force: false });
    expect(statSync(target).ino).toBe(inode);
    expect(snapshot(target)).toContain('src/app.ts');
  });

  it('refuses a non-empty directory without --force and leaves it untouched', async () => {
    const target = tempDir();
    writeTree(target, { 'notes.txt': 'mine' });
    await expect(writeProject(target, files, { force: false })).rejects.toThrow(
      /is not empty\. Use --force to add files to it\./,
    );
    expect(snapshot(target)).toEqual(['notes.txt']);
  });

  it('adds files to a non-empty directory with --force', async () => {
    const target = tempDir();
    writeTree(target, { 'notes.txt': 'mine', 'src/other.ts': 'mine too' });
    await writeProject(target, files, { force: true });
    expect(readFileSync(join(target, 'notes.txt'), 'utf8')).toBe('mine');
    expect(snapshot(target)).toEqual(['README.md', 'bin', 'bin/run', 'notes.txt', 'src', 'src/app.ts', 'src/other.ts']);
  });

  it('lists conflicts and stops, even with --force, overwriting nothing', async () => {
    const target = tempDir();
    writeTree(target, { 'README.md': 'my readme' });
    await expect(writeProject(target, files, { force: true })).rejects.toThrow(
      /1 file\(s\) already exist in ".*": README\.md\. Move them away first; nothing was written\./,
    );
    expect(snapshot(target)).toEqual(['README.md']);
    expect(readFileSync(join(target, 'README.md'), 'utf8')).toBe('my readme');
  });

  it('counts a file where the project needs a folder as a conflict', () => {
    const target = tempDir();
    writeTree(target, { src: 'a file' });
    expect(findConflicts(target, files)).toEqual(['src']);
  });

  it('refuses a target that is a file', async () => {
    const parent = tempDir();
    writeFileSync(join(parent, 'api'), 'x');
    await expect(writeProject(join(parent, 'api'), files, { force: true })).rejects.toThrow(
      /exists and is not a directory/,
    );
  });

  it('leaves no staging folder and no target when writing fails', async () => {
    const parent = tempDir();
    const target = join(parent, 'api');
    // a folder and a file at the same path cannot both be written
    const clash = [file('src'), file('src/app.ts')];
    await expect(writeProject(target, clash, { force: false })).rejects.toThrow(
      /Cannot write the project.*Nothing was left behind\./,
    );
    expect(readdirSync(parent)).toEqual([]);
  });

  it('rolls back files moved into an existing folder when a later one fails', async () => {
    const target = tempDir();
    writeTree(target, { 'keep.txt': 'mine' });
    const clash = [file('a.txt'), file('src'), file('src/app.ts')];
    await expect(writeProject(target, clash, { force: true })).rejects.toThrow(/Cannot write the project/);
    expect(snapshot(target)).toEqual(['keep.txt']);
  });

  it('names staging folders so they are recognisable', () => {
    expect(STAGING_PREFIX).toBe('.create-backend-staging-');
  });
});
