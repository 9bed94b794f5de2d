// The smoke harness's own logic that needs no toolchain: where commands run, and what
// the attack stage derives from a starter's OpenAPI document.
import { describe, expect, it } from 'vitest';
import { assertNoLeak, burst, operationsOf } from '../smoke/attack.js';
import { onStack, stackEnv } from '../smoke/current-root.js';

describe('commands on a stack', () => {
  it('runs a command as it is on the host', () => {
    expect(onStack({ kind: 'host' }, ['npm', 'test'], '/tmp/p')).toEqual({ file: 'npm', args: ['test'] });
  });

  it('runs a command inside the root at the same path, exec keeping the pid', () => {
    const { file, args } = onStack({ kind: 'root', root: '/r' }, ['php', 'artisan', 'serve'], '/tmp/my app');
    expect(file).toBe('chroot');
    expect(args.slice(0, 4)).toEqual(['/r', '/bin/sh', '-c', 'cd "$1" && shift && exec "$@"']);
    expect(args.slice(4)).toEqual(['sh', '/tmp/my app', 'php', 'artisan', 'serve']);
  });

  it("keeps the host's npm settings out of the root and gives it the root's PATH", () => {
    const env = stackEnv(
      { kind: 'root', root: '/r' },
      { npm_config_node_gyp: '/usr/lib/x', npm_execpath: 'y', PATH: '/host/bin', DATABASE_URL: 'postgres://x' },
    );
    expect(env).toEqual({
      DATABASE_URL: 'postgres://x',
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    });
  });
});

describe('the attack stage', () => {
  it('lists every operation of a document with path parameters filled in', () => {
    const document = {
      paths: {
        '/api/notes': { get: {}, post: {}, parameters: [] },
        '/api/notes/{id}': { get: {}, patch: {}, delete: {}, summary: 'one note' },
      },
    };
    expect(operationsOf(document)).toEqual([
      { method: 'GET', path: '/api/notes', concrete: '/api/notes' },
      { method: 'POST', path: '/api/notes', concrete: '/api/notes' },
      { method: 'GET', path: '/api/notes/{id}', concrete: '/api/notes/1' },
      { method: 'PATCH', path: '/api/notes/{id}', concrete: '/api/notes/1' },
      { method: 'DELETE', path: '/api/notes/{id}', concrete: '/api/notes/1' },
    ]);
  });

  it('finds password hashes of every usual library and the given needles', () => {
    for (const hash of [
      'pbkdf2_sha256$1000000$salt$h',
      'scrypt:32768:8:1$salt$ab',
      '$2y$12$abcdefghijklmnopqrstuv',
      '$argon2id$v=19$m=65536',
      'pbkdf2:sha256:600000$s$h',
    ]) {
      expect(() => assertNoLeak(`{"x":"${hash}"}`, [], 'GET /x')).toThrow(/password hash/);
    }
    expect(() => assertNoLeak('{"email":"a@example.com"}', ['a@example.com'], 'GET /x')).toThrow(/a@example.com/);
    expect(() => assertNoLeak('{"title":"fine"}', ['a@example.com'], 'GET /x')).not.toThrow();
  });

  it('fires a burst without waiting for one request before the next', async () => {
    let inFlight = 0;
    let most = 0;
    await burst(10, async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
    });
    expect(most).toBe(10);
  });
});
