import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toEqual({
      NODE_ENV: 'development',
      PORT: 3000,
      CACHE_TTL_SECONDS: 30,
      CACHE_MAX_ENTRIES: 500,
      JSON_BODY_LIMIT: '100kb',
    });
  });

  it('reads numbers from strings', () => {
    expect(loadConfig({ PORT: '8080', CACHE_TTL_SECONDS: '2.5' })).toMatchObject({ PORT: 8080, CACHE_TTL_SECONDS: 2.5 });
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', NODE_ENV: 'staging' })).toThrow(/NODE_ENV: .*; PORT: /);
  });
});
