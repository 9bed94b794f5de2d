// What `npm publish` would ship: every template file (npm silently drops some names, such
// as .gitignore, which is why templates store `_gitignore`) and the bin.
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };

const ROOT = new URL('../..', import.meta.url).pathname;

describe('the published package', () => {
  it('ships every template file and the bin', async () => {
    const pack = await execa('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT });
    const shipped = new Set((JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0]!.files.map((file) => file.path));
    const templates = (await execa('git', ['ls-files', 'templates'], { cwd: ROOT })).stdout.split('\n').filter(Boolean);
    expect(templates.length).toBeGreaterThan(0);
    expect(templates.filter((path) => !shipped.has(path))).toEqual([]);
    expect(shipped.has(packageJson.bin['create-backend'])).toBe(true);
  }, 30_000);

  it('is named for `npm create backend`', () => {
    expect(packageJson.name).toBe('create-backend');
    expect(Object.keys(packageJson.bin)).toEqual(['create-backend']);
  });
});
