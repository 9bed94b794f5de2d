// Template trees read from a folder and compiled on the spot with the full Handlebars: for
// the build (which precompiles what this reads) and for tests with trees of their own.
// The shipped CLI never imports this module, so it carries no compiler.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { COMPILE_OPTIONS, registerHelpers, type Render } from './handlebars.js';
import { inTree, type TemplateStore } from './templates.js';

/** Every file below `root/top`, in path order: its path from `root`, mode and bytes. */
export function readTemplateFiles(root: string, top: string): { path: string; mode: number; contents: Buffer }[] {
  const files = [];
  for (const path of (readdirSync(join(root, top), { recursive: true }) as string[]).sort()) {
    const full = join(root, top, path);
    const info = statSync(full);
    if (info.isFile())
      files.push({
        path: `${top}/${path.split('\\').join('/')}`,
        mode: info.mode & 0o777,
        contents: readFileSync(full),
      });
  }
  return files;
}

export function diskStore(root: string): TemplateStore {
  const handlebars = Handlebars.create();
  registerHelpers(handlebars);
  const compile = (text: string): Render => handlebars.compile(text, COMPILE_OPTIONS) as Render;
  return {
    async files(tree) {
      return readTemplateFiles(root, tree.split('/')[0]!)
        .filter((file) => inTree(file.path, tree))
        .map(({ path, mode, contents }) => ({
          segments: path.slice(tree.length + 1).split('/'),
          mode,
          ...(path.endsWith('.hbs') ? { render: compile(contents.toString('utf8')) } : { contents }),
        }));
    },
    async segment(_top, text) {
      return compile(text);
    },
  };
}
