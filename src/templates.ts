// Where template trees come from. The CLI reads the build's artifact: one module per
// folder of templates/ (dist/templates/<top>.js, written by scripts/build-templates.mjs)
// holding every file once — copied files as text (or base64), `.hbs` files and `{{ }}`
// path segments precompiled. The artifact is the only copy of the templates a package
// ships, so there is nothing to compare it with and nothing to go stale.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fromPrecompiled, type Render, type TemplateSpec } from './handlebars.js';
import { PACKAGE_ROOT } from './paths.js';

/** One file of a template tree: its path below the tree, mode, and bytes or render function. */
export interface TemplateFile {
  segments: string[];
  mode: number;
  /** Copied byte for byte (files not ending in `.hbs`). */
  contents?: Buffer;
  /** Rendered (`.hbs` files). */
  render?: Render;
}

export interface TemplateStore {
  /** The files of `templates/<tree>`, without the tree's own `_overlays/` folder, in path order. */
  files(tree: string): Promise<TemplateFile[]>;
  /** The render function of a path segment holding `{{`, in the templates of `top`. */
  segment(top: string, text: string): Promise<Render>;
}

const OVERLAYS_DIR = '_overlays';
/** The templates of `create-backend add resource` (src/add/), read by plop from templates/, never part of a tree. */
export const RESOURCE_DIR = '_resource';

/** A file of the artifact: path (from templates/), mode, and text, base64 or a template. */
interface ArtifactFile {
  path: string;
  mode: number;
  text?: string;
  base64?: string;
  template?: TemplateSpec;
}

interface Artifact {
  files: ArtifactFile[];
  segments: Record<string, TemplateSpec>;
}

/** Whether `path` lies in `tree` and outside its root `_overlays/` and `_resource/` folders. */
export function inTree(path: string, tree: string): boolean {
  return (
    path.startsWith(`${tree}/`) &&
    !path.startsWith(`${tree}/${OVERLAYS_DIR}/`) &&
    !path.startsWith(`${tree}/${RESOURCE_DIR}/`)
  );
}

export function artifactStore(dir: string = join(PACKAGE_ROOT, 'dist', 'templates')): TemplateStore {
  const artifacts = new Map<string, Promise<Artifact>>();
  const load = (top: string): Promise<Artifact> => {
    let artifact = artifacts.get(top);
    if (!artifact) {
      artifact = (import(pathToFileURL(join(dir, `${top}.js`)).href) as Promise<Artifact>).catch(() => {
        throw new Error(
          `The templates of "${top}" are missing from this build of create-backend (npm run build writes ${dir}).`,
        );
      });
      artifacts.set(top, artifact);
    }
    return artifact;
  };
  return {
    async files(tree) {
      const { files } = await load(tree.split('/')[0]!);
      return files
        .filter((file) => inTree(file.path, tree))
        .map((file) => ({
          segments: file.path.slice(tree.length + 1).split('/'),
          mode: file.mode,
          ...(file.template
            ? { render: fromPrecompiled(file.template) }
            : {
                contents:
                  file.base64 === undefined ? Buffer.from(file.text ?? '', 'utf8') : Buffer.from(file.base64, 'base64'),
              }),
        }));
    },
    async segment(top, text) {
      const spec = (await load(top)).segments[text];
      if (!spec) throw new Error(`no precompiled path segment ${JSON.stringify(text)}`);
      return fromPrecompiled(spec);
    },
  };
}
