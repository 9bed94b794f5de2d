// The render rule, in one place:
// - only files ending in `.hbs` are rendered (suffix stripped); everything else is copied
//   byte for byte, because Jinja2, Django templates, Blade and our own Handlebars views
//   all use `{{ }}` themselves;
// - `_gitignore` becomes `.gitignore` (npm drops `.gitignore` from published packages);
// - a path segment containing `{{` is rendered too (e.g. `{{pythonPackage}}/`);
// - the file mode (executable bits) is kept;
// - a folder named `_overlays` at the root of a template tree is never part of the tree:
//   it holds optional parts that other actions add.
import type { TemplateData } from './framework.js';
import type { Render } from './handlebars.js';
import type { TemplateStore } from './templates.js';

export interface PlannedFile {
  /** Path inside the project, with `/` separators. */
  path: string;
  contents: Buffer | string;
  /** Permission bits, e.g. 0o644 or 0o755. */
  mode: number;
  /** Template it came from, relative to `templates/`, for error messages. */
  source: string;
}

/** Runs one template; the error names the template file (`source`, "tree/path"). */
function render(template: Render, data: TemplateData, source: string): string {
  try {
    return template(data);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
    throw new Error(`Cannot render template ${source}: ${reason}`, { cause: error });
  }
}

/**
 * Plans the files of the template tree `tree` (a folder below templates/), in memory.
 * Nothing is written: `writePlannedFiles` does that, so `--dry-run` and staging share this.
 */
export async function planTree(store: TemplateStore, tree: string, data: TemplateData): Promise<PlannedFile[]> {
  const top = tree.split('/')[0]!;
  const planned: PlannedFile[] = [];
  for (const file of await store.files(tree)) {
    const source = [tree, ...file.segments].join('/');
    const segments: string[] = [];
    for (const [i, segment] of file.segments.entries()) {
      let out = segment;
      if (i === file.segments.length - 1) {
        if (out.endsWith('.hbs')) out = out.slice(0, -'.hbs'.length);
        if (out === '_gitignore') out = '.gitignore';
      }
      if (out.includes('{{')) out = render(await store.segment(top, out), data, `${tree}/…/${segment}`);
      segments.push(out);
    }
    const contents = file.render ? render(file.render, data, source) : file.contents!;
    planned.push({ path: segments.join('/'), contents, mode: file.mode, source });
  }
  return planned;
}

/** Later files replace earlier ones with the same path (an overlay replaces a base file). */
export function mergePlans(plans: readonly PlannedFile[][]): PlannedFile[] {
  const byPath = new Map<string, PlannedFile>();
  for (const plan of plans) for (const file of plan) byPath.set(file.path, file);
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
