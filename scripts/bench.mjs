#!/usr/bin/env node
// npm run bench [-- --runs N] [-- --cold-runs N] [-- --ready] [-- --cli path/to/cli.js]
//
// Times create-backend against the scaffolders users compare it with, interleaved in one
// run (warm-up first, then A B C … A B C …, the output folder removed before each run):
// wall time (median and spread), ratio to create-vite and to `node -e 0`, peak memory.
// Also the time until the first question is on screen in a terminal; the cold start a
// user meets first, `npm exec` of the packed tarball from an empty npm cache, against
// create-vite's packed the same way; and with --ready the "time to ready" of each
// starter (generate + install + its own tests green).
// The targets of issues 8 and 16 are checked here, never in a timed test.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FRAMEWORKS } from '../dist/generators/index.js';
import { expandCommand, preferFaster } from '../dist/src/run-command.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
// --cli measures another build of the CLI (e.g. dist/src/cli.js, unbundled) against the same peers
const CLI = argv.includes('--cli') ? resolve(argv[argv.indexOf('--cli') + 1]) : join(ROOT, 'dist/create-backend.js');
const RUNS = Number(argv[argv.indexOf('--runs') + 1]) || 10;
const READY = argv.includes('--ready');
const COLD_RUNS = Number(argv[argv.indexOf('--cold-runs') + 1]) || 5;
const TARGETS = { generateVsVite: 1.5, firstQuestionVsNode: 1.3, peakMemoryMB: 80, coldExecVsVite: 1.25 };

const work = mkdtempSync(join(tmpdir(), 'create-backend-bench-'));
const out = join(work, 'out');
const timeFile = join(work, 'time.txt');
const hasGnuTime = existsSync('/usr/bin/time');

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/** One timed run: wall ms and peak resident memory (MB, from GNU time when present). */
function timeOnce(command) {
  rmSync(out, { recursive: true, force: true });
  command.before?.();
  const wrapped = hasGnuTime ? ['/usr/bin/time', '-f', '%M', '-o', timeFile, ...command.argv] : command.argv;
  const start = process.hrtime.bigint();
  const result = spawnSync(wrapped[0], wrapped.slice(1), {
    cwd: work,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, CI: 'true', NO_COLOR: '1' },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command.label} failed (${result.status}): ${result.stderr}`);
  const kb = hasGnuTime ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) : NaN;
  return { ms, mb: kb / 1024 };
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))];
  return { median: at(0.5), p25: at(0.25), p75: at(0.75), min: sorted[0], max: sorted.at(-1) };
}

// ---- the commands compared ----
const available = FRAMEWORKS;
const commands = [];
for (const framework of available) {
  commands.push({
    label: `create-backend ${framework.id}`,
    kind: 'generate',
    argv: ['node', CLI, out, '--framework', framework.id, '--yes', '--no-install', '--no-git'],
  });
}
commands.push({ label: 'node -e 0', kind: 'floor', argv: ['node', '-e', '0'] });
for (const framework of available) {
  const tree = join(work, `tree-${framework.id}`);
  execFileSync('node', [CLI, tree, '--framework', framework.id, '--yes', '--no-install', '--no-git'], {
    stdio: 'ignore',
    env: { ...process.env, CI: 'true' },
  });
  commands.push({ label: `cp -r (${framework.id} tree)`, kind: 'floor', argv: ['cp', '-r', tree, out] });
}
commands.push({
  label: 'create-vite vanilla-ts',
  kind: 'peer',
  argv: ['node', join(ROOT, 'node_modules/create-vite/index.js'), out, '--template', 'vanilla-ts', '--no-interactive'],
});
commands.push({
  label: 'express-generator',
  kind: 'peer',
  argv: ['node', join(ROOT, 'node_modules/express-generator/bin/express-cli.js'), out, '--no-view'],
});
const absent = [];
if (onPath('django-admin')) {
  commands.push({
    label: 'django-admin startproject',
    kind: 'peer',
    argv: ['django-admin', 'startproject', 'bench', out],
    before: () => mkdirSync(out),
  });
} else absent.push('django-admin (Django is not installed on this machine)');
if (onPath('rails')) {
  commands.push({
    label: 'rails new --api --skip-bundle',
    kind: 'peer',
    argv: ['rails', 'new', out, '--api', '--skip-bundle', '--skip-git', '--quiet'],
  });
} else absent.push('rails (Rails is not installed on this machine)');

// ---- interleaved runs ----
const samples = new Map(commands.map((command) => [command.label, []]));
process.stderr.write(`warm-up, then ${RUNS} interleaved runs of ${commands.length} commands\n`);
for (const command of commands) timeOnce(command);
for (let run = 0; run < RUNS; run++) {
  for (const command of commands) samples.get(command.label).push(timeOnce(command));
  process.stderr.write('.');
}
process.stderr.write('\n');

// ---- time to the first question (in a pseudo-terminal via script(1)) ----
function timeToOutput(shellCommand, marker) {
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', shellCommand, '/dev/null'], {
      cwd: work,
      stdio: ['pipe', 'pipe', 'ignore'],
      env: { ...process.env, CI: '', TERM: 'xterm' },
    });
    let seen = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no "${marker}" from ${shellCommand}`));
    }, 20_000);
    child.stdout.on('data', (chunk) => {
      seen += chunk.toString();
      if (seen.includes(marker)) {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolvePromise(ms);
      }
    });
  });
}
const firstQuestion = { cli: [], floor: [] };
const hasScript = onPath('script');
if (hasScript) {
  await timeToOutput(`node ${CLI}`, 'Project name');
  for (let run = 0; run < RUNS; run++) {
    firstQuestion.floor.push(await timeToOutput(`node -e "process.stdout.write('ready')"`, 'ready'));
    firstQuestion.cli.push(await timeToOutput(`node ${CLI}`, 'Project name'));
  }
}

