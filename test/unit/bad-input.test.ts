// Bad invocations, table-driven: each gets a one-line error, a non-zero exit, and leaves
// the filesystem exactly as it was.
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const CLI = join(import.meta.dirname, '../../dist/create-backend.js');
const BASE = ['--yes', '--no-install', '--no-git'];

/** Every path below `root` with its contents (files) or "dir", for before/after comparison. */
function snapshot(root: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true }) as string[]) {
    const full = join(root, entry);
    const info = statSync(full);
    result[entry] = info.isDirectory() ? `dir ${info.mode & 0o777}` : `${info.mode & 0o777} ${readFileSync(full, 'utf8')}`;
  }
  return result;
}

interface BadCase {
  what: string;
  args: string[];
  error: RegExp;
  /** Files present before the run (path → contents). */
  before?: Record<string, string>;
}

const cases: BadCase[] = [
  { what: 'an empty name', args: ['', '-f', 'express', ...BASE], error: /Invalid project name "": the name is empty/ },
  { what: '"."', args: ['.', '-f', 'express', ...BASE], error: /Invalid project name "\.": it must be a new folder name/ },
  { what: '".."', args: ['..', '-f', 'express', ...BASE], error: /Invalid project name "\.\.": it must be a new folder name/ },
  { what: '"../x"', args: ['../x', '-f', 'express', ...BASE], error: /Invalid project name "\.\.\/x"/ },
  { what: 'a path separator', args: ['a/b', '-f', 'express', ...BASE], error: /path separator/ },
  { what: 'a backslash', args: ['a\\b', '-f', 'express', ...BASE], error: /path separator/ },
  { what: 'a leading "."', args: ['.env', '-f', 'express', ...BASE], error: /starts with "\."/ },
  { what: 'a leading "_"', args: ['_x', '-f', 'express', ...BASE], error: /starts with "_"/ },
  { what: 'a leading "-"', args: ['--', '-x', '-f', 'express', ...BASE], error: /Expected one project directory|starts with "-"/ },
  { what: 'a leading digit', args: ['1app', '-f', 'express', ...BASE], error: /starts with a digit/ },
  { what: 'a space', args: ['my app', '-f', 'express', ...BASE], error: /whitespace/ },
  { what: 'uppercase', args: ['MyApp', '-f', 'express', ...BASE], error: /uppercase/ },
  { what: 'non-ASCII', args: ['café', '-f', 'express', ...BASE], error: /non-ASCII/ },
  { what: '300 characters', args: ['a'.repeat(300), '-f', 'express', ...BASE], error: /longer than 64 characters/ },
  ...['django', 'flask', 'rails', 'test', 'express', 'laravel'].map((name) => ({
    what: `"${name}", which shadows a module`,
    args: [name, '-f', 'express', ...BASE],
    error: /would shadow/,
  })),
  { what: 'an unknown framework', args: ['x', '-f', 'spring', ...BASE], error: /Unknown framework "spring": choose one of express, django, laravel, rails, flask\./ },
  { what: 'an unknown flag', args: ['x', '--frobnicate', ...BASE], error: /Unknown option "--frobnicate"/ },
  { what: 'a flag missing its value', args: ['x', '--framework'], error: /Option --framework needs a value\./ },
  { what: 'a bad option value', args: ['x', '-f', 'flask', '--cache', 'disk', ...BASE], error: /Invalid value "disk" for --cache: Flask accepts/ },
  { what: 'an option of another framework', args: ['x', '-f', 'express', '--no-migrate', ...BASE], error: /Option --migrate does not apply to Express/ },
  { what: 'a target that is a file', args: ['taken', '-f', 'express', ...BASE], before: { taken: 'a file' }, error: /"[^"]*taken" exists and is not a directory/ },
  { what: 'a non-empty target without --force', args: ['api', '-f', 'express', ...BASE], before: { 'api/notes.txt': 'mine' }, error: /Directory "api" is not empty\. Use --force/ },
  {
    what: 'a conflicting file with --force',
    args: ['api', '-f', 'express', '--force', ...BASE],
    before: { 'api/package.json': '{"mine": true}' },
    error: /1 file\(s\) already exist in "api": package\.json\. Move them away first; nothing was written\./,
  },
  { what: 'no framework without a terminal', args: ['x'], error: /Missing --framework/ },
];

describe('bad input: one line, non-zero exit, nothing changed', () => {
  it.each(cases.map((c) => [c.what, c] as const))('%s', async (_what, badCase) => {
    const cwd = tempDir();
    for (const [path, contents] of Object.entries(badCase.before ?? {})) {
      mkdirSync(join(cwd, path, '..'), { recursive: true });
      writeFileSync(join(cwd, path), contents);
    }
    const before = snapshot(cwd);
    const result = await execa(process.execPath, [CLI, ...badCase.args], { cwd, reject: false, input: '', env: { NO_COLOR: '1', CI: 'true' } });
    expect(result.exitCode).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]).toMatch(badCase.error);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(snapshot(cwd)).toEqual(before);
  });

  it('refuses a read-only parent folder in one line and writes nothing', async () => {
    const root = tempDir();
    const parent = join(root, 'read-only');
    mkdirSync(parent);
    chmodSync(root, 0o755);
    chmodSync(parent, 0o555);
    // root ignores permissions: run the CLI as "nobody" then, as a user would meet it
    const asUser = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : [];
    const argv = [...asUser, process.execPath, CLI, join(parent, 'api'), '-f', 'express', ...BASE];
    const result = await execa(argv[0]!, argv.slice(1), { cwd: root, reject: false, env: { NO_COLOR: '1', CI: 'true', HOME: root } });
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/Cannot write the project to ".*read-only\/api": permission denied/);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('writes to an absolute target path as given, not below the working directory', async () => {
    const cwd = tempDir();
    const elsewhere = join(tempDir(), 'deep', 'api');
    const result = await execa(process.execPath, [CLI, elsewhere, '-f', 'express', ...BASE], { cwd, reject: false, env: { CI: 'true' } });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
    expect(readdirSync(elsewhere)).toContain('package.json');
  });
});
