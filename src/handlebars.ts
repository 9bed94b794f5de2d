// Our own Handlebars environment, and the helpers that put a value into each kind of file
// safely. `noEscape`: HTML escaping would corrupt code, so every free-text value goes
// through the helper for the file type it lands in. `strict`: a missing field is an error.
//
// Speed: `npm run build` precompiles every template (scripts/build-templates.mjs),
// so the CLI loads only the Handlebars runtime; the compiler is loaded on demand for a
// template the build has not seen (a fixture in a test, a template edited since).
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from './paths.js';
import RuntimeModule from 'handlebars/runtime.js';

type HandlebarsApi = typeof import('handlebars');
type TemplateDelegate = (context: unknown) => string;
type TemplateSpec = Parameters<HandlebarsApi['template']>[0];

// The runtime has the same API as the full package, minus the compiler.
const runtime = (RuntimeModule as unknown as HandlebarsApi).create();

/** A JSON string literal: also a valid Python, JavaScript and YAML double-quoted string. */
export function jsonString(value: unknown): string {
  // U+2028/2029 are legal in JSON but end a line in older JavaScript and YAML.
  return JSON.stringify(String(value)).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
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
  return String(value).replace(/\s*[\r\n]+\s*/g, ' ').replace(/\*\//g, '* /').replace(/-->/g, '-- >');
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
for (const [name, helper] of Object.entries(helpers)) runtime.registerHelper(name, helper as Handlebars.HelperDelegate);

export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/** Key of a template's precompiled form: its text, so an edited template is never stale. */
export function templateKey(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

const cache = new Map<string, TemplateDelegate>();
const precompiledByTree = new Map<string, Promise<Record<string, TemplateSpec>>>();

async function precompiledTemplates(tree: string): Promise<Record<string, TemplateSpec>> {
  let loading = precompiledByTree.get(tree);
  if (!loading) {
    loading = import(pathToFileURL(join(PACKAGE_ROOT, 'dist', 'precompiled', `${tree}.js`)).href).then(
      (module: { templates: Record<string, TemplateSpec> }) => module.templates,
      () => ({}),
    );
    precompiledByTree.set(tree, loading);
  }
  return loading;
}

let compiler: Promise<typeof import('handlebars')> | undefined;

/**
 * The render function of one template text. `tree` (the first folder under templates/)
 * says which precompiled set to look in.
 */
export async function loadTemplate(text: string, tree: string): Promise<TemplateDelegate> {
  const key = templateKey(text);
  let template = cache.get(key);
  if (template) return template;
  const spec = (await precompiledTemplates(tree))[key];
  if (spec) {
    template = runtime.template(spec) as TemplateDelegate;
  } else {
    // a variable specifier: the bundle leaves the compiler out and loads it from
    // node_modules only in this rare case
    const compilerPackage = 'handlebars';
    compiler ??= (import(compilerPackage) as Promise<typeof import('handlebars') & { default: typeof import('handlebars') }>).then((module) => module.default);
    const { precompile } = await compiler;
    // same output as the build's precompile, evaluated here: one runtime, one set of helpers
    template = runtime.template(new Function(`return ${String(precompile(text, COMPILE_OPTIONS))}`)() as TemplateSpec) as TemplateDelegate;
  }
  cache.set(key, template);
  return template;
}
