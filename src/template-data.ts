import type { FrameworkDefinition, OptionValues, TemplateData } from './framework.js';
import { toModuleName, toPackageName, toPythonPackage, toTitle } from './names.js';
import { generateSecrets } from './secrets.js';
import { VERSION } from './version.js';

/** Every value the templates of one project see. Secrets are fresh on each call. */
export function buildTemplateData(
  name: string,
  framework: FrameworkDefinition,
  options: OptionValues,
  description: string = defaultDescription(framework),
): TemplateData {
  return Object.freeze({
    name,
    packageName: toPackageName(name),
    pythonPackage: toPythonPackage(name),
    moduleName: toModuleName(name),
    title: toTitle(name),
    description,
    framework: framework.id,
    options: Object.freeze({ ...defaultOptions(framework), ...options }),
    secrets: Object.freeze(generateSecrets(framework.secrets)),
    year: new Date().getFullYear(),
    generatorVersion: VERSION,
  });
}

export function defaultDescription(framework: FrameworkDefinition): string {
  const article = /^[aeiou]/i.test(framework.label) ? 'An' : 'A';
  return `${article} ${framework.label} backend.`;
}

export function defaultOptions(framework: FrameworkDefinition): Record<string, string | boolean> {
  return Object.fromEntries(framework.options.map((option) => [option.name, option.default]));
}
