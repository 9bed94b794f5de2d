import { describe, expect, it } from 'vitest';
import { isValidProjectName, projectNameProblem, toModuleName, toPythonPackage, toTitle, toValidProjectName } from '../../src/names.js';

describe('project names', () => {
  it.each(['my-app', 'api', 'app', 'site', 'shop', 'demo', 'shop2', 'a', 'blog_engine', 'x-1-y'])('accepts %j', (name) => {
    expect(projectNameProblem(name)).toBeUndefined();
  });

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
    ['django', 'shadow'],
    ['flask', 'shadow'],
    ['rails', 'shadow'],
    ['express', 'shadow'],
    ['test', 'shadow'],
    ['fs', 'shadow'],
    ['tests', 'shadow'],
  ])('rejects %j with a reason', (name, reason) => {
    expect(projectNameProblem(name)).toContain(reason);
    expect(isValidProjectName(name)).toBe(false);
  });

  it('derives every identifier a template needs', () => {
    expect(toPythonPackage('my-cool-app')).toBe('my_cool_app');
    expect(toModuleName('my-cool_app')).toBe('MyCoolApp');
    expect(toModuleName('shop2')).toBe('Shop2');
    expect(toTitle('my-cool-app')).toBe('My Cool App');
  });

  it('suggests a valid name from free text', () => {
    expect(toValidProjectName('  My Cool App! ')).toBe('my-cool-app');
    expect(isValidProjectName(toValidProjectName('42 Things'))).toBe(true);
  });
});
