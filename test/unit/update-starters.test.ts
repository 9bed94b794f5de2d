// create-backend update on a generated project of every starter that has a cache option:
// --cache redis gives what generating with --cache redis gives (update-command.test.ts
// has the command's other cases).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAMEWORKS } from '../../generators/index.js';
import { planProject } from '../../src/plan.js';
import { buildTemplateData } from '../../src/template-data.js';
import { runUpdate } from '../../src/update/command.js';
import { readTree } from '../../src/update/merge.js';
import { parseRecord, RECORD_PATH, withRecord } from '../../src/update/record.js';
import { SECRET_PLACEHOLDER_PREFIX } from '../../src/update/render.js';
import { commitAll, generate, recorder } from './update-helpers.js';

describe('create-backend update --cache redis (in a generated project)', () => {
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
});
