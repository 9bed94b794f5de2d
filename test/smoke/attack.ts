// The attack stage (issue 15), run against every starter booted in production mode with
// its production server: first the starter's own attacks (parallel log-ins, forged
// forms…), then what every API must withstand, derived from the OpenAPI document the
// starter serves — anonymous writes refused where the starter has users, malformed and
// oversized bodies answered 4xx, no password hash in a public response — and a
// schemathesis run over that document: no 5xx, every response as documented.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { HttpClient } from './http.js';
import type { AttackChecks, SmokeContext } from './types.js';

/** Fires `count` requests at once (none waits for another) and resolves with all answers. */
export function burst<T>(count: number, request: (index: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: count }, (_, index) => request(index)));
}

/** Password hashes of the usual libraries (Django, Werkzeug, bcrypt, argon2, scrypt). */
const PASSWORD_HASH = /pbkdf2_sha256\$|pbkdf2:sha256:|scrypt:\d+:\d+:\d+\$|\$2[aby]\$\d\d\$|\$argon2i?d?\$/;

/** Throws when `text` holds a password hash or any of `needles` (e-mails, tokens…). */
export function assertNoLeak(text: string, needles: readonly string[], what: string): void {
  assert.ok(!PASSWORD_HASH.test(text), `${what}: a password hash is in the response`);
  for (const needle of needles)
    assert.ok(!text.includes(needle), `${what}: ${JSON.stringify(needle)} is in the response`);
}

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;

interface Operation {
  method: string;
  path: string;
  /** The path with every `{parameter}` filled in. */
  concrete: string;
}

/** Every operation of an OpenAPI document, path parameters filled with `1`. */
export function operationsOf(document: { paths?: Record<string, Record<string, unknown>> }): Operation[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => ['get', ...WRITE_METHODS].includes(method as never))
      .map((method) => ({ method: method.toUpperCase(), path, concrete: path.replace(/\{[^}]+\}/g, '1') })),
  );
}

const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
];

/** What schemathesis's coverage phase sends to see unexpected methods refused (its default). */
const UNEXPECTED_METHODS = ['get', 'put', 'post', 'delete', 'options', 'patch', 'trace', 'query'];

/** A schemathesis.toml that leaves out the methods the server itself refuses, or none. */
function configFile(attack: AttackChecks): string[] {
  if (!attack.serverRefuses?.length) return [];
  const refused = attack.serverRefuses.map((method) => method.toLowerCase());
  const methods = UNEXPECTED_METHODS.filter((method) => !refused.includes(method));
  const path = join(mkdtempSync(join(tmpdir(), 'schemathesis-')), 'schemathesis.toml');
  writeFileSync(path, `[phases.coverage]\nunexpected-methods = ${JSON.stringify(methods)}\n`);
  return ['--config-file', path];
}

/** schemathesis over the served document (the program from SCHEMATHESIS, else on PATH). */
async function fuzz(context: SmokeContext, attack: AttackChecks, headers: Record<string, string>): Promise<void> {
  const program = process.env.SCHEMATHESIS || 'schemathesis';
  const argv = [
    ...configFile(attack),
    'run',
    `${context.baseUrl}${attack.openapi}`,
    '--url',
    context.baseUrl,
    '--checks',
    CHECKS.join(','),
    '--max-examples',
    '12',
    '--seed',
    '20261201',
    '--workers',
    '1',
    '--request-timeout',
    '20',
    '--generation-database',
    'none',
    '--suppress-health-check',
    'all',
    '--no-color',
    ...Object.entries(headers).flatMap(([name, value]) => ['--header', `${name}: ${value}`]),
  ];
  // in a folder of its own: schemathesis keeps a .schemathesis/ cache in its working directory
  const result = await execa(program, argv, {
    cwd: tmpdir(),
    reject: false,
    all: true,
    timeout: 8 * 60_000,
    env: { NO_COLOR: '1' },
  });
  const output = result.all ?? '';
  assert.equal(
    result.exitCode,
    0,
    `schemathesis found problems (exit ${result.exitCode ?? result.signal}):\n${output.split('\n').slice(-120).join('\n')}`,
  );
  const summary = output
    .split('\n')
    .filter((line) => /passed|failed|error/i.test(line))
    .slice(-3)
    .join(' / ');
  process.stderr.write(`[attack] schemathesis: ${summary}\n`);
}

export async function attackStage(attack: AttackChecks | undefined, context: SmokeContext): Promise<void> {
  assert.ok(attack, 'this starter has no attack stage: add production.attack to its smoke checks');
  await attack.check(context);

  const proxied = attack.headers ?? {};
  const newClient = () => new HttpClient(context.baseUrl, proxied);
  const client = newClient();
  const served = await client.get(attack.openapi, { accept: 'application/json' });
  assert.equal(served.status, 200, `GET ${attack.openapi}: the OpenAPI document is served`);
  const document = served.json as { openapi?: string; paths?: Record<string, Record<string, unknown>> };
  assert.match(String(document?.openapi), /^3\.1\./, `${attack.openapi} is an OpenAPI 3.1 document`);
  const operations = operationsOf(document);
  const writes = operations.filter((operation) => operation.method !== 'GET');
  assert.ok(writes.length > 0, `${attack.openapi} documents the API's writes`);

  for (const operation of writes) {
    const what = `anonymous ${operation.method} ${operation.concrete}`;
    const anonymous = await newClient().sendJson(operation.method, operation.concrete, {});
    assert.ok(anonymous.status < 500, `${what}: answered ${anonymous.status}`);
    if (attack.writesNeedAuth)
      assert.ok(
        [401, 403].includes(anonymous.status),
        `${what}: expected 401/403, got ${anonymous.status}: ${anonymous.text.slice(0, 300)}`,
      );
  }

  const headers = (await attack.auth?.(context)) ?? {};
  const authed = newClient();
  for (const operation of writes.filter((candidate) => candidate.method !== 'DELETE')) {
    const what = `${operation.method} ${operation.concrete}`;
    const malformed = await authed.request(operation.method, operation.concrete, {
      body: '{"title": "unterminated',
      headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
    });
    assert.ok(
      malformed.status >= 400 && malformed.status < 500,
      `${what} with malformed JSON: expected 4xx, got ${malformed.status}: ${malformed.text.slice(0, 300)}`,
    );
    const oversized = await authed.request(operation.method, operation.concrete, {
      body: JSON.stringify({ title: 'x'.repeat(12 * 1024 * 1024) }),
      headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
    });
    assert.ok(
      oversized.status >= 400 && oversized.status < 500,
      `${what} with a 12 MB body: expected 4xx, got ${oversized.status}`,
    );
  }

  for (const operation of operations.filter((candidate) => candidate.method === 'GET')) {
    const response = await newClient().get(operation.concrete, { accept: 'application/json' });
    assert.ok(response.status < 500, `anonymous GET ${operation.concrete}: answered ${response.status}`);
    assertNoLeak(response.text, [], `anonymous GET ${operation.concrete}`);
  }

  await fuzz(context, attack, { ...proxied, ...headers });
  const alive = await newClient().get(attack.openapi);
  assert.equal(alive.status, 200, 'the server still answers after the attack stage');
}
