// Which option combinations the smoke harness runs for a framework, derived from its
// definition only: the defaults, then every non-default value of every option once, then
// everything switched off. Adding an option to a definition extends this with no edit here.
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
  for (const option of framework.options) {
    const values = option.kind === 'choice' ? option.choices.map((choice) => choice.value) : [true, false];
    for (const value of values) {
      if (value === option.default) continue;
      const shown = typeof value === 'boolean' ? (value ? `--${option.name}` : `--no-${option.name}`) : `--${option.name} ${value}`;
      scenarios.push({ label: shown, options: { ...defaults, [option.name]: value } });
    }
  }
  const allOff: Record<string, string | boolean> = { ...defaults };
  for (const option of framework.options) {
    if (option.kind === 'toggle') allOff[option.name] = false;
    else {
      const off = option.choices.find((choice) => OFF_VALUES.has(choice.value));
      if (off) allOff[option.name] = off.value;
    }
  }
  const isNew = !scenarios.some((scenario) => JSON.stringify(scenario.options) === JSON.stringify(allOff));
  if (isNew) scenarios.push({ label: 'everything optional off', options: allOff });
  return scenarios;
}

/** CLI flags that produce `options`. */
export function optionFlags(options: OptionValues): string[] {
  return Object.entries(options).flatMap(([name, value]) =>
    typeof value === 'boolean' ? [value ? `--${name}` : `--no-${name}`] : [`--${name}`, value],
  );
}
