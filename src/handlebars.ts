// One isolated Handlebars instance for our templates, and the helpers that put a value
// into each kind of file safely. `noEscape`: HTML escaping would corrupt code, so every
// free-text value goes through the helper for the file type it lands in.
import Handlebars from 'handlebars';

const instance = Handlebars.create();

/** A JSON string literal: also a valid Python, JavaScript and YAML double-quoted string. */
export function jsonString(value: unknown): string {
  // U+2028/2029 are legal in JSON but end a line in older JavaScript and YAML.
  return JSON.stringify(String(value)).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A single-quoted Ruby string: only `\` and `'` are special, so `#{}` stays text. */
export function rubyString(value: unknown): string {
  return `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A single-quoted PHP string: only `\` and `'` are special, so `$x` stays text. */
export function phpString(value: unknown): string {
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

const helpers: Record<string, Handlebars.HelperDelegate> = {
  json: jsonString,
  py: jsonString,
  js: jsonString,
  yaml: jsonString,
  ruby: rubyString,
  php: phpString,
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
for (const [name, helper] of Object.entries(helpers)) instance.registerHelper(name, helper);

const compileOptions: CompileOptions = { noEscape: true, strict: true };
const cache = new Map<string, Handlebars.TemplateDelegate>();

export const handlebars = {
  /** Compiles (cached by source text) with our fixed options. */
  compile(text: string): Handlebars.TemplateDelegate {
    let template = cache.get(text);
    if (!template) {
      template = instance.compile(text, compileOptions);
      cache.set(text, template);
    }
    return template;
  },
  instance,
};
