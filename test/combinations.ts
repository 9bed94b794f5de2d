import type { FrameworkDefinition, OptionValues } from '../src/framework.js';

/** Every combination of a framework's option values (the full product). */
export function allCombinations(framework: FrameworkDefinition): OptionValues[] {
  let combinations: Record<string, string | boolean>[] = [{}];
  for (const option of framework.options) {
    const values = option.kind === 'choice' ? option.choices.map((choice) => choice.value) : [true, false];
    combinations = combinations.flatMap((combination) =>
      values.map((value) => ({ ...combination, [option.name]: value })),
    );
  }
  return combinations;
}
