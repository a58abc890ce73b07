// Test helpers for the executor's integration tests: simulator accounts as followers, signals with real
// client order ids, a report reader on the bus, and the venue's view of an account. Test-only code.
import { Redis } from 'ioredis';
import { startVenueSimulator, type VenueSimulator } from '../../../scripts/venue/server';
import {
  decodeExecutionReport, emptyHops, type Bus, type BusConsumer, type ExecutionReport, type OrderSignal, type SignalBatch,
} from '../bus';
import { clientOrderId } from '../core';
import type { Venue } from '../model';
import { MissingCredentialsError } from './errors';
import type { CredentialsLookup, FollowerCredentials } from './types';

export { startVenueSimulator, type VenueSimulator };

export interface SimFollower {
  readonly followerId: string;
  /** The simulator's account id. */
  readonly accountId: string;
  readonly venue: Venue;
  readonly credentials: FollowerCredentials;
}

export interface AdminOrder {
  id: string;
  clientOrderId: string;
  symbol: string;
  side: 'buy' | 'sell';
  amount: number;
  filled: number;
  status: string;
  reduceOnly: boolean;
  timestamp: number;
}

async function admin(sim: VenueSimulator, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${sim.adminUrl}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

let followerCounter = 0;

export async function simFollower(sim: VenueSimulator, venue: Venue, balance = 100_000): Promise<SimFollower> {
  const a = await admin(sim, 'POST', '/accounts', { venue, balance });
  const credentials: FollowerCredentials = venue === 'binanceusdm'
    ? { venue, apiKey: a.apiKey, secret: a.secret }
    : { venue, address: a.address, privateKey: a.privateKey };
  followerCounter += 1;
  return { followerId: `follower-${process.pid}-${followerCounter}`, accountId: a.id, venue, credentials };
}

export function credentialsOf(followers: readonly SimFollower[]): CredentialsLookup {
  const byId = new Map(followers.map((f) => [f.followerId, f.credentials]));
  return async (followerId) => {
    const credentials = byId.get(followerId);
    if (!credentials) throw new MissingCredentialsError(`no credentials for ${followerId}`, { ids: { followerId } });
    return credentials;
  };
}

export function signalFor(
  f: SimFollower,
  whaleSeq: number,
  side: 'buy' | 'sell',
  amount: string,
  options: { symbol?: string; leg?: 0 | 1; reduceOnly?: boolean; leverage?: number; refPrice?: string } = {},
): OrderSignal {
  const symbol = options.symbol ?? (f.venue === 'binanceusdm' ? 'BTC/USDT:USDT' : 'BTC/USDC:USDC');
  const leg = options.leg ?? 1;
  return {
    clientOrderId: clientOrderId(f.venue, f.followerId, whaleSeq, symbol, leg),
    followerId: f.followerId, whaleId: 'whale-1', venue: f.venue, symbol, side, amount,
    reduceOnly: options.reduceOnly ?? leg === 0, leg, whaleSeq, leverage: options.leverage ?? 0, refPrice: options.refPrice ?? '',
  };
}

export function batchOf(shard: number, whaleSeq: number, signals: readonly OrderSignal[]): SignalBatch {
  return { shard, whaleId: 'whale-1', whaleSeq, signals, hops: { ...emptyHops(), xaddAckMs: performance.timeOrigin + performance.now() } };
}

export async function venueOrders(sim: VenueSimulator, accountId: string): Promise<AdminOrder[]> {
  return (await admin(sim, 'GET', `/accounts/${accountId}`)).orders as AdminOrder[];
}

/** Arms a fault; returns the simulator's description of the armed faults. */
export async function setFault(sim: VenueSimulator, spec: Record<string, unknown>): Promise<Record<string, any>> {
  return admin(sim, 'POST', '/faults', spec);
}

/** Order faults of `kind` still armed (not yet consumed by an order). */
export async function armedFaults(sim: VenueSimulator, kind: 'dropReplyAfterFill' | 'unknownErrorAfterFill'): Promise<number> {
  const described = await admin(sim, 'POST', '/faults', {});
  return (described[kind] as { remaining: number }[]).reduce((sum, f) => sum + f.remaining, 0);
}

/** Reads the report stream of a bus into memory. */
export class ReportReader {
  readonly reports: ExecutionReport[] = [];
  private readonly consumer: BusConsumer;

  constructor(bus: Bus, name = 'report-reader') {
    this.consumer = bus.consumeReports({ consumer: name, group: `${name}-group`, blockMs: 50, onError: () => undefined }, async (entry) => {
      this.reports.push(decodeExecutionReport(entry.bytes));
    });
  }

  ready(): Promise<void> {
    return this.consumer.ready;
  }

  of(clientOrderId: string): ExecutionReport[] {
    return this.reports.filter((r) => r.clientOrderId === clientOrderId);
  }

  /** Waits until `check` holds (polling), or fails with the reports seen so far. */
  async waitFor(check: (reports: readonly ExecutionReport[]) => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!check(this.reports)) {
      if (performance.now() > deadline) throw new Error(`timed out waiting for reports; have ${JSON.stringify(this.reports.map((r) => [r.clientOrderId, r.status]))}`);
      await Bun.sleep(10);
    }
  }

  stop(): Promise<void> {
    return this.consumer.stop();
  }
}

/** Deletes every Redis key starting with `prefix` (SCAN, never KEYS). */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { protocol: 2, lazyConnect: true });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
