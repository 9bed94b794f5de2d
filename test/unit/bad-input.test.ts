// Bad invocations, table-driven, in-process: each gets a one-line error, exit code 1,
// and leaves the filesystem exactly as it was. (test/unit/e2e.test.ts checks the same
// contract on the spawned bin.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAMEWORKS } from '../../generators/index.js';
import { runInProcess, tempDir, writeTree } from './helpers.js';

const BASE = ['--yes', '--no-install', '--no-git'];

/** Every path below `root` with its contents (files) or "dir", for before/after comparison. */
export function snapshot(root: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true }) as string[]) {
    const full = join(root, entry);
    const info = statSync(full);
    result[entry] = info.isDirectory()
      ? `dir ${info.mode & 0o777}`
      : `${info.mode & 0o777} ${readFileSync(full, 'utf8')}`;
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

/** For each definition, one name it reserves: refused for that framework with its reason. */
const reservedCases: BadCase[] = FRAMEWORKS.flatMap((framework) =>
  Object.entries(framework.reservedNames ?? {})
    .filter(([name]) => /^[a-z][a-z0-9_-]*$/.test(name))
    .slice(0, 1)
    .map(([name, what]) => ({
      what: `"${name}", which ${framework.label} reserves`,
      args: [name, '-f', framework.id, ...BASE],
      error: new RegExp(
        `Invalid project name "${name}" for ${framework.label}: it would shadow ${what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`,
      ),
    })),
);

const cases: BadCase[] = [
  { what: 'an empty name', args: ['', '-f', 'express', ...BASE], error: /Invalid project name "": the name is empty/ },
  {
    what: '"."',
    args: ['.', '-f', 'express', ...BASE],
    error: /Invalid project name "\.": it must be a new folder name/,
  },
  {
    what: '".."',
    args: ['..', '-f', 'express', ...BASE],
    error: /Invalid project name "\.\.": it must be a new folder name/,
  },
  { what: '"../x"', args: ['../x', '-f', 'express', ...BASE], error: /Invalid project name "\.\.\/x"/ },
  { what: '"apps/../x"', args: ['apps/../x', '-f', 'express', ...BASE], error: /Invalid project name "apps\/\.\.\/x"/ },
  { what: 'a backslash', args: ['a\\b', '-f', 'express', ...BASE], error: /path separator/ },
  {
    what: 'a bad last segment of a nested path',
    args: ['apps/My App', '-f', 'express', ...BASE],
    error: /Invalid project name "My App": it contains whitespace/,
  },
  { what: 'a leading "."', args: ['.env', '-f', 'express', ...BASE], error: /starts with "\."/ },
  { what: 'a leading "_"', args: ['_x', '-f', 'express', ...BASE], error: /starts with "_"/ },
  {
    what: 'a leading "-"',
    args: ['--', '-x', '-f', 'express', ...BASE],
    error: /Expected one project directory|starts with "-"/,
  },
  { what: 'a leading digit', args: ['1app', '-f', 'express', ...BASE], error: /starts with a digit/ },
  { what: 'a space', args: ['my app', '-f', 'express', ...BASE], error: /whitespace/ },
  { what: 'uppercase', args: ['MyApp', '-f', 'express', ...BASE], error: /uppercase/ },
  { what: 'non-ASCII', args: ['café', '-f', 'express', ...BASE], error: /non-ASCII/ },
  { what: '300 characters', args: ['a'.repeat(300), '-f', 'express', ...BASE], error: /longer than 64 characters/ },
  ...['con', 'nul', 'com1', 'lpt9', 'aux.js', 'apps/prn'].map((name) => ({
    what: `"${name}", a Windows device name`,
    args: [name, '-f', 'express', ...BASE],
    error: /Windows reserves "(CON|NUL|COM1|LPT9|AUX|PRN)" as a device name/,
  })),
  ...reservedCases,
  {
    what: 'an unknown framework',
    args: ['x', '-f', 'spring', ...BASE],
    error: new RegExp(
      `Unknown framework "spring": choose one of ${FRAMEWORKS.map((framework) => framework.id).join(', ')}\\.`,
    ),
  },
  { what: 'an unknown flag', args: ['x', '--frobnicate', ...BASE], error: /Unknown option "--frobnicate"/ },
  { what: 'a flag missing its value', args: ['x', '--framework'], error: /Option --framework needs a value\./ },
  {
    what: 'a bad option value',
    args: ['x', '-f', 'flask', '--cache', 'disk', ...BASE],
    error: /Invalid value "disk" for --cache: Flask accepts/,
  },
  {
    what: 'an option of another framework',
    args: ['x', '-f', 'express', '--no-migrate', ...BASE],
    error: /Option --migrate does not apply to Express/,
  },
  {
    what: 'a target that is a file',
    args: ['taken', '-f', 'express', ...BASE],
    before: { taken: 'a file' },
    error: /"[^"]*taken" exists and is not a directory/,
  },
  {
    what: 'a non-empty target without --force',
    args: ['api', '-f', 'express', ...BASE],
    before: { 'api/notes.txt': 'mine' },
    error: /Directory "api" is not empty\. Use --force/,
  },
  {
    what: 'a non-empty nested target without --force',
    args: ['apps/api/', '-f', 'express', ...BASE],
    before: { 'apps/api/notes.txt': 'mine' },
    error: /Directory "apps\/api" is not empty\. Use --force/,
  },
  {
    what: 'a conflicting file with --force',
    args: ['api', '-f', 'express', '--force', ...BASE],
    before: { 'api/package.json': '{"mine": true}' },
    error: /1 file\(s\) already exist in "api": package\.json\. Move them away first; nothing was written\./,
  },
  { what: 'no framework without a terminal', args: ['x'], error: /Missing --framework/ },
  { what: 'no directory without a terminal', args: ['-f', 'express'], error: /Missing project directory/ },
];

describe('bad input: one line, exit 1, nothing changed', () => {
  it('covers a reserved name of every definition that reserves names', () => {
    expect(reservedCases.length).toBe(
      FRAMEWORKS.filter((framework) => Object.keys(framework.reservedNames ?? {}).length > 0).length,
    );
  });

  it.each(cases.map((c) => [c.what, c] as const))('%s', async (_what, badCase) => {
    const cwd = tempDir();
    writeTree(cwd, badCase.before ?? {});
    const before = snapshot(cwd);
    const result = await runInProcess(badCase.args, { cwd });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]).toMatch(badCase.error);
    expect(result.stdout).toBe('');
    expect(snapshot(cwd)).toEqual(before);
  });
});
