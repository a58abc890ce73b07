// Table tests of the executor process configuration: flags, environment, every problem reported at once.
import { describe, expect, test } from 'bun:test';
import { consumerName, parseExecutorConfig } from './config';
import { ExecutorConfigError } from './errors';
import { DEFAULT_CONCURRENCY } from './follower-lanes';

const env = { REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' };

describe('parseExecutorConfig', () => {
  test('flags in both spellings, venue URLs and defaults', () => {
    const config = parseExecutorConfig(['--shard', '3', '--shards=8'], { ...env, BINANCEUSDM_URL: 'http://127.0.0.1:18555', HYPERLIQUID_URL: '' });
    expect(config).toEqual({
      shard: 3, shards: 8, redisUrl: env.REDIS_URL, databaseUrl: env.DATABASE_URL,
      venueUrls: { binanceusdm: 'http://127.0.0.1:18555' }, keyPrefix: undefined, concurrency: DEFAULT_CONCURRENCY, claimIdleMs: 30_000,
      binanceOrders: 'websocket', socketOpensPerFiveMinutes: 100,
    });
  });

  test('optional concurrency and key prefix', () => {
    const config = parseExecutorConfig(['--shard=0', '--shards=1'], { ...env, EXECUTOR_CONCURRENCY: '16', BUS_PREFIX: 'demo' });
    expect([config.concurrency, config.keyPrefix]).toEqual([16, 'demo']);
  });

  test('claim idle time: configurable, bounded', () => {
    expect(parseExecutorConfig(['--shard=0', '--shards=1'], { ...env, EXECUTOR_CLAIM_IDLE_MS: '1500' }).claimIdleMs).toBe(1500);
    expect(() => parseExecutorConfig(['--shard=0', '--shards=1'], { ...env, EXECUTOR_CLAIM_IDLE_MS: '5' })).toThrow(/EXECUTOR_CLAIM_IDLE_MS/);
  });

  test('Binance orders over the WebSocket API by default, REST only when asked', () => {
    expect(parseExecutorConfig(['--shard=0', '--shards=1'], { ...env, EXECUTOR_BINANCE_ORDERS: 'rest' }).binanceOrders).toBe('rest');
    expect(parseExecutorConfig(['--shard=0', '--shards=1'], { ...env, EXECUTOR_BINANCE_ORDERS: ' websocket ' }).binanceOrders).toBe('websocket');
    expect(parseExecutorConfig(['--shard=0', '--shards=1'], { ...env, EXECUTOR_BINANCE_SOCKETS: '50' }).socketOpensPerFiveMinutes).toBe(50);
  });

  test('the shard count may come from EXECUTOR_SHARDS, as the engine reads it', () => {
    expect(parseExecutorConfig(['--shard', '2'], { ...env, EXECUTOR_SHARDS: '4' }).shards).toBe(4);
    expect(parseExecutorConfig(['--shard', '2', '--shards', '4'], { ...env, EXECUTOR_SHARDS: '4' }).shards).toBe(4);
  });

  const failures: [string, string[], Record<string, string>, string[]][] = [
    ['nothing given', [], {}, ['--shard is required', '--shards (or EXECUTOR_SHARDS) is required', 'REDIS_URL is required', 'DATABASE_URL is required']],
    ['shard out of range', ['--shard', '8', '--shards', '8'], env, ['--shard 8 is out of range for --shards 8']],
    ['zero shards', ['--shard', '0', '--shards', '0'], env, ['the shard count must be at least 1']],
    ['shards contradicting the engine', ['--shard', '0', '--shards', '2'], { ...env, EXECUTOR_SHARDS: '4' }, ['--shards 2 contradicts EXECUTOR_SHARDS=4']],
    ['shard out of range of EXECUTOR_SHARDS', ['--shard', '4'], { ...env, EXECUTOR_SHARDS: '4' }, ['--shard 4 is out of range for --shards 4']],
    ['negative / non-numeric', ['--shard', '-1', '--shards', 'two'], env, ['--shard must be a whole number, got "-1"', '--shards must be a whole number, got "two"']],
    ['missing value at the end', ['--shards', '2', '--shard'], env, ['--shard needs a value']],
    ['unknown flag and stray argument', ['--shard', '0', '--shards', '1', '--verbose', 'x'], env, ['unknown flag --verbose', 'unexpected argument "x"']],
    ['bad URLs', ['--shard', '0', '--shards', '1'], { REDIS_URL: 'http://x', DATABASE_URL: 'nope', BINANCEUSDM_URL: 'ws://x' }, [
      'REDIS_URL must be a redis: or rediss: URL', 'DATABASE_URL is not a URL', 'BINANCEUSDM_URL must be a http: or https: URL',
    ]],
    ['bad concurrency', ['--shard', '0', '--shards', '1'], { ...env, EXECUTOR_CONCURRENCY: '0' }, ['EXECUTOR_CONCURRENCY must be at least 1']],
    ['order socket budget below 2', ['--shard', '0', '--shards', '1'], { ...env, EXECUTOR_BINANCE_SOCKETS: '1' }, ['EXECUTOR_BINANCE_SOCKETS must be at least 2']],
    ['unknown order transport', ['--shard', '0', '--shards', '1'], { ...env, EXECUTOR_BINANCE_ORDERS: 'fix' }, ['EXECUTOR_BINANCE_ORDERS must be websocket or rest, got "fix"']],
  ];
  test.each(failures)('%s: every problem is reported at once', (_name, argv, environment, messages) => {
    let error: unknown;
    try {
      parseExecutorConfig(argv, environment);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExecutorConfigError);
    const problems = (error as ExecutorConfigError).problems.join(' | ');
    for (const message of messages) expect(problems).toContain(message);
  });
});

test('consumerName is unique per host and pid and safe for Redis', () => {
  expect(consumerName(2, 'box-1.local', 4242)).toBe('exec-2-box-1.local-4242');
  expect(consumerName(0, 'weird host/name', 1)).toBe('exec-0-weird_host_name-1');
});
