// Servers a scenario needs (from its option values' `services`), provided fresh for each
// scenario: a new PostgreSQL database, a Redis database number of its own. The servers
// themselves run outside (`.ci/run` starts them); their admin URLs come from
// SMOKE_POSTGRES_URL and SMOKE_REDIS_URL. A missing server fails the scenario.
import { randomBytes } from 'node:crypto';
import { execa } from 'execa';
import type { ServiceName } from '../../src/framework.js';

export { servicesFor } from '../../src/framework.js';

export interface ProvidedServices {
  env: Record<string, string>;
  release(): Promise<void>;
}

let nextRedisDb = 1 + (process.pid % 8);

function required(name: string, service: ServiceName): string {
  const value = process.env[name];
  if (!value) throw new Error(`this scenario needs ${service}: start one and set ${name} (bash .ci/run does both)`);
  return value;
}

export async function provideServices(services: readonly ServiceName[]): Promise<ProvidedServices> {
  const env: Record<string, string> = {};
  const releases: (() => Promise<unknown>)[] = [];
  for (const service of services) {
    if (service === 'postgres') {
      const admin = new URL(required('SMOKE_POSTGRES_URL', service));
      const database = `smoke_${randomBytes(4).toString('hex')}`;
      await execa('psql', [admin.href, '-qc', `CREATE DATABASE ${database}`]);
      const url = new URL(admin.href);
      url.pathname = `/${database}`;
      env.DATABASE_URL = url.href;
      releases.push(() =>
        execa('psql', [admin.href, '-qc', `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`], { reject: false }),
      );
    } else {
      const base = new URL(required('SMOKE_REDIS_URL', service));
      const db = nextRedisDb++ % 16;
      base.pathname = `/${db}`;
      env.REDIS_URL = base.href;
      await execa('redis-cli', ['-u', base.href, 'FLUSHDB']);
      releases.push(() => execa('redis-cli', ['-u', base.href, 'FLUSHDB'], { reject: false }));
    }
  }
  return { env, release: async () => void (await Promise.all(releases.map((release) => release()))) };
}
