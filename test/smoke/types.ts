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
  /** Environment for every command and the server (e.g. settings module, APP_ENV). */
  env?: Record<string, string>;
  /** Over real HTTP against the started server; throw (assert) on failure. */
  check(context: SmokeContext): Promise<void>;
  /**
   * The same project started again in production mode, after the checks above: debug
   * pages off, secure cookie flags, security headers (issue 7).
   */
  production?: {
    /** Environment that selects production (plus what production requires, e.g. allowed hosts). */
    env: Record<string, string>;
    /** Commands run before the production start (collect static files, cache config…). */
    prepare?: readonly Command[];
    /** Start command when production uses another server than `commands.start`. */
    start?: Command;
    /** Path that answers (< 400) once the production server is up; default `commands.readyPath`. */
    readyPath?: string;
    check(context: SmokeContext): Promise<void>;
  };
}
