// Interactive questions (TTY only). Ctrl-C at a question rejects with CancelledError;
// `prompts` would otherwise resolve with partial answers.
import { CancelledError } from './errors.js';
import type { FrameworkDefinition, FrameworkOption } from './framework.js';
import { projectNameProblem } from './names.js';
import type { Asker } from './spec.js';

type PromptsModule = typeof import('prompts');

async function ask<T>(question: import('prompts').PromptObject<'value'>): Promise<T> {
  // prompts' entry picks lib/ (Node >= 8.6) or a transpiled dist/ at run time; naming lib/
  // keeps the bundle from carrying both.
  // @ts-expect-error -- lib/index.js has no type declarations of its own; it is the package's main API
  const module = (await import('prompts/lib/index.js')) as { default: PromptsModule };
  const prompts = module.default;
  const answers = await prompts(question, {
    onCancel: () => {
      throw new CancelledError();
    },
  });
  return answers.value as T;
}

export function frameworkChoices(frameworks: readonly FrameworkDefinition[]) {
  return frameworks.map((framework) => ({
    title: framework.available ? framework.label : `${framework.label} (coming soon)`,
    description: framework.summary,
    value: framework.id,
    disabled: !framework.available,
  }));
}

export const terminalAsker: Asker = {
  projectName: (initial) =>
    ask<string>({
      type: 'text',
      name: 'value',
      message: 'Project name',
      initial,
      validate: (value: string) => {
        const problem = projectNameProblem(value.trim());
        return problem ? `Not a valid name: ${problem}` : true;
      },
      format: (value: string) => value.trim(),
    }),

  framework: async (frameworks) => {
    const choices = frameworkChoices(frameworks);
    const id = await ask<string>({
      type: 'select',
      name: 'value',
      message: 'Framework',
      choices,
      initial: Math.max(0, choices.findIndex((choice) => !choice.disabled)),
      warn: 'Coming soon',
    } as import('prompts').PromptObject<'value'>);
    return frameworks.find((framework) => framework.id === id)!;
  },

  option: (option: FrameworkOption) =>
    option.kind === 'choice'
      ? ask<string>({
          type: 'select',
          name: 'value',
          message: option.message,
          choices: option.choices.map((choice) => ({ title: choice.label, description: choice.hint, value: choice.value })),
          initial: Math.max(0, option.choices.findIndex((choice) => choice.value === option.default)),
        })
      : ask<boolean>({ type: 'toggle', name: 'value', message: option.message, initial: option.default, active: 'yes', inactive: 'no' }),
};
