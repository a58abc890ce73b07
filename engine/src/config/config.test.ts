import { describe, expect, test } from 'bun:test';
import { ConfigError, ENV_VARS, loadConfig } from './config';

const ok = { ENGINE_ADMIN_TOKEN: 'x'.repeat(20), ENGINE_MASTER_KEY: 'a2V5' };

describe('loadConfig', () => {
  test('defaults', () => {
    const c = loadConfig(ok);
    expect(c.port).toBe(3000);
    expect(c.shards).toBe(1);
    expect(c.redisUrl).toBeUndefined();
    expect(c.databaseUrl).toBeUndefined();
    expect(c.pgliteDir).toBe('.data/pglite');
    expect(c.deadBand).toBe(0.02);
  });

  test('reports every problem at once', () => {
    try {
      loadConfig({ ENGINE_PORT: 'abc', REDIS_URL: 'http://x', EXECUTOR_SHARDS: '0', ENGINE_TYPO: '1', LOG_LEVEL: 'loud' });
      throw new Error('expected ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const p = (e as ConfigError).problems.join('\n');
      for (const word of ['ENGINE_PORT', 'REDIS_URL', 'EXECUTOR_SHARDS', 'unknown variable ENGINE_TYPO', 'ENGINE_ADMIN_TOKEN', 'LOG_LEVEL', 'ENGINE_MASTER_KEY']) {
        expect(p).toContain(word);
      }
    }
  });

  test('venue URLs and services from the environment', () => {
    const c = loadConfig({ ...ok, REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://postgres@127.0.0.1/test', BINANCEUSDM_URL: 'http://127.0.0.1:18555', EXECUTOR_SHARDS: '4' });
    expect(c.venues.binanceusdm).toBe('http://127.0.0.1:18555');
    expect(c.shards).toBe(4);
  });

  test('every documented variable is in .env.example', async () => {
    const example = await Bun.file(new URL('../../../.env.example', import.meta.url)).text();
    for (const name of Object.keys(ENV_VARS)) expect(example).toContain(name);
  });
});
