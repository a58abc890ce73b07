// Configuration of an executor process from its arguments and environment, validated all at once.
// Pure: reads only what it is given; main.ts passes process.argv and process.env.
import type { Venue } from '../model';
import { ExecutorConfigError } from './errors';
import type { BinanceOrderTransport } from './client-pool';
import { DEFAULT_CONCURRENCY } from './follower-lanes';

export interface ExecutorConfig {
  readonly shard: number;
  readonly shards: number;
  readonly redisUrl: string;
  readonly databaseUrl: string;
  /** BINANCEUSDM_URL / HYPERLIQUID_URL (e.g. the simulator); absent = the real venue. */
  readonly venueUrls: Readonly<Partial<Record<Venue, string>>>;
  /** BUS_PREFIX (as the engine reads it); absent = the bus default ('wc'). */
  readonly keyPrefix: string | undefined;
  /** EXECUTOR_CONCURRENCY: followers with orders in flight at once (default DEFAULT_CONCURRENCY, 256). */
  readonly concurrency: number;
  /** EXECUTOR_CLAIM_IDLE_MS: a dead consumer's pending entries are reclaimed after this idle time (default 30,000). */
  readonly claimIdleMs: number;
  /** EXECUTOR_BINANCE_ORDERS: 'websocket' (default; each account's WebSocket API connection, REST until it is open) or 'rest'. */
  readonly binanceOrders: BinanceOrderTransport;
  /** EXECUTOR_BINANCE_SOCKETS: order sockets opened in any 5 minutes (default 100; Binance allows 300 connections per IP). */
  readonly socketOpensPerFiveMinutes: number;
}

const FLAGS = new Set(['shard', 'shards']);

/** `--shard 3 --shards 8` or `--shard=3 --shards=8` (--shards may come from EXECUTOR_SHARDS instead). */
function parseFlags(argv: readonly string[], problems: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) {
      problems.push(`unexpected argument ${JSON.stringify(arg)}`);
      continue;
    }
    const name = match[1] ?? '';
    if (!FLAGS.has(name)) {
      problems.push(`unknown flag --${name}`);
      continue;
    }
    let value = match[2];
    if (value === undefined) {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || value.startsWith('--')) problems.push(`--${name} needs a value`);
    else flags.set(name, value);
  }
  return flags;
}

function nonNegativeInt(text: string | undefined, name: string, problems: string[]): number {
  if (text === undefined) {
    problems.push(`${name} is required`);
    return NaN;
  }
  if (!/^\d+$/.test(text.trim())) {
    problems.push(`${name} must be a whole number, got ${JSON.stringify(text)}`);
    return NaN;
  }
  return Number(text.trim());
}

function url(env: Readonly<Record<string, string | undefined>>, name: string, schemes: readonly string[], problems: string[]): string | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  try {
    const parsed = new URL(value);
    if (!schemes.includes(parsed.protocol)) problems.push(`${name} must be a ${schemes.join(' or ')} URL, got ${parsed.protocol}`);
  } catch {
    problems.push(`${name} is not a URL`);
  }
  return value;
}

export function parseExecutorConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ExecutorConfig {
  const problems: string[] = [];
  const flags = parseFlags(argv, problems);
  const shard = nonNegativeInt(flags.get('shard'), '--shard', problems);
  const envShards = env['EXECUTOR_SHARDS']?.trim() || undefined;
  const shardsText = flags.get('shards') ?? envShards;
  const shards = shardsText === undefined ? NaN : nonNegativeInt(shardsText, flags.has('shards') ? '--shards' : 'EXECUTOR_SHARDS', problems);
  if (shardsText === undefined) problems.push('--shards (or EXECUTOR_SHARDS) is required');
  if (flags.has('shards') && envShards !== undefined && envShards !== flags.get('shards')?.trim()) {
    problems.push(`--shards ${flags.get('shards')} contradicts EXECUTOR_SHARDS=${envShards} (the engine shards by that)`);
  }
  if (shards === 0) problems.push('the shard count must be at least 1');
  if (Number.isInteger(shard) && Number.isInteger(shards) && shards > 0 && shard >= shards) {
    problems.push(`--shard ${shard} is out of range for --shards ${shards} (0..${shards - 1})`);
  }
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:'], problems);
  if (redisUrl === undefined) problems.push('REDIS_URL is required: without Redis the executors run inside the engine process');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], problems);
  if (databaseUrl === undefined) problems.push('DATABASE_URL is required: follower credentials are read from PostgreSQL');
  const binance = url(env, 'BINANCEUSDM_URL', ['http:', 'https:'], problems);
  const hyperliquid = url(env, 'HYPERLIQUID_URL', ['http:', 'https:'], problems);
  const concurrencyText = env['EXECUTOR_CONCURRENCY']?.trim();
  let concurrency = DEFAULT_CONCURRENCY;
  if (concurrencyText) {
    concurrency = nonNegativeInt(concurrencyText, 'EXECUTOR_CONCURRENCY', problems);
    if (concurrency === 0) problems.push('EXECUTOR_CONCURRENCY must be at least 1');
  }
  const claimText = env['EXECUTOR_CLAIM_IDLE_MS']?.trim();
  let claimIdleMs = 30_000;
  if (claimText) {
    claimIdleMs = nonNegativeInt(claimText, 'EXECUTOR_CLAIM_IDLE_MS', problems);
    if (claimIdleMs < 100) problems.push('EXECUTOR_CLAIM_IDLE_MS must be at least 100');
  }
  const transport = env['EXECUTOR_BINANCE_ORDERS']?.trim() || 'websocket';
  if (transport !== 'websocket' && transport !== 'rest') problems.push(`EXECUTOR_BINANCE_ORDERS must be websocket or rest, got ${JSON.stringify(transport)}`);
  const socketsText = env['EXECUTOR_BINANCE_SOCKETS']?.trim();
  let socketOpensPerFiveMinutes = 100;
  if (socketsText) {
    socketOpensPerFiveMinutes = nonNegativeInt(socketsText, 'EXECUTOR_BINANCE_SOCKETS', problems);
    if (socketOpensPerFiveMinutes < 2) problems.push('EXECUTOR_BINANCE_SOCKETS must be at least 2 (or EXECUTOR_BINANCE_ORDERS=rest)');
  }
  const keyPrefix = env['BUS_PREFIX']?.trim() || undefined;
  if (problems.length > 0) throw new ExecutorConfigError(problems);
  const venueUrls: Partial<Record<Venue, string>> = {};
  if (binance) venueUrls.binanceusdm = binance;
  if (hyperliquid) venueUrls.hyperliquid = hyperliquid;
  const binanceOrders: BinanceOrderTransport = transport === 'rest' ? 'rest' : 'websocket';
  return { shard, shards, redisUrl: redisUrl ?? '', databaseUrl: databaseUrl ?? '', venueUrls, keyPrefix, concurrency, claimIdleMs, binanceOrders, socketOpensPerFiveMinutes };
}

/** Consumer name in the shard's group: unique per host and process. */
export function consumerName(shard: number, hostname: string, pid: number): string {
  return `exec-${shard}-${hostname.replace(/[^A-Za-z0-9_.-]/g, '_')}-${pid}`;
}
