import type { Command, FrameworkId, OptionValues } from '../../src/framework.js';
import type { HttpClient } from './http.js';

/** What a framework's smoke checks get: the running server and its project. */
export interface SmokeContext {
  baseUrl: string;
  /** A fresh cookie-keeping client per call. */
  client(): HttpClient;
  projectDir: string;
  options: OptionValues;
  /** The environment the server and commands got, incl. DATABASE_URL / REDIS_URL when provided. */
  env: Readonly<Record<string, string | undefined>>;
  /** Runs a command in the project (same environment the server got); rejects on failure. */
  run(argv: readonly string[], env?: Record<string, string>): Promise<{ stdout: string; stderr: string }>;
}

/** `test/smoke/<id>.checks.ts` default-exports one of these. */
export interface SmokeChecks {
  framework: FrameworkId;
  /**
   * The older release this starter's ranges admit that the host itself supplies (e.g.
   * "Django 5.2 LTS on Python 3.11"): with SMOKE_ROOT set, the default scenario also runs
   * on the host. Absent when the host has no supported release.
   */
  alsoOnHost?: string;
  /**
   * Commands run after the install whose output names the versions installed from the
   * registries (e.g. `.venv/bin/python -m django --version`); logged, and collected in
   * SMOKE_VERSIONS_LOG for .ci/run's summary.
   */
  versions?: readonly Command[];
  /** Environment for every command and the server (e.g. settings module, APP_ENV). */
  env?: Record<string, string>;
  /** Over real HTTP against the started server; throw (assert) on failure. */
  check(context: SmokeContext): Promise<void>;
  /**
   * The same project started again in production mode, after the checks above: debug
   * pages off, secure cookie flags, security headers (issue 7).
   */
  production: {
    /** Environment that selects production (plus what production requires, e.g. allowed hosts). */
    env: Record<string, string>;
    /** Commands run before the production start (collect static files, cache config…). */
    prepare?: readonly Command[];
    /** Start command when production uses another server than `commands.start`. */
    start?: Command;
    /** Path that answers (< 400) once the production server is up; default `commands.readyPath`. */
    readyPath?: string;
    check(context: SmokeContext): Promise<void>;
    /** Run against the production server after `check` (issue 15); see test/smoke/attack.ts. */
    attack: AttackChecks;
  };
}

/** The attack stage of one starter: its own attacks, then the harness's generic ones. */
export interface AttackChecks {
  /** Path of the OpenAPI 3.1 document the starter serves, e.g. `/openapi.json`. */
  openapi: string;
  /**
   * Whether the API refuses anonymous writes (the starter has users or tokens): the
   * harness then sends every write operation of the document without credentials and
   * expects 401 or 403.
   */
  writesNeedAuth: boolean;
  /**
   * HTTP methods the production server answers by itself, before the app sees them
   * (PHP's built-in server: 501 for QUERY): the fuzzer does not send them as
   * "unexpected methods".
   */
  serverRefuses?: readonly string[];
  /**
   * Headers every request of the generic attacks and of schemathesis carries, as the
   * production proxy would add them (e.g. `X-Forwarded-Proto: https` where production
   * redirects plain HTTP).
   */
  headers?: Readonly<Record<string, string>>;
  /** Headers that authenticate a request (token, session cookie + CSRF header) for fuzzing writes. */
  auth?(context: SmokeContext): Promise<Record<string, string>>;
  /** The starter's own attacks (parallel log-ins, malformed bodies, leaks…); throw on failure. */
  check(context: SmokeContext): Promise<void>;
}
