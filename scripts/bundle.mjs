// Build step: bundle the CLI into dist/create-backend.js (the package's bin) so it starts
// with a handful of files instead of hundreds of modules. Code that only some runs need
// (questions, installers) stays in chunks loaded on demand.
import { chmodSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/chunks', { recursive: true, force: true });

await build({
  entryPoints: { 'create-backend': 'src/cli.ts' },
  outdir: 'dist',
  entryNames: '[name]',
  bundle: true,
  // one file: each extra module file costs an open and an instantiation at startup; code
  // a run may not need (questions, rendering) is still only evaluated when imported
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // execa is only for install and git, loaded from node_modules then
  external: ['execa'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
chmodSync('dist/create-backend.js', 0o755);

// dist/plop.js: node-plop and the generators (src/plop.ts), loaded only by `add`, which
// imports it by path; never by the CLI's default path.
await build({
  entryPoints: { plop: 'src/plop.ts' },
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
