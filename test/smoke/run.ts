// The smoke harness: for one framework and one option combination, do what a user does —
// generate with the built CLI, install, set up, run the project's own tests, start the
// server on a free port, run the framework's HTTP checks, stop it. Every command comes
// from the framework's definition (src/framework.ts); nothing here names a framework.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import type { Command, FrameworkDefinition, OptionValues } from '../../src/framework.js';
import { expandCommand, formatCommand, preferFaster, type CommandContext } from '../../src/run-command.js';
import { availableOn, defaultStack, describeStack, onStack, stackEnv, type Stack } from './current-root.js';
import { HttpClient } from './http.js';
import { optionFlags } from './scenarios.js';
import { provideServices, servicesFor } from './services.js';
import { attackStage } from './attack.js';
import type { SmokeChecks, SmokeContext } from './types.js';

export const HARNESS_DIR = dirname(fileURLToPath(import.meta.url));
export const PACKAGE_ROOT = resolve(HARNESS_DIR, '../..');
export const CLI = join(PACKAGE_ROOT, 'dist/create-backend.js');

/** How the harness fills a definition's command placeholders (the port comes per server). */
const COMMAND_CONTEXT: CommandContext = { packageManager: 'npm', harness: HARNESS_DIR, python: 'python3' };

/** Whether nothing listens on `port` of the loopback address now. */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.once('error', () => resolveFree(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
  });
}

