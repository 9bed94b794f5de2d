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
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // execa is only for install and git, loaded then; the Handlebars compiler and prompts
  // become chunks loaded only when a run needs them.
  external: ['execa'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
chmodSync('dist/create-backend.js', 0o755);