// ---- cold start: npm exec of the packed tarball, empty npm cache, to --help ----
const tarballs = join(work, 'tarballs');
mkdirSync(tarballs);
const packInto = (dir) =>
  JSON.parse(
    execFileSync('npm', ['pack', dir, '--json', '--ignore-scripts', '--pack-destination', tarballs], {
      cwd: work,
      encoding: 'utf8',
    }),
  )[0];
const ours = packInto(ROOT);
const vite = packInto(join(ROOT, 'node_modules/create-vite'));
const coldCommands = [
  {
    label: `create-backend (${(ours.size / 1024).toFixed(0)} kB tarball)`,
    tarball: join(tarballs, ours.filename),
    bin: 'create-backend',
  },
  {
    label: `create-vite (${(vite.size / 1024).toFixed(0)} kB tarball)`,
    tarball: join(tarballs, vite.filename),
    bin: 'create-vite',
  },
];
const cold = new Map(coldCommands.map((command) => [command.label, []]));
for (let run = 0; run < COLD_RUNS; run++) {
  for (const command of coldCommands) {
    const cache = mkdtempSync(join(work, 'npm-cache-'));
    const start = process.hrtime.bigint();
    const result = spawnSync(
      'npm',
      [
        'exec',
        '--yes',
        '--cache',
        cache,
        '--no-update-notifier',
        '--no-audit',
        '--no-fund',
        '--package',
        command.tarball,
        '--',
        command.bin,
        '--help',
      ],
      { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: 'true', NO_COLOR: '1' } },
    );
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0)
      throw new Error(`cold npm exec of ${command.bin} failed (${result.status}): ${result.stderr}`);
    cold.get(command.label).push(ms);
    rmSync(cache, { recursive: true, force: true });
  }
}

// ---- time to ready (optional: minutes) ----
const ready = [];
if (READY) {
  for (const framework of available) {
    const installs = framework.smokeInstall ?? framework.commands.install;
    // with the standard installer, and again with the faster one where the user has it (uv)
    const variants = [{ name: '', install: installs }];
    if (installs.some((command) => command.faster && onPath(command.faster.argv[0]))) {
      variants.push({
        name: ` with ${installs.find((command) => command.faster).faster.argv[0]}`,
        install: installs.map((command) => preferFaster(command)),
      });
    }
    for (const variant of variants) {
      const dir = join(work, `ready-${framework.id}${variants.indexOf(variant)}`);
      const context = { packageManager: 'npm', python: 'python3', harness: join(ROOT, 'test/smoke') };
      const steps = [
        ['node', CLI, dir, '--framework', framework.id, '--yes', '--no-install', '--no-git'],
        ...variant.install.map((command) => expandCommand(command, context)),
        ...framework.commands.setup.map((command) => expandCommand(command, context)),
        ...framework.commands.test.map((command) => expandCommand(command, context)),
      ];
      const start = process.hrtime.bigint();
      for (const [i, step] of steps.entries()) {
        const result = spawnSync(step[0], step.slice(1), {
          cwd: i === 0 ? work : dir,
          stdio: 'ignore',
          env: { ...process.env, CI: 'true' },
        });
        if (result.status !== 0) throw new Error(`time to ready, ${framework.id}: ${step.join(' ')} failed`);
      }
      ready.push({
        label: `create-backend ${framework.id}${variant.name} → tests green`,
        seconds: Number(process.hrtime.bigint() - start) / 1e9,
      });
    }
  }
  // the official paths, where one exists, with the same warm caches
  const official = [
    {
      label: 'express-generator + npm install (it ships no tests)',
      steps: (dir) => [
        ['node', join(ROOT, 'node_modules/express-generator/bin/express-cli.js'), dir, '--no-view'],
        ['npm', 'install', '--no-audit', '--no-fund', '--prefix', dir],
      ],
    },
    {
      label: 'pip install django + django-admin startproject + test',
      steps: (dir) => [
        ['python3', '-m', 'venv', join(dir, '.venv')],
        [join(dir, '.venv/bin/pip'), 'install', '-q', 'django'],
        [join(dir, '.venv/bin/django-admin'), 'startproject', 'mysite', dir],
        [join(dir, '.venv/bin/python'), join(dir, 'manage.py'), 'test'],
      ],
    },
  ];
  // `rails new`'s Gemfile (bootsnap, listen, spring…) needs RubyGems, unreachable here:
  // the official Rails path is generation only (in the table above).
  for (const path of official) {
    const dir = join(work, `official-${official.indexOf(path)}`);
    mkdirSync(dir, { recursive: true });
    const start = process.hrtime.bigint();
    let failed = '';
    for (const step of path.steps(dir)) {
      const result = spawnSync(step[0], step.slice(1), {
        cwd: work,
        stdio: 'ignore',
        env: { ...process.env, CI: 'true' },
      });
      if (result.status !== 0) {
        failed = ` (failed at: ${step.slice(0, 3).join(' ')})`;
        break;
      }
    }
    ready.push({ label: `${path.label}${failed}`, seconds: Number(process.hrtime.bigint() - start) / 1e9 });
  }
}

