// Our own Handlebars environment, and the helpers that put a value into each kind of file
// safely. `noEscape`: HTML escaping would corrupt code, so every free-text value goes
// through the helper for the file type it lands in. `strict`: a missing field is an error.
//
// The build precompiles every template (scripts/build-templates.mjs), so the CLI carries
// only the Handlebars runtime; the compiler is used by the build and by tests
// (src/template-disk.ts), never by the shipped CLI.
import RuntimeModule from 'handlebars/runtime.js';

type HandlebarsApi = typeof import('handlebars');

/** A JSON string literal: also a valid Python, JavaScript and YAML double-quoted string. */
export function jsonString(value: unknown): string {
  // U+2028/2029 are legal in JSON but end a line in older JavaScript and YAML.
  return JSON.stringify(String(value))
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A single-quoted Ruby or PHP string: in both only `\` and `'` are special, so `#{}` and
 * `$x` stay text.
 */
export function singleQuotedString(value: unknown): string {
  return `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Text inside HTML (element content or a quoted attribute). */
export function htmlText(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** One line of Markdown text: markup characters escaped, line breaks folded. */
export function markdownText(value: unknown): string {
  return String(value)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;');
}

/** A comment line's text in any language: no line breaks, nothing that closes a comment. */
export function commentText(value: unknown): string {
  return String(value)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/\*\//g, '* /')
    .replace(/-->/g, '-- >');
}

/** A .env value, double-quoted; `$` escaped so no parser expands it. */
export function envValue(value: unknown): string {
  return `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$').replace(/\n/g, '\\n')}"`;
}

const helpers: Record<string, (...args: never[]) => unknown> = {
  json: jsonString,
  py: jsonString,
  js: jsonString,
  yaml: jsonString,
  ruby: singleQuotedString,
  php: singleQuotedString,
  html: htmlText,
  md: markdownText,
  comment: commentText,
  env: envValue,
  eq: (a: unknown, b: unknown) => a === b,
  ne: (a: unknown, b: unknown) => a !== b,
  not: (a: unknown) => !a,
  and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
};

/** Registers our helpers on a Handlebars instance (the runtime here, the compiler in tests). */
export function registerHelpers(instance: Pick<HandlebarsApi, 'registerHelper'>): void {
  for (const [name, helper] of Object.entries(helpers))
    instance.registerHelper(name, helper as Handlebars.HelperDelegate);
}

export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

export type TemplateSpec = Parameters<HandlebarsApi['template']>[0];
export type Render = (data: unknown) => string;

// The runtime has the same API as the full package, minus the compiler.
const runtime = (RuntimeModule as unknown as HandlebarsApi).create();
registerHelpers(runtime);

/** The render function of a template the build precompiled. */
export function fromPrecompiled(spec: TemplateSpec): Render {
  return runtime.template(spec) as Render;
}
