import { describe, expect, it } from 'vitest';
import type { FrameworkDefinition } from '../../src/framework.js';
import { optionFlags, smokeScenarios } from '../smoke/scenarios.js';
import { choiceOption, express, toggleOption } from './helpers.js';

const framework: FrameworkDefinition = {
  ...express,
  options: [
    choiceOption('db', ['sqlite', 'postgres'], { postgres: ['postgres'] }),
    choiceOption('cache', ['memory', 'redis', 'none']),
    toggleOption('login'),
    toggleOption('csrf'),
  ],
};

describe('smoke scenarios', () => {
  const scenarios = smokeScenarios(framework);

  it('start with the defaults', () => {
    expect(scenarios[0]).toEqual({
      label: 'defaults',
      options: { db: 'sqlite', cache: 'memory', login: true, csrf: true },
    });
  });

  it('test every value of every option at least once', () => {
    for (const option of framework.options) {
      const values = option.kind === 'choice' ? option.choices.map((choice) => choice.value) : [true, false];
      for (const value of values)
        expect(
          scenarios.some((scenario) => scenario.options[option.name] === value),
          `${option.name}=${String(value)}`,
        ).toBe(true);
    }
  });

  it('flip each switch in turn and end with everything optional off', () => {
    expect(scenarios.map((scenario) => scenario.label)).toEqual([
      'defaults',
      '--db postgres --cache redis',
      '--cache none',
      '--no-login',
      '--no-csrf',
      '--cache none --no-login --no-csrf',
    ]);
  });

  it('never repeat a combination', () => {
    const keys = scenarios.map((scenario) => JSON.stringify(scenario.options));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('turn options into the CLI flags that choose them', () => {
    expect(optionFlags({ db: 'postgres', login: false, csrf: true })).toEqual([
      '--db',
      'postgres',
      '--no-login',
      '--csrf',
    ]);
  });
});
