import type { SecretName } from './framework.js';

/** `n` random bytes from the platform's CSPRNG (Web Crypto: no node:crypto import at startup). */
function randomBytes(n: number): Buffer {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(n)));
}

/** Fresh secrets for one generated project; never reused, never written to tracked files. */
export function generateSecrets(): Record<SecretName, string> {
  return {
    // Django/Flask: URL-safe, no quotes or `$` so it survives .env parsers unquoted.
    secretKey: randomBytes(48).toString('base64url'),
    // Laravel's `php artisan key:generate` format.
    appKey: `base64:${randomBytes(32).toString('base64')}`,
    // Rails' `bin/rails secret` format: 128 hex characters.
    secretKeyBase: randomBytes(64).toString('hex'),
    sessionSecret: randomBytes(32).toString('hex'),
  };
}
