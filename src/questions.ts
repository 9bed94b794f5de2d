// Interactive questions (TTY only). Ctrl-C at a question rejects with CancelledError;
// `prompts` would otherwise resolve with partial answers.
import { CancelledError } from './errors.js';
import type { FrameworkOption } from './framework.js';
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

export const terminalAsker: Asker = {
  projectName: (initial, problem, reason) => {
    if (reason) process.stdout.write(`${reason}\n`);
    return ask<string>({
      type: 'text',
      name: 'value',
      message: 'Project name (or folder, e.g. apps/api)',
      initial,
      validate: (value: string) => problem(value.trim()) ?? true,
      format: (value: string) => value.trim(),
    });
  },

  framework: async (frameworks) => {
    const id = await ask<string>({
      type: 'select',
      name: 'value',
      message: 'Framework',
      choices: frameworks.map((framework) => ({
        title: framework.label,
        description: framework.summary,
        value: framework.id,
      })),
    });
    return frameworks.find((framework) => framework.id === id)!;
  },

  option: (option: FrameworkOption) =>
    option.kind === 'choice'
      ? ask<string>({
          type: 'select',
          name: 'value',
          message: option.message,
          choices: option.choices.map((choice) => ({
            title: choice.label,
            description: choice.hint,
            value: choice.value,
          })),
          initial: Math.max(
            0,
            option.choices.findIndex((choice) => choice.value === option.default),
          ),
        })
      : ask<boolean>({
          type: 'toggle',
          name: 'value',
          message: option.message,
          initial: option.default,
          active: 'yes',
          inactive: 'no',
        }),
};
