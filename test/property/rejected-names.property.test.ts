// For any name the validator rejects, the CLI (runCli, in-process) exits 1 with one line
// and writes nothing.
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { FRAMEWORKS } from '../../generators/index.js';
import { isValidProjectName } from '../../src/names.js';
import { runInProcess, tempDir } from '../unit/helpers.js';

const rejectedName = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ unit: 'binary-ascii', maxLength: 20 }),
    fc.constantFrom('..', '.', '../x', 'a/../b', 'a b', 'A', '-x', '_x', '9x', 'x'.repeat(65), 'con', 'lpt1.txt'),
  )
  // a name with "/" is a path whose last segment is the name; "-x" is a flag, NUL no argument
  .filter(
    (name) => !name.includes('/') && !name.startsWith('-') && !name.includes('\u0000') && !isValidProjectName(name),
  );

it('rejects every invalid name in one line and writes nothing', async () => {
  await fc.assert(
    fc.asyncProperty(
      rejectedName,
      fc.constantFrom(...FRAMEWORKS.map((framework) => framework.id)),
      async (name, framework) => {
        const cwd = tempDir();
        const result = await runInProcess([name, '--framework', framework, '--yes', '--no-install', '--no-git'], {
          cwd,
        });
        expect(result.code).toBe(1);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(readdirSync(cwd)).toEqual([]);
      },
    ),
    { numRuns: 200 },
  );
});
