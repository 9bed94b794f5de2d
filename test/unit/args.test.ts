import { describe, expect, it } from 'vitest';
import { optionFlagKinds, parseArgs } from '../../src/args.js';
import type { FrameworkDefinition } from '../../src/framework.js';
import { FRAMEWORKS } from '../../generators/index.js';
import { choiceOption, toggleOption } from './helpers.js';

const base = FRAMEWORKS[0]!;
const withOptions: FrameworkDefinition = {
  ...base,
  options: [
    choiceOption('db', ['sqlite', 'postgres']),
    choiceOption('cache', ['memory', 'none']),
    toggleOption('login'),
  ],
};

describe('parseArgs', () => {
  it('reads the directory and the global flags', () => {
    const args = parseArgs(
      ['api', '-f', 'express', '--yes', '--no-install', '--no-git', '--force', '--dry-run'],
      FRAMEWORKS,
    );
    expect(args).toMatchObject({
      directory: 'api',
      framework: 'express',
      yes: true,
      install: false,
      git: false,
      force: true,
      dryRun: true,
    });
  });

  it('defaults to installing and committing', () => {
    expect(parseArgs([], FRAMEWORKS)).toMatchObject({ install: true, git: true, yes: false, force: false });
  });

  it('accepts --flag=value and --flag value', () => {
    expect(parseArgs(['--framework=flask', '--description', 'An API'], FRAMEWORKS)).toMatchObject({
      framework: 'flask',
      description: 'An API',
    });
  });

  it('reads framework options: choices take a value, toggles are switches', () => {
    const args = parseArgs(['x', '--db', 'postgres', '--no-login'], [withOptions]);
    expect(args.options).toEqual({ db: 'postgres', login: false });
    expect(parseArgs(['--login'], [withOptions]).options).toEqual({ login: true });
  });

  it('reads --no-<choice> as the "none" value', () => {
    expect(parseArgs(['--no-cache'], [withOptions]).options).toEqual({ cache: 'none' });
  });

  it('rejects an unknown flag with a one-line message', () => {
    expect(() => parseArgs(['--frobnicate'], FRAMEWORKS)).toThrow(
      /^Unknown option "--frobnicate"\. Run create-backend --help/,
    );
    expect(() => parseArgs(['-z'], FRAMEWORKS)).toThrow(/Unknown option "-z"/);
  });

  it('rejects a value-taking flag without its value', () => {
    expect(() => parseArgs(['--framework'], FRAMEWORKS)).toThrow('Option --framework needs a value.');
    expect(() => parseArgs(['--framework', '--yes'], FRAMEWORKS)).toThrow('Option --framework needs a value.');
  });

  it('rejects a value on a switch', () => {
    expect(() => parseArgs(['--yes=1'], FRAMEWORKS)).toThrow('Option --yes takes no value.');
  });

  it('rejects two directories', () => {
    expect(() => parseArgs(['a', 'b'], FRAMEWORKS)).toThrow(/Expected one project directory/);
  });

  it('treats everything after -- as positional', () => {
    expect(parseArgs(['--', 'dir'], FRAMEWORKS).directory).toBe('dir');
  });

  it('knows every framework option flag with one kind across frameworks', () => {
    expect(() => optionFlagKinds(FRAMEWORKS)).not.toThrow();
    const clash: FrameworkDefinition = {
      ...withOptions,
      id: 'flask',
      options: [{ kind: 'toggle', name: 'db', message: 'x', default: true }],
    };
    expect(() => optionFlagKinds([withOptions, clash])).toThrow(/--db is a choice in one framework and a toggle/);
  });
});
