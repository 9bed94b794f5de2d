// The render rule, in one place:
// - only files ending in `.hbs` are rendered (suffix stripped); everything else is copied
//   byte for byte, because Jinja2, Django templates, Blade and our own Handlebars views
//   all use `{{ }}` themselves;
// - `_gitignore` becomes `.gitignore` (npm drops `.gitignore` from published packages);
// - a path segment containing `{{` is rendered too (e.g. `{{pythonPackage}}/`);
// - the file mode (executable bits) is kept;
// - a folder named `_overlays` at the root of a template tree is never part of the tree:
//   it holds optional parts that other actions add; nor is `_resource`, the templates of
//   `create-backend add resource` (src/add/).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { TemplateData } from './framework.js';
import { loadTemplate } from './handlebars.js';
import { packedTree, type TemplateSource } from './template-pack.js';

export interface PlannedFile {
  /** Path inside the project, with `/` separators. */
  path: string;
  contents: Buffer | string;
  /** Permission bits, e.g. 0o644 or 0o755. */
  mode: number;
  /** Template it came from, relative to `templates/`, for error messages. */
  source: string;
}

const OVERLAYS_DIR = '_overlays';
const RESOURCE_DIR = '_resource';

/** Output name of one path segment of a template file. */
export async function outputSegment(segment: string, data: TemplateData, isFile: boolean, tree: string): Promise<string> {
  let out = segment;
  if (isFile && out.endsWith('.hbs')) out = out.slice(0, -'.hbs'.length);
  if (isFile && out === '_gitignore') out = '.gitignore';
  if (out.includes('{{')) out = await renderTemplate(out, data, `${tree}/…/${segment}`);
  return out;
}

// Synchronous file system calls on purpose: a scaffolder reads and writes many small files,
// and each async call is a round trip through libuv's thread pool. Measured with
// `npm run bench`, the sync calls made generation much faster (docs/BENCHMARKS.md).
// Used when no current pack of the tree exists (src/template-pack.ts).
function readTreeFromDisk(root: string): TemplateSource[] {
  const sources: TemplateSource[] = [];
  function walk(dir: string, isRoot: boolean): void {
    const entries = readdirSync(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (isRoot && (entry.name === OVERLAYS_DIR || entry.name === RESOURCE_DIR) && entry.isDirectory()) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full, false);
      else if (entry.isFile()) {
        const contents = readFileSync(full);
        sources.push({ segments: relative(root, full).split(sep), contents, mode: statSync(full).mode & 0o777 });
      }
    }
  }
  walk(root, true);
  return sources;
}

/** Renders one `.hbs` template; the error names the template file (`source`, "tree/path"). */
export async function renderTemplate(text: string, data: TemplateData, source: string): Promise<string> {
  try {
    const template = await loadTemplate(text, source.split('/')[0]!);
    return template(data);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
    throw new Error(`Cannot render template ${source}: ${reason}`);
  }
}

/**
 * Plans the files of the template tree at `templatesRoot/tree`, in memory. Nothing is
 * written: `writePlannedFiles` does that, so `--dry-run` and staging share this code.
 */
export async function planTree(templatesRoot: string, tree: string, data: TemplateData): Promise<PlannedFile[]> {
  const sources = packedTree(templatesRoot, tree, [OVERLAYS_DIR, RESOURCE_DIR]) ?? readTreeFromDisk(join(templatesRoot, tree));
  const top = tree.split('/')[0]!;
  const planned: PlannedFile[] = [];
  for (const { segments: rel, contents: raw, mode } of sources) {
    const source = [tree, ...rel].join('/');
    const segments: string[] = [];
    for (const [i, segment] of rel.entries()) segments.push(await outputSegment(segment, data, i === rel.length - 1, top));
    const contents = source.endsWith('.hbs') ? await renderTemplate(raw.toString('utf8'), data, source) : raw;
    planned.push({ path: segments.join('/'), contents, mode, source });
  }
  return planned;
}

/** Later files replace earlier ones with the same path (an overlay replaces a base file). */
export function mergePlans(plans: readonly PlannedFile[][]): PlannedFile[] {
  const byPath = new Map<string, PlannedFile>();
  for (const plan of plans) for (const file of plan) byPath.set(file.path, file);
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
