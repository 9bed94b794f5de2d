// The plop side of create-backend, bundled on its own (dist/plop.js): node-plop and the
// generators of every starter. The CLI never imports it on its default path; a command
// that runs plop generators (`add`, issue 18) loads the bundle when it is named.
import nodePlop from 'node-plop';
import plopfile from '../generators/plopfile.js';

/** A plop instance with one generator per starter, writing below `destBasePath`. */
export async function loadGenerators(destBasePath: string) {
  const plop = await nodePlop('', { destBasePath, force: false });
  plopfile(plop);
  return plop;
}

/** `create-backend add` (issue 18): here, so the CLI's bundle carries none of its code. */
export { runAdd } from './add/command.js';
