import { describe, expect, it } from 'vitest';
import { isValidProjectName, projectNameProblem, toModuleName, toPythonPackage, toTitle } from '../../src/names.js';

describe('project names', () => {
  it.each(['my-app', 'api', 'app', 'site', 'shop', 'demo', 'shop2', 'a', 'blog_engine', 'x-1-y'])(
    'accepts %j',
    (name) => {
      expect(projectNameProblem(name)).toBeUndefined();
    },
  );

  it.each([
    ['', 'empty'],
    ['.', '"."'],
    ['..', '".."'],
    ['../x', '".."'],
    ['a/b', 'path separator'],
    ['a\\b', 'path separator'],
    ['.hidden', 'starts with "."'],
    ['_private', 'starts with "_"'],
    ['-flag', 'starts with "-"'],
    ['1app', 'digit'],
    ['my app', 'whitespace'],
    ['MyApp', 'uppercase'],
    ['café', 'non-ASCII'],
    ['a'.repeat(300), 'longer than'],
    ['my--app', 'single "-"'],
    ['app-', 'single "-"'],
    ['con', 'Windows reserves "CON"'],
    ['nul', 'Windows reserves "NUL"'],
    ['com1', 'Windows reserves "COM1"'],
    ['lpt9', 'Windows reserves "LPT9"'],
    ['aux.txt', 'Windows reserves "AUX"'],
  ])('rejects %j with a reason', (name, reason) => {
    expect(projectNameProblem(name)).toContain(reason);
    expect(isValidProjectName(name)).toBe(false);
  });

  it.each(['console', 'com10', 'lpt0', 'auxiliary', 'nully'])(
    'accepts %j, which only looks like a Windows device name',
    (name) => {
      expect(projectNameProblem(name)).toBeUndefined();
    },
  );

  it('refuses the names a framework reserves, and only those', () => {
    const reserved = { app: 'the app package', my_app: 'a module' };
    expect(projectNameProblem('app', reserved)).toBe('it would shadow the app package');
    expect(projectNameProblem('my-app', reserved)).toBe('it would shadow a module');
    expect(projectNameProblem('app')).toBeUndefined();
  });

  it('derives every identifier a template needs', () => {
    expect(toPythonPackage('my-cool-app')).toBe('my_cool_app');
    expect(toModuleName('my-cool_app')).toBe('MyCoolApp');
    expect(toModuleName('shop2')).toBe('Shop2');
    expect(toTitle('my-cool-app')).toBe('My Cool App');
  });
});
