#!/usr/bin/env node
// npm run check:release — what `npm publish` would ship, checked on the real tarball
// (run after `npm run build`; .ci/run runs it):
// - one tarball under 1 MB: the bin (and execa beside it), the plop bundle `add` loads, the template artifact, package.json, README;
// - package.json without dependencies of any kind (every library is in the bundle);
// - the templates once: every file of templates/ in the artifact, no other copy;
// - the bin bundle carries neither node-plop nor the Handlebars compiler;
// - unpacked alone (no node_modules anywhere above it), the bin runs and generates every starter.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAX_TARBALL_BYTES = 1024 * 1024;
// node-plop and the resource generators; with inquirer it was 1.1 MB (src/add/no-prompts.ts)
const MAX_PLOP_BUNDLE_BYTES = 400 * 1024;
const work = mkdtempSync(join(tmpdir(), 'create-backend-release-'));
const problems = [];
const check = (ok, problem) => {
  if (!ok) problems.push(problem);
};

try {
  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
      cwd: ROOT,
      encoding: 'utf8',
    }),
  );
  const tarball = join(work, pack.filename);
  const shipped = pack.files.map((file) => file.path).sort();
  console.log(
    `${pack.filename}: ${(pack.size / 1024).toFixed(0)} kB packed, ${(pack.unpackedSize / 1024).toFixed(0)} kB unpacked, ${shipped.length} files`,
  );
  check(pack.size < MAX_TARBALL_BYTES, `the tarball is ${pack.size} bytes (limit ${MAX_TARBALL_BYTES})`);
  const unexpected = shipped.filter(
    (path) =>
      !/^(package\.json|README\.md|LICENSE|dist\/create-backend\.js|dist\/execa\.js|dist\/plop\.js|dist\/templates\/[a-z0-9-]+\.js)$/.test(
        path,
      ),
  );
  check(unexpected.length === 0, `unexpected files in the tarball: ${unexpected.join(', ')}`);

  execFileSync('tar', ['xzf', tarball, '-C', work]);
  const unpacked = join(work, 'package');
  const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
  for (const field of [
    'dependencies',
    'optionalDependencies',
    'peerDependencies',
    'bundleDependencies',
    'bundledDependencies',
  ]) {
    check(
      !manifest[field] || Object.keys(manifest[field]).length === 0,
      `package.json lists ${field}: ${JSON.stringify(manifest[field])}`,
    );
  }
  const bin = join(unpacked, manifest.bin['create-backend']);
  check((statSync(bin).mode & 0o111) !== 0, `${manifest.bin['create-backend']} is not executable`);

  // the templates once: the artifact holds exactly the files of templates/
  const tracked = execFileSync('git', ['ls-files', 'templates'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  const inArtifact = new Set();
  for (const file of readdirSync(join(unpacked, 'dist/templates'))) {
    const { files } = await import(pathToFileURL(join(unpacked, 'dist/templates', file)).href);
    for (const entry of files) inArtifact.add(`templates/${entry.path}`);
  }
  const missing = tracked.filter((path) => !inArtifact.has(path));
  check(
    missing.length === 0,
    `template files missing from the artifact (run npm run build): ${missing.slice(0, 5).join(', ')}`,
  );
  check(!shipped.some((path) => path.startsWith('templates/')), 'templates/ ships besides the artifact');

  const plopBundle = statSync(join(dirname(bin), 'plop.js')).size;
  check(plopBundle < MAX_PLOP_BUNDLE_BYTES, `dist/plop.js is ${plopBundle} bytes (limit ${MAX_PLOP_BUNDLE_BYTES})`);
  const bundle = readFileSync(bin, 'utf8');
  check(!bundle.includes('node_modules/node-plop/'), 'the bin bundle carries node-plop');
  check(!bundle.includes('handlebars/compiler/'), 'the bin bundle carries the Handlebars compiler');

  // alone: nothing to resolve from the checkout's node_modules
  const run = (args, cwd = work) =>
    execFileSync(process.execPath, [bin, ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', NODE_PATH: '' },
    });
  check(run(['--version']).trim() === manifest.version, 'the unpacked bin does not print its version');
  const frameworks = JSON.parse(run(['--list', '--json'])).map((framework) => framework.id);
  for (const id of frameworks) {
    run([join(work, `generated-${id}`), '--framework', id, '--yes', '--no-install', '--no-git']);
    check(readdirSync(join(work, `generated-${id}`)).length > 0, `the unpacked bin generated nothing for ${id}`);
  }
  // git init runs through execa, the bundle beside the bin
  run([join(work, 'generated-with-git'), '--framework', frameworks[0], '--yes', '--no-install']);
  check(
    existsSync(join(work, 'generated-with-git', '.git')),
    'the unpacked bin made no git repository (dist/execa.js)',
  );
  console.log(`the unpacked bin ran alone and generated: ${frameworks.join(', ')} (and one with git init)`);
  // `add` loads the plop bundle beside the bin (node-plop without its prompt library)
  for (const id of frameworks) {
    const out = run(['add', 'resource', 'book', '--fields', 'title:string'], join(work, `generated-${id}`));
    check(out.includes('Added the book resource'), `add resource in the unpacked ${id} project: ${out}`);
  }
  console.log(`the unpacked bin added a resource with dist/plop.js to: ${frameworks.join(', ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`FAIL ${problem}`);
  process.exit(1);
}
console.log('release check passed');
