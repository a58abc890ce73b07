// The engine's configuration: read from environment variables, validated all at once at boot (every
// problem reported together), with named defaults. Nothing else in the engine reads process.env.
import { isIP } from 'node:net';

export interface EngineConfig {
  port: number;
  adminToken: string;
  /** Unset = in-process bus, executors inside the engine process. */
  redisUrl?: string;
  /** Unset = embedded PGlite in pgliteDir. */
  databaseUrl?: string;
  pgliteDir: string;
  masterKey?: string;
  masterKeyFile?: string;
  venues: { binanceusdm?: string; hyperliquid?: string };
  shards: number;
  /** At start, how long to wait for the executors to finish the signals of the engine's previous run (see runtime/drain.ts). */
  startDrainMs: number;
  /** Fraction of |target| under which a change is not worth an order (price/equity drift). */
  deadBand: number;
  /** Stream prefix for Redis keys (hash tags are added by the bus). */
  busPrefix: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** TradingView webhook ingress (WEBHOOK_* variables). */
  webhook: WebhookConfig;
}

export interface WebhookConfig {
  maxAgeMs: number;
  /** Unset = any source; 'tradingview' and/or a comma list of addresses. */
  ipAllowlist?: string;
  /** Header a trusted proxy sets to the client address; unset = the socket address. */
  trustedProxyHeader?: string;
  maxBodyBytes: number;
  ratePerSource: number;
}

