// The smoke harness: for one framework and one option combination, do what a user does —
// generate with the built CLI, install, set up, run the project's own tests, start the
// server on a free port, run the framework's HTTP checks, stop it. Every command comes
// from the framework's definition (src/framework.ts); nothing here names a framework.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import type { Command, FrameworkDefinition, OptionValues } from '../../src/framework.js';
import { expandCommand, formatCommand, type CommandContext } from '../../src/run-command.js';
import { HttpClient } from './http.js';
import { optionFlags } from './scenarios.js';
import { provideServices, servicesFor } from './services.js';
import type { SmokeChecks, SmokeContext } from './types.js';

export const HARNESS_DIR = dirname(fileURLToPath(import.meta.url));
export const PACKAGE_ROOT = resolve(HARNESS_DIR, '../..');
export const CLI = join(PACKAGE_ROOT, 'dist/create-backend.js');

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface SmokeRun {
  projectDir: string;
  log(line: string): void;
}

async function runStep(step: string, argv: string[], cwd: string, env: NodeJS.ProcessEnv, log: (line: string) => void) {
  log(`$ ${formatCommand(argv)}`);
  const result = await execa(argv[0]!, argv.slice(1), { cwd, env, reject: false, all: true, timeout: 15 * 60_000 });
  if (result.exitCode !== 0 || result.failed) {
    const tail = (result.all ?? '').split('\n').slice(-60).join('\n');
    throw new Error(`${step} failed: ${formatCommand(argv)} exited ${result.exitCode ?? result.signal}\n${tail}`);
  }
  return { stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

function commandEnv(command: Command, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...base, ...command.env };
}

async function waitForServer(url: string, server: ChildProcess, output: () => string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`the server exited (${server.exitCode ?? server.signalCode}) before answering ${url}\n${output()}`);
    }
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
      if (response.status < 400) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the server did not answer ${url} within ${timeoutMs / 1000}s (${lastError})\n${output()}`);
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null || server.pid === undefined) return;
  const exited = new Promise<void>((r) => server.once('exit', () => r()));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-server.pid!, signal);
    } catch {
      // already gone
    }
  };
  killGroup('SIGTERM');
  const timer = setTimeout(() => killGroup('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Generates, installs, tests, boots and checks one project. Returns the project dir
 * (removed afterwards unless `keep`); throws with the failing step and its output.
 */
export async function smokeTest(
  framework: FrameworkDefinition,
  checks: SmokeChecks,
  options: OptionValues,
  settings: { keep?: boolean; log?: (line: string) => void } = {},
): Promise<void> {
  const log = settings.log ?? ((line: string) => process.stderr.write(`[smoke ${framework.id}] ${line}\n`));
  const workDir = await mkdtemp(join(tmpdir(), `create-backend-smoke-${framework.id}-`));
  const projectDir = join(workDir, `smoke-${framework.id}`);
  const services = await provideServices(servicesFor(framework, options));
  if (Object.keys(services.env).length) log(`services: ${Object.entries(services.env).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  const env: NodeJS.ProcessEnv = { ...process.env, ...checks.env, ...services.env };
  const context: CommandContext = { packageManager: 'npm', harness: HARNESS_DIR, python: 'python3' };
  let server: ChildProcess | undefined;
  let succeeded = false;
  try {
    await runStep('generate', ['node', CLI, projectDir, '--framework', framework.id, '--yes', '--no-install', '--no-git', ...optionFlags(options)], workDir, env, log);

    for (const command of framework.smokeInstall ?? framework.commands.install) {
      await runStep('install', expandCommand(command, context), projectDir, commandEnv(command, env), log);
    }
    for (const command of framework.commands.setup) {
      await runStep('setup', expandCommand(command, context), projectDir, commandEnv(command, env), log);
    }
    for (const command of framework.commands.test) {
      await runStep("the project's own tests", expandCommand(command, context), projectDir, commandEnv(command, env), log);
    }

    const port = await freePort();
    const start = framework.commands.start;
    const argv = expandCommand(start, { ...context, port });
    log(`$ ${formatCommand(argv)}  (PORT=${port})`);
    let output = '';
    server = spawn(argv[0]!, argv.slice(1), {
      cwd: projectDir,
      env: { ...commandEnv(start, env), PORT: String(port) },
      detached: true, // own process group: stopping it stops npm's or artisan's children too
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    server.stdout!.on('data', collect);
    server.stderr!.on('data', collect);
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForServer(`${baseUrl}${framework.commands.readyPath}`, server, () => output);
    log(`server answers on ${baseUrl}${framework.commands.readyPath}`);

    const smokeContext: SmokeContext = {
      baseUrl,
      client: () => new HttpClient(baseUrl),
      projectDir,
      options,
      env,
      run: (runArgv, extraEnv) => runStep('command', [...runArgv], projectDir, { ...env, ...extraEnv }, log),
    };
    try {
      await checks.check(smokeContext);
    } catch (error) {
      (error as Error).message += `\n--- server output (tail) ---\n${output.slice(-4_000)}`;
      throw error;
    }
    log('HTTP checks passed');
    succeeded = true;
  } finally {
    if (server) await stopServer(server);
    await services.release();
    if (succeeded && !settings.keep) await rm(workDir, { recursive: true, force: true });
    else if (!succeeded) log(`kept for inspection: ${projectDir}`);
  }
}
