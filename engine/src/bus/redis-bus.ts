// The bus over Redis Streams (ioredis): connection policy (fail fast on publish, reconnect forever) and
// readiness. Stream semantics live in redis-backend.ts; this file owns the ioredis connections only.
import { Redis } from 'ioredis';
import { BusUnavailableError } from './errors';
import { BusKeys } from './keys';
import { RedisStreamBackend } from './redis-backend';
import { StreamBus } from './stream-bus';

export interface RedisBusOptions {
  /** Default 'redis://127.0.0.1:6379'. */
  readonly url?: string;
  /** Key prefix before the hash tag: `${keyPrefix}:{s3}:signals`. Default 'wc'. */
  readonly keyPrefix?: string;
  /** Give up one connection attempt after this long. Default 1000. */
  readonly connectTimeoutMs?: number;
  /** A command without an answer this long (beyond its own BLOCK time) fails with bus_unavailable. Default 1000. */
  readonly commandTimeoutMs?: number;
  /** CLIENT SETNAME of the publisher; consumers get `${connectionName}-consumer`. Default 'whalecopy-bus'. */
  readonly connectionName?: string;
  /** Connection trouble, reported once per outage per connection. Default: console.warn. */
  readonly onConnectionError?: (error: Error) => void;
}

/** Reconnect forever: 100 ms, doubling, at most 1 s between attempts. */
const retryStrategy = (attempt: number): number => Math.min(50 * 2 ** Math.min(attempt, 5), 1_000);

export class RedisBus extends StreamBus {
  readonly kind = 'redis' as const;
  private readonly redis: Redis;

  constructor(options: RedisBusOptions = {}) {
    new BusKeys(options.keyPrefix); // refuse a bad prefix before opening any connection
    const commandTimeoutMs = options.commandTimeoutMs ?? 1_000;
    const connectionName = options.connectionName ?? 'whalecopy-bus';
    const onConnectionError = options.onConnectionError ?? ((error) => console.warn(`[bus] redis: ${error.message}`));
    // Publisher/ops connection: no offline queue and no retries, so a publish while Redis is away
    // rejects at once (bus_unavailable) and the caller decides; it never waits for a reconnect.
    const redis = watch(
      new Redis(options.url ?? 'redis://127.0.0.1:6379', {
        protocol: 2,
        connectTimeout: options.connectTimeoutMs ?? 1_000,
        commandTimeout: commandTimeoutMs,
        maxRetriesPerRequest: 0,
        enableOfflineQueue: false,
        retryStrategy,
        connectionName,
      }),
      onConnectionError,
    );
    // Consumer connections: one each (blocking reads), commands wait while reconnecting; a dropped
    // connection fails its in-flight command so the consumer loop backs off and retries.
    const openConnection = (maxBlockMs: number): Redis =>
      watch(
        redis.duplicate({
          enableOfflineQueue: true,
          commandTimeout: maxBlockMs + commandTimeoutMs,
          connectionName: `${connectionName}-consumer`,
        }),
        onConnectionError,
      );
    super(new RedisStreamBackend(redis, openConnection), options.keyPrefix);
    this.redis = redis;
  }

  /** Resolves once the publisher connection is ready; rejects with bus_unavailable after timeoutMs. */
  ready(timeoutMs = 5_000): Promise<void> {
    if (this.redis.status === 'ready') return Promise.resolve();
    if (this.redis.status === 'end') return Promise.reject(new BusUnavailableError('Redis connection is closed'));
    return new Promise<void>((resolve, reject) => {
      const onReady = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.redis.off('ready', onReady);
        reject(new BusUnavailableError(`Redis not ready after ${timeoutMs} ms (status ${this.redis.status})`));
      }, timeoutMs);
      this.redis.once('ready', onReady);
    });
  }
}

/** Routes a connection's 'error' events (ioredis would print each one) to one report per outage. */
function watch(redis: Redis, report: (error: Error) => void): Redis {
  let healthy = true;
  redis.on('ready', () => (healthy = true));
  redis.on('error', (error: Error) => {
    if (!healthy) return;
    healthy = false;
    report(error);
  });
  return redis;
}
