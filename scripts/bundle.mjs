// Build step: the package's code as bundles, every library inside them, so installing
// create-backend downloads nothing else:
// - dist/create-backend.js, the bin: one file (each extra module file costs an open at
//   startup); code a run may not need (questions, rendering, installers) is only
//   evaluated when imported;
// - dist/execa.js: execa, which alone is larger than the rest of the bin, parsed only when
//   an installer or git runs — after the project is written, never before the first question;
// - dist/plop.js: node-plop and the generators (src/plop.ts), loaded only by the commands
//   that run plop generators, never by the CLI's default path; without node-plop's prompt
//   library, which those commands never call (src/add/no-prompts.ts).
// Every other file of src/ and generators/ is also transpiled one to one into dist/ for
// the scripts and the plain-plop run (`npm run plop`); those are not shipped.
import { chmodSync, readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS libraries inside an ES module bundle still call require()
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
};
rmSync('dist', { recursive: true, force: true });
const sources = ['src', 'generators'].flatMap((dir) =>
  readdirSync(dir, { recursive: true })
    .filter((path) => path.endsWith('.ts'))
    .map((path) => `${dir}/${path}`),
);
/** `import('execa')` in the bin loads the sibling bundle dist/execa.js. */
const execaBeside = {
  name: 'execa-beside',
  setup(build) {
    build.onResolve({ filter: /^execa$/ }, () => ({ path: './execa.js', external: true }));
  },
};
/** node-plop's prompt library is never called by `add` (src/add/no-prompts.ts says why). */
const noPrompts = {
  name: 'no-prompts',
  setup(build) {
    build.onResolve({ filter: /^inquirer$/ }, () => ({
      path: new URL('../src/add/no-prompts.ts', import.meta.url).pathname,
    }));
  },
};
await Promise.all([
  build({ ...common, entryPoints: { 'create-backend': 'src/cli.ts' }, outdir: 'dist', plugins: [execaBeside] }),
  build({ ...common, entryPoints: { execa: 'node_modules/execa/index.js' }, outdir: 'dist', minify: true }),
  build({ ...common, entryPoints: { plop: 'src/plop.ts' }, outdir: 'dist', minify: true, plugins: [noPrompts] }),
  build({
    entryPoints: sources,
    outdir: 'dist',
    outbase: '.',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  }),
]);
chmodSync('dist/create-backend.js', 0o755);
