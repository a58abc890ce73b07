// Per-file scaffolding of the engine tests: the venue simulator for the file's tests, cleanups after them, and
// an engine environment on a fresh database and Redis prefix. Test support only (uses bun:test's hooks).
import { afterAll, beforeAll } from 'bun:test';
import { generateKeySpec } from '../src/store';
import { startVenueSimulator, type VenueSimulator } from '../../scripts/venue/server';
import { REDIS_URL, dropRedisPrefix, freshDatabase } from './support';

export interface FileScope {
  /** The venue simulator of the file (no slippage, no fees), started before its first test. */
  readonly sim: VenueSimulator;
  /** Runs after the file's tests, the last registered first. */
  cleanup(fn: () => Promise<unknown>): void;
}

/** Call at the top of a test file: a simulator for its tests, and cleanups (engines, databases) after them. */
export function fileScope(): FileScope {
  let sim: VenueSimulator | undefined;
  const cleanups: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    sim = await startVenueSimulator({ port: 0, slippageBps: 0, takerFee: 0 });
  }, 30_000);
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    await sim?.stop();
  }, 60_000);
  return {
    get sim() {
      if (sim === undefined) throw new Error('the simulator starts in beforeAll: use scope.sim inside a test');
      return sim;
    },
    cleanup: (fn) => void cleanups.push(fn),
  };
}

/**
 * The environment of an engine (and its executors) on a fresh PostgreSQL database and Redis key prefix, both
 * dropped after the file, pointed at the file's simulator; `extra` is added last.
 */
export async function engineEnv(scope: FileScope, token: string, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const db = await freshDatabase();
  const prefix = `t${Math.random().toString(36).slice(2, 8)}`;
  scope.cleanup(db.drop);
  scope.cleanup(() => dropRedisPrefix(prefix));
  return {
    ENGINE_ADMIN_TOKEN: token, ENGINE_MASTER_KEY: generateKeySpec(), REDIS_URL, DATABASE_URL: db.url, ENGINE_PORT: '0',
    BINANCEUSDM_URL: scope.sim.binanceUrl, HYPERLIQUID_URL: scope.sim.hyperliquidUrl, EXECUTOR_SHARDS: '1', BUS_PREFIX: prefix,
    LOG_LEVEL: 'error', ...extra,
  };
}
