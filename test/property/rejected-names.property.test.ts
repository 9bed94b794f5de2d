// For any name the validator rejects, the CLI exits 1 with one line and writes nothing.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import fc from 'fast-check';
import tmp from 'tmp';
import { expect, it } from 'vitest';
import { isValidProjectName } from '../../src/names.js';

const CLI = join(import.meta.dirname, '../../dist/create-backend.js');

const rejectedName = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ unit: 'binary-ascii', maxLength: 20 }),
    fc.constantFrom('..', '.', '../x', 'a/../b', 'a b', 'A', '-x', '_x', '9x', 'x'.repeat(65)),
  )
  .filter((name) => !name.startsWith('/') && !name.startsWith('-') && !name.includes('\u0000') && !isValidProjectName(name));

it('rejects every invalid name in one line and writes nothing', async () => {
  await fc.assert(
    fc.asyncProperty(rejectedName, async (name) => {
      const cwd = tmp.dirSync({ unsafeCleanup: true }).name;
      const result = await execa(process.execPath, [CLI, name, '--framework', 'express', '--yes', '--no-install', '--no-git'], {
        cwd,
        reject: false,
        env: { CI: 'true', NO_COLOR: '1' },
      });
      expect(result.exitCode).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(readdirSync(cwd)).toEqual([]);
    }),
    { numRuns: 40 },
  );
}, 120_000);
