// The templates of `add resource`, `templates/<id>/_resource/`, from the build's artifact
// (dist/templates/<id>.js, like every template of the package), rendered with the same
// Handlebars rules as a project's (strict, no escaping); never part of a generated tree.
import { artifactStore } from '../templates.js';

const store = artifactStore();

/** `templates/<framework>/_resource/<source>` rendered with `data`. */
export async function renderResourceTemplate(framework: string, source: string, data: unknown): Promise<string> {
  const files = await store.files(`${framework}/_resource`);
  const file = files.find((candidate) => candidate.segments.join('/') === source);
  if (!file?.render) throw new Error(`no template ${framework}/_resource/${source} in this build (npm run build)`);
  return file.render(data);
}