export class ConfigError extends Error {
  readonly code = 'config_invalid';
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Every variable the engine reads, with its meaning; also the source of .env.example. */
export const ENV_VARS: Record<string, string> = {
  ENGINE_PORT: 'HTTP port of the engine API, console and /metrics (default 3000)',
  ENGINE_ADMIN_TOKEN: 'bootstrap bearer token for the operator API (required, at least 16 characters)',
  REDIS_URL: 'Redis for the signal bus, e.g. redis://127.0.0.1:6379 (unset: in-process bus and executors)',
  DATABASE_URL: 'PostgreSQL, e.g. postgres://postgres@127.0.0.1:5432/test (unset: embedded PGlite)',
  PGLITE_DIR: 'folder of the embedded database (default .data/pglite)',
  ENGINE_MASTER_KEY: 'base64 of 32 random bytes: the AES-256-GCM key for API keys at rest',
  ENGINE_MASTER_KEY_FILE: 'or: a file holding that base64 key (outside the database)',
  BINANCEUSDM_URL: 'Binance USD-M base URL (unset: the real venue), e.g. the simulator http://127.0.0.1:18555',
  HYPERLIQUID_URL: 'Hyperliquid base URL (unset: the real venue), e.g. http://127.0.0.1:18556',
  EXECUTOR_SHARDS: 'number of executor shards (default 1)',
  EXECUTOR_METRICS_PORT: 'port of an executor process /metrics (default 9400 + shard; 0 = any free port)',
  EXECUTOR_CONCURRENCY: 'orders one executor runs at once (default 256)',
  EXECUTOR_CLAIM_IDLE_MS: 'idle time after which a dead executor\'s pending signals are reclaimed (default 30000)',
  ENGINE_START_DRAIN_MS: 'at start, longest wait for the executors to finish signals sent before the restart (default 45000: longer than EXECUTOR_CLAIM_IDLE_MS, so signals a dead executor held are reclaimed and finished first; 0 = no wait)',
  ENGINE_DEAD_BAND: 'fraction of a target position under which no order is sent (default 0.02)',
  BUS_PREFIX: 'prefix of Redis stream keys (default wc)',
  LOG_LEVEL: 'debug | info | warn | error (default info)',
  WEBHOOK_MAX_AGE_MS: 'TradingView alerts older than this are refused (default 60000)',
  WEBHOOK_IP_ALLOWLIST: 'webhook sources allowed: unset = any; tradingview = its four published addresses; or a comma list',
  WEBHOOK_TRUSTED_PROXY_HEADER: 'header a trusted proxy puts the client address in, e.g. x-forwarded-for (unset: the socket address)',
  WEBHOOK_MAX_BODY_BYTES: 'largest webhook body accepted, in bytes (default 4096)',
  WEBHOOK_RATE_PER_SOURCE: 'webhooks per second per source address (default 50)',
};

const PREFIXES = ['ENGINE_', 'EXECUTOR_', 'BUS_', 'WEBHOOK_'];

export function loadConfig(env: Record<string, string | undefined> = process.env): EngineConfig {
  const problems: string[] = [];
  const int = (name: string, def: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
    return n;
  };
  const url = (name: string, protocols: string[]) => {
    const raw = env[name];
    if (!raw) return undefined;
    try {
      const u = new URL(raw);
      if (!protocols.includes(u.protocol)) problems.push(`${name} must use ${protocols.join(' or ')}, got "${u.protocol}"`);
    } catch {
      problems.push(`${name} is not a URL: "${raw}"`);
    }
    return raw;
  };
  for (const name of Object.keys(env)) {
    if (PREFIXES.some((p) => name.startsWith(p)) && !(name in ENV_VARS)) problems.push(`unknown variable ${name}`);
  }
  const adminToken = env.ENGINE_ADMIN_TOKEN ?? '';
  if (adminToken.length < 16) problems.push('ENGINE_ADMIN_TOKEN must be set to at least 16 characters');
  const deadBand = Number(env.ENGINE_DEAD_BAND ?? '0.02');
  if (!(deadBand >= 0 && deadBand < 0.5)) problems.push(`ENGINE_DEAD_BAND must be a number in [0, 0.5), got "${env.ENGINE_DEAD_BAND}"`);
  const logLevel = (env.LOG_LEVEL ?? 'info') as EngineConfig['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) problems.push(`LOG_LEVEL must be debug, info, warn or error, got "${logLevel}"`);
  const config: EngineConfig = {
    port: int('ENGINE_PORT', 3000, 0, 65535),
    adminToken,
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    pgliteDir: env.PGLITE_DIR || '.data/pglite',
    masterKey: env.ENGINE_MASTER_KEY || undefined,
    masterKeyFile: env.ENGINE_MASTER_KEY_FILE || undefined,
    venues: { binanceusdm: url('BINANCEUSDM_URL', ['http:', 'https:']), hyperliquid: url('HYPERLIQUID_URL', ['http:', 'https:']) },
    shards: int('EXECUTOR_SHARDS', 1, 1, 1024),
    startDrainMs: int('ENGINE_START_DRAIN_MS', 45_000, 0, 600_000),
    deadBand,
    busPrefix: env.BUS_PREFIX || 'wc',
    logLevel,
    webhook: {
      maxAgeMs: int('WEBHOOK_MAX_AGE_MS', 60_000, 1_000, 86_400_000),
      ipAllowlist: env.WEBHOOK_IP_ALLOWLIST || undefined,
      trustedProxyHeader: env.WEBHOOK_TRUSTED_PROXY_HEADER || undefined,
      maxBodyBytes: int('WEBHOOK_MAX_BODY_BYTES', 4096, 256, 1_048_576),
      ratePerSource: int('WEBHOOK_RATE_PER_SOURCE', 50, 1, 1_000_000),
    },
  };
  for (const item of (env.WEBHOOK_IP_ALLOWLIST ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    if (item.toLowerCase() !== 'tradingview' && isIP(item.replace(/^::ffff:/i, '')) === 0) problems.push(`WEBHOOK_IP_ALLOWLIST: "${item}" is not an IP address or "tradingview"`);
  }
  const proxyHeader = env.WEBHOOK_TRUSTED_PROXY_HEADER;
  if (proxyHeader && !/^[A-Za-z0-9-]{1,64}$/.test(proxyHeader)) problems.push(`WEBHOOK_TRUSTED_PROXY_HEADER must be a header name, got "${proxyHeader}"`);
  if (!config.masterKey && !config.masterKeyFile) problems.push('set ENGINE_MASTER_KEY or ENGINE_MASTER_KEY_FILE (the key that encrypts API keys at rest)');
  if (problems.length) throw new ConfigError(problems);
  return config;
}