// ---- report ----
const median = (label) => stats(samples.get(label).map((s) => s.ms)).median;
const viteMedian = median('create-vite vanilla-ts');
const nodeMedian = median('node -e 0');
const rows = commands.map((command) => {
  const s = stats(samples.get(command.label).map((sample) => sample.ms));
  const mb = Math.max(...samples.get(command.label).map((sample) => sample.mb));
  return `| ${command.label} | ${s.median.toFixed(0)} | ${s.p25.toFixed(0)}–${s.p75.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)}) | ${(s.median / viteMedian).toFixed(2)}× | ${(s.median / nodeMedian).toFixed(2)}× | ${Number.isNaN(mb) ? '?' : mb.toFixed(0)} |`;
});
const lines = [
  `# create-backend benchmark — ${new Date().toISOString()}`,
  '',
  `Node ${process.version}, ${RUNS} interleaved runs after a warm-up; ms of wall time. CLI: ${CLI.replace(`${ROOT}/`, '')}.`,
  '',
  '| command | median ms | spread: p25–p75 (min–max) | × create-vite | × node -e 0 | peak MB |',
  '| --- | ---: | --- | ---: | ---: | ---: |',
  ...rows,
  '',
  ...(absent.length ? [`Not on this machine, so not compared: ${absent.join('; ')}.`, ''] : []),
];
const verdicts = [];
for (const framework of available) {
  const ratio = median(`create-backend ${framework.id}`) / viteMedian;
  verdicts.push(
    `${ratio <= TARGETS.generateVsVite ? 'PASS' : 'FAIL'} generate ${framework.id}: ${ratio.toFixed(2)}× create-vite (target ≤ ${TARGETS.generateVsVite}×)`,
  );
  const mb = Math.max(...samples.get(`create-backend ${framework.id}`).map((sample) => sample.mb));
  if (!Number.isNaN(mb))
    verdicts.push(
      `${mb <= TARGETS.peakMemoryMB ? 'PASS' : 'FAIL'} peak memory ${framework.id}: ${mb.toFixed(0)} MB (target ≤ ${TARGETS.peakMemoryMB} MB)`,
    );
}
if (hasScript) {
  const cli = stats(firstQuestion.cli).median;
  const floor = stats(firstQuestion.floor).median;
  lines.push(
    `First question on screen (pseudo-terminal): median ${cli.toFixed(0)} ms; node printing one word: ${floor.toFixed(0)} ms; ratio ${(cli / floor).toFixed(2)}×.`,
    '',
  );
  verdicts.push(
    `${cli / floor <= TARGETS.firstQuestionVsNode ? 'PASS' : 'FAIL'} first question: ${(cli / floor).toFixed(2)}× node (target ≤ ${TARGETS.firstQuestionVsNode}×)`,
  );
} else lines.push('First question: script(1) is not on this machine, not measured.', '');
{
  const [ourCold, viteCold] = coldCommands.map((command) => stats(cold.get(command.label)));
  lines.push(
    `Cold start, \`npm exec\` of the packed tarball from an empty npm cache to \`--help\` (${COLD_RUNS} interleaved runs):`,
    '',
    '| package | median ms | spread: min–max | × create-vite |',
    '| --- | ---: | --- | ---: |',
    ...coldCommands.map((command, i) => {
      const s = [ourCold, viteCold][i];
      return `| ${command.label} | ${s.median.toFixed(0)} | ${s.min.toFixed(0)}–${s.max.toFixed(0)} | ${(s.median / viteCold.median).toFixed(2)}× |`;
    }),
    '',
  );
  const ratio = ourCold.median / viteCold.median;
  verdicts.push(
    `${ratio <= TARGETS.coldExecVsVite ? 'PASS' : 'FAIL'} cold npm exec: ${ratio.toFixed(2)}× create-vite (target ≤ ${TARGETS.coldExecVsVite}×)`,
  );
}
if (ready.length) {
  lines.push(
    '| time to ready (warm caches) | seconds |',
    '| --- | ---: |',
    ...ready.map((r) => `| ${r.label} | ${r.seconds.toFixed(1)} |`),
    '',
  );
}
lines.push('Targets:', ...verdicts.map((verdict) => `- ${verdict}`));

const report = lines.join('\n');
console.log(report);
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results', 'latest.md'), `${report}\n`);
console.log('\n(written to bench-results/latest.md)');
rmSync(work, { recursive: true, force: true });
