import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandCommand, formatCommand, onPath, preferFaster } from '../../src/run-command.js';
import { tempDir } from './helpers.js';

describe('commands of a definition', () => {
  it('fills in the placeholders', () => {
    const argv = expandCommand(
      { argv: ['{pm}', 'run', 'x', '--port={port}', '{python}', '{harness}/a'] },
      { packageManager: 'pnpm', port: 4321, python: 'python3.12', harness: '/h' },
    );
    expect(argv).toEqual(['pnpm', 'run', 'x', '--port=4321', 'python3.12', '/h/a']);
  });

  it('quotes only what the shell needs', () => {
    expect(formatCommand(['pip', 'install', '-r', 'requirements.txt'])).toBe('pip install -r requirements.txt');
    expect(formatCommand(['echo', "it's here", 'a b'])).toBe(`echo 'it'\\''s here' 'a b'`);
  });

  it('finds executables on PATH without spawning', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tool'), '#!/bin/sh\n');
    chmodSync(join(dir, 'tool'), 0o755);
    writeFileSync(join(dir, 'plain'), '');
    expect(onPath('tool', dir)).toBe(true);
    expect(onPath('plain', dir)).toBe(false);
    expect(onPath('missing', dir)).toBe(false);
  });

  it('prefers the faster installer only when it is available', () => {
    const pip = {
      argv: ['.venv/bin/pip', 'install', '-r', 'requirements.txt'],
      faster: { argv: ['uv', 'pip', 'install', '-r', 'requirements.txt'] },
    };
    expect(preferFaster(pip, (program) => program === 'uv').argv[0]).toBe('uv');
    expect(preferFaster(pip, () => false).argv[0]).toBe('.venv/bin/pip');
    expect(preferFaster({ argv: ['npm', 'install'] }, () => true).argv[0]).toBe('npm');
  });
});
