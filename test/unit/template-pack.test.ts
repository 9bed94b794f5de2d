import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATES_ROOT } from '../../src/paths.js';
import { isCurrent, readTemplateFile } from '../../src/template-pack.js';
import { tempDir } from './helpers.js';

describe('template packs', () => {
  it('give the same bytes as the file on disk', () => {
    const file = join(TEMPLATES_ROOT, 'express', 'package.json.hbs');
    expect(readTemplateFile(file, statSync(file)).equals(readFileSync(file))).toBe(true);
  });

  it('are not used for a template that changed since the build', () => {
    const packed = { size: 10, mtimeMs: 1000 };
    expect(isCurrent(packed, { size: 10, mtimeMs: 1000 })).toBe(true);
    expect(isCurrent(packed, { size: 10, mtimeMs: 2000 })).toBe(false);
    expect(isCurrent(packed, { size: 11, mtimeMs: 1000 })).toBe(false);
    expect(isCurrent(undefined, { size: 10, mtimeMs: 1000 })).toBe(false);
    // an installed package (files re-dated by the tarball): the size decides
    expect(isCurrent(packed, { size: 10, mtimeMs: 2000 }, false)).toBe(true);
    expect(isCurrent(packed, { size: 11, mtimeMs: 1000 }, false)).toBe(false);
  });

  it('read files outside templates/ from disk', () => {
    const dir = tempDir();
    const file = join(dir, 'x.txt');
    writeFileSync(file, 'fixture');
    utimesSync(file, new Date(0), new Date(0));
    expect(readTemplateFile(file, statSync(file)).toString()).toBe('fixture');
  });
});
