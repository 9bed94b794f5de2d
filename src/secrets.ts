import type { SecretSpec } from './framework.js';

/** `n` random bytes from the platform's CSPRNG (Web Crypto: no node:crypto import at startup). */
function randomBytes(n: number): Buffer {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(n)));
}

/** Fresh values of a definition's secrets; never reused, never written to tracked files. */
export function generateSecrets(specs: Readonly<Record<string, SecretSpec>> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [
      name,
      `${spec.prefix ?? ''}${randomBytes(spec.bytes).toString(spec.encoding)}`,
    ]),
  );
}
