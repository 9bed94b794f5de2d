// Which option combinations the smoke harness runs for a framework, derived from its
// definition only: the defaults; every non-default value of every option at least once;
// each switch flipped in turn; everything optional off. Adding an option to a definition
// extends this with no edit here. (Every other combination is rendered and syntax-checked
// by the unit and property tests.)
import type { FrameworkDefinition, OptionValues } from '../../src/framework.js';
import { defaultOptions } from '../../src/template-data.js';

export interface Scenario {
  label: string;
  options: OptionValues;
}

const OFF_VALUES = new Set(['none', 'off']);

export function smokeScenarios(framework: FrameworkDefinition): Scenario[] {
  const defaults = defaultOptions(framework);
  const scenarios: Scenario[] = [{ label: 'defaults', options: defaults }];
  const add = (options: Record<string, string | boolean>) => {
    if (scenarios.some((scenario) => JSON.stringify(scenario.options) === JSON.stringify(options))) return;
    const changed = Object.entries(options).filter(([name, value]) => defaults[name] !== value);
    scenarios.push({ label: optionFlags(Object.fromEntries(changed)).join(' '), options });
  };
  // Choice values: the k-th non-default value of every choice option together, so each
  // value is fully tested once in few runs (e.g. --db postgres with --cache redis).
  const choices = framework.options.filter((option) => option.kind === 'choice');
  const rounds = Math.max(0, ...choices.map((option) => option.choices.length - 1));
  for (let k = 0; k < rounds; k++) {
    const options: Record<string, string | boolean> = { ...defaults };
    for (const option of choices) {
      const others = option.choices.map((choice) => choice.value).filter((value) => value !== option.default);
      const value = others[k];
      if (value !== undefined) options[option.name] = value;
    }
    add(options);
  }
  // Switches: each one flipped in turn.
  for (const option of framework.options) {
    if (option.kind === 'toggle') add({ ...defaults, [option.name]: !option.default });
  }
  // Everything optional off at once.
  const allOff: Record<string, string | boolean> = { ...defaults };
  for (const option of framework.options) {
    if (option.kind === 'toggle') allOff[option.name] = false;
    else {
      const off = option.choices.find((choice) => OFF_VALUES.has(choice.value));
      if (off) allOff[option.name] = off.value;
    }
  }
  add(allOff);
  return scenarios;
}

/** CLI flags that produce `options`. */
export function optionFlags(options: OptionValues): string[] {
  return Object.entries(options).flatMap(([name, value]) =>
    typeof value === 'boolean' ? [value ? `--${name}` : `--no-${name}`] : [`--${name}`, value],
  );
}
