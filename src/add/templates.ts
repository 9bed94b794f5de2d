// The templates of `add resource`, `templates/<id>/_resource/`, from the build's artifact
// (dist/templates/<id>.js, like every template of the package), rendered with the same
// Handlebars rules as a project's (strict, no escaping); never part of a generated tree.
import { artifactStore } from '../templates.js';
import type { ResourceAction } from './types.js';

const store = artifactStore();

/** `templates/<framework>/_resource/<source>` rendered with `data`. */
export async function renderResourceTemplate(framework: string, source: string, data: unknown): Promise<string> {
  const files = await store.files(`${framework}/_resource`);
  const file = files.find((candidate) => candidate.segments.join('/') === source);
  if (!file?.render) throw new Error(`no template ${framework}/_resource/${source} in this build (npm run build)`);
  return file.render(data);
}

/**
 * The plop actions a resource generator is made of, its templates rendered with `data`:
 * `add` a file, `modify`/`append` at a pattern (plop's own), and a rendered template put
 * `before` an anchor or `instead` of it. Every action aborts the run when it fails
 * (src/add/plop-generators.ts then puts everything back).
 */
export function resourceActions(framework: string, data: unknown) {
  const render = (source: string) => renderResourceTemplate(framework, source, data);
  // `around` shapes the rendered text (blank lines about it) before it is placed
  const atAnchor =
    (place: (rendered: string, matched: string) => string) =>
    (path: string, anchor: RegExp, source: string, around = (text: string) => text): ResourceAction => {
      const rendered = async () => around(await render(source));
      return {
        type: 'modify',
        path,
        anchor,
        source,
        render: rendered,
        transform: async (text) => {
          const insert = await rendered();
          return text.replace(anchor, (matched) => place(insert, matched));
        },
        abortOnFail: true,
      };
    };
  return {
    render,
    add: (path: string, source: string): ResourceAction => ({
      type: 'add',
      path,
      source,
      transform: () => render(source),
      abortOnFail: true,
    }),
    modify: (path: string, pattern: RegExp, template: string): ResourceAction => ({
      type: 'modify',
      path,
      pattern,
      template,
      abortOnFail: true,
    }),
    append: (path: string, pattern: RegExp, template: string): ResourceAction => ({
      type: 'append',
      path,
      pattern,
      template,
      unique: false,
      abortOnFail: true,
    }),
    /** The rendered `source` inserted where `anchor` matches, before the anchor's own text. */
    before: atAnchor((rendered, matched) => rendered + matched),
    /** The rendered `source` in place of the anchor's text (a template that restates it). */
    instead: atAnchor((rendered) => rendered),
  };
}