/**
 * A free loopback port below Linux's ephemeral range (32768–60999): a port the kernel
 * hands out for `listen(0)` can be taken, before the server binds it, by any outgoing
 * connection (an installer's download, a burst of requests), so such ports are avoided.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
  throw new Error('no free port between 20000 and 32000 on 127.0.0.1');
}

export interface SmokeRun {
  projectDir: string;
  log(line: string): void;
}

/** Runs one command of the project on `stack`; rejects with its output's tail on failure. */
export async function runStep(
  step: string,
  argv: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  stack: Stack = { kind: 'host' },
) {
  log(`$ ${formatCommand(argv)}`);
  const { file, args } = onStack(stack, argv, cwd);
  const result = await execa(file, args, {
    cwd,
    env: stackEnv(stack, env),
    extendEnv: false,
    reject: false,
    all: true,
    timeout: 15 * 60_000,
  });
  if (result.exitCode !== 0 || result.failed) {
    const tail = (result.all ?? '').split('\n').slice(-60).join('\n');
    throw new Error(`${step} failed: ${formatCommand(argv)} exited ${result.exitCode ?? result.signal}\n${tail}`);
  }
  return { stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

function commandEnv(command: Command, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...base, ...command.env };
}

async function waitForServer(
  url: string,
  server: ChildProcess,
  output: () => string,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(
        `the server exited (${server.exitCode ?? server.signalCode}) before answering ${url}\n${output()}`,
      );
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

interface StartedServer {
  server: ChildProcess;
  baseUrl: string;
  output: () => string;
}

async function startServer(
  start: Command,
  context: CommandContext,
  projectDir: string,
  env: NodeJS.ProcessEnv,
  readyPath: string,
  log: (line: string) => void,
  stack: Stack,
): Promise<StartedServer> {
  const port = await freePort();
  const argv = expandCommand(start, { ...context, port });
  log(`$ ${formatCommand(argv)}  (PORT=${port})`);
  let output = '';
  const { file, args } = onStack(stack, argv, projectDir);
  const server = spawn(file, args, {
    cwd: projectDir,
    env: stackEnv(stack, { ...commandEnv(start, env), PORT: String(port) }),
    detached: true, // own process group: stopping it stops npm's or artisan's children too
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  server.stdout!.on('data', collect);
  server.stderr!.on('data', collect);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${baseUrl}${readyPath}`, server, () => output);
  } catch (error) {
    await stopServer(server);
    throw error;
  }
  log(`server answers on ${baseUrl}${readyPath}`);
  return { server, baseUrl, output: () => output };
}

async function runChecks(
  mode: string,
  check: (context: SmokeContext) => Promise<void>,
  started: StartedServer,
  rest: {
    projectDir: string;
    options: OptionValues;
    env: NodeJS.ProcessEnv;
    log: (line: string) => void;
    stack: Stack;
  },
): Promise<void> {
  const context: SmokeContext = {
    baseUrl: started.baseUrl,
    client: () => new HttpClient(started.baseUrl),
    projectDir: rest.projectDir,
    options: rest.options,
    env: rest.env,
    run: (runArgv, extraEnv) =>
      runStep('command', [...runArgv], rest.projectDir, { ...rest.env, ...extraEnv }, rest.log, rest.stack),
  };
  try {
    await check(context);
  } catch (error) {
    (error as Error).message =
      `${mode} checks: ${(error as Error).message}\n--- server output (tail) ---\n${started.output().slice(-4_000)}`;
    throw error;
  }
  rest.log(`${mode} HTTP checks passed`);
}

/** Secret-looking values of a project's .env (KEY=VALUE lines). */
export function envSecrets(envText: string): string[] {
  return envText
    .split('\n')
    .map((line) => /^\s*([A-Z0-9_]*(?:SECRET|KEY|TOKEN|PASSWORD)[A-Z0-9_]*)\s*=\s*"?([^"\n]*)"?\s*$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && match[2]!.length >= 16)
    .map((match) => match[2]!.replace(/^base64:/, ''));
}

/** `.env` holds the project's secrets; git must not track it, nor any file holding one. */
async function checkSecretsStayUntracked(projectDir: string, log: (line: string) => void): Promise<void> {
  const envText = await readFile(join(projectDir, '.env'), 'utf8').catch(() => '');
  const secrets = envSecrets(envText);
  await execa('git', ['init', '-q'], { cwd: projectDir });
  await execa('git', ['add', '-A'], { cwd: projectDir });
  const tracked = (await execa('git', ['ls-files', '-z'], { cwd: projectDir })).stdout.split('\0').filter(Boolean);
  if (tracked.includes('.env')) throw new Error('.env would be committed: it must be git-ignored');
  for (const path of tracked) {
    const text = await readFile(join(projectDir, path), 'latin1');
    for (const secret of secrets)
      if (text.includes(secret)) throw new Error(`${path} would be committed with a secret of .env in it`);
  }
  await rm(join(projectDir, '.git'), { recursive: true, force: true });
  log(`${secrets.length} secret(s) only in the git-ignored .env`);
}

/**
 * What a user does after generating, on `stack`: install, set up, run the project's own
 * tests and linters (and log the versions the installers resolved); rejects with the
 * failing step.
 */
export async function installTestAndLint(
  framework: FrameworkDefinition,
  checks: SmokeChecks,
  projectDir: string,
  env: NodeJS.ProcessEnv,
  stack: Stack,
  log: (line: string) => void,
): Promise<void> {
  const context = COMMAND_CONTEXT;
  const inProject = (step: string, command: Command) =>
    runStep(step, expandCommand(command, context), projectDir, commandEnv(command, env), log, stack);
  const available = availableOn(stack);
  for (const command of framework.smokeInstall ?? framework.commands.install) {
    await inProject('install', preferFaster(command, available));
  }
  for (const command of checks.versions ?? []) {
    const { stdout } = await inProject('versions', command);
    const line = `${framework.id} on the ${describeStack(stack)}: ${stdout.trim().replace(/\s*\n\s*/g, ', ')}`;
    log(line);
    if (process.env.SMOKE_VERSIONS_LOG) await appendFile(process.env.SMOKE_VERSIONS_LOG, `${line}\n`);
  }
  for (const command of framework.commands.setup) await inProject('setup', command);
  for (const command of framework.commands.test) await inProject("the project's own tests", command);
  for (const command of framework.commands.lint) await inProject("the project's own linter", command);
}

/**
 * Generates, installs, tests, boots and checks one project on `stack` (the current Debian
 * root when SMOKE_ROOT is set). The project dir is removed afterwards unless `keep` or a
 * step failed; throws with the failing step and its output.
 */
export async function smokeTest(
  framework: FrameworkDefinition,
  checks: SmokeChecks,
  options: OptionValues,
  settings: {
    keep?: boolean;
    log?: (line: string) => void;
    stack?: Stack;
    /** Run on the host right after generation, before the install (e.g. `create-backend add`). */
    afterGenerate?: (run: SmokeRun) => Promise<void>;
  } = {},
): Promise<void> {
  const stack = settings.stack ?? defaultStack();
  const log = settings.log ?? ((line: string) => process.stderr.write(`[smoke ${framework.id}] ${line}\n`));
  log(`on the ${describeStack(stack)}`);
  const workDir = await mkdtemp(join(tmpdir(), `create-backend-smoke-${framework.id}-`));
  const projectDir = join(workDir, `smoke-${framework.id}`);
  const services = await provideServices(servicesFor(framework, options));
  if (Object.keys(services.env).length)
    log(
      `services: ${Object.entries(services.env)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
    );
  // not vitest's NODE_ENV=test: servers start in the mode a user would get
  const { NODE_ENV: _vitestMode, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = { ...inherited, ...checks.env, ...services.env };
  const context = COMMAND_CONTEXT;
  const inProject = (step: string, command: Command, commandEnvBase: NodeJS.ProcessEnv) =>
    runStep(step, expandCommand(command, context), projectDir, commandEnv(command, commandEnvBase), log, stack);
  let server: ChildProcess | undefined;
  let succeeded = false;
  try {
    // the CLI itself runs on the host's Node, as a user's would
    await runStep(
      'generate',
      [
        'node',
        CLI,
        projectDir,
        '--framework',
        framework.id,
        '--yes',
        '--no-install',
        '--no-git',
        ...optionFlags(options),
      ],
      workDir,
      env,
      log,
    );
    await settings.afterGenerate?.({ projectDir, log });

    await installTestAndLint(framework, checks, projectDir, env, stack, log);

    await checkSecretsStayUntracked(projectDir, log);

    const rest = { projectDir, options, log, stack };
    const started = await startServer(
      framework.commands.start,
      context,
      projectDir,
      env,
      `${framework.commands.readyPath}`,
      log,
      stack,
    );
    server = started.server;
    await runChecks('development', checks.check, started, { ...rest, env });
    await stopServer(server);

    const production = checks.production;
    const productionEnv = { ...env, ...production.env };
    for (const command of production.prepare ?? []) await inProject('production prepare', command, productionEnv);
    const prod = await startServer(
      production.start ?? framework.commands.start,
      context,
      projectDir,
      productionEnv,
      production.readyPath ?? framework.commands.readyPath,
      log,
      stack,
    );
    server = prod.server;
    await runChecks('production', production.check, prod, { ...rest, env: productionEnv });
    await runChecks('attack', (attackContext) => attackStage(production.attack, attackContext), prod, {
      ...rest,
      env: productionEnv,
    });
    succeeded = true;
  } finally {
    if (server) await stopServer(server);
    await services.release();
    if (succeeded && !settings.keep) await rm(workDir, { recursive: true, force: true });
    else if (!succeeded) log(`kept for inspection: ${projectDir}`);
  }
}
