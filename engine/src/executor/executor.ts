// The executor of one shard: consumes SignalBatch entries from the bus, runs each follower's orders in
// leg order (followers side by side, bounded), publishes one ExecutionReport per order, then lets the
// bus acknowledge. It must not decide sizes or risk: it executes what the signal says.
import {
  decodeSignalBatch, encodeExecutionReport, streamIdTimeMs, type Bus, type BusConsumer, type BusEntry, type ConsumerOptions, type ExecutionReport,
  type OrderSignal, type SignalBatch,
} from '../bus';
import { InvalidArgumentError, systemClock, type Clock } from '../core';
import type { Venue } from '../model';
import { ClientPool, type BinanceOrderTransport } from './client-pool';
import { ExecutorAbortedError } from './errors';
import { DEFAULT_CONCURRENCY, FollowerLanes } from './follower-lanes';
import { RateLimiters } from './rate-limit/rate-limiters';
import { VENUE_LIMITS, type VenueLimits } from './rate-limit/venue-limits';
import { ReferencePrices } from './reference-prices';
import { DEFAULT_RESOLVE_POLICY, type ResolvePolicy } from './resolve-order';
import { SignalRunner } from './signal-runner';
import { realSleep, type Sleep } from './timing';
import type { CredentialsLookup, ExecutionObserver, OrderTransport } from './types';
import { fetchMarkPrices } from './venue-port';

export interface ExecutorOptions {
  readonly bus: Bus;
  readonly shard: number;
  /** Consumer name in the shard's group: unique per process (main.ts: hostname + pid). */
  readonly consumer: string;
  readonly credentials: CredentialsLookup;
  /** Base URL per venue (the simulator); unset = the real venue. */
  readonly venueUrls?: Partial<Record<Venue, string>>;
  /** Followers whose orders run at the same time. Default DEFAULT_CONCURRENCY (256). */
  readonly concurrency?: number;
  /** Replaces a venue's request limits (tests; another egress setup). Default VENUE_LIMITS. */
  readonly limits?: Partial<Record<Venue, VenueLimits>>;
  /** Retry and lookup bounds for every order. */
  readonly policy?: Partial<ResolvePolicy>;
  /** How long a lost order request may still execute: Binance recvWindowMs + 2000, Hyperliquid 3000 by default. */
  readonly settleMs?: Partial<Record<Venue, number>>;
  /** ccxt timeout of order requests. Default 5000. */
  readonly orderTimeoutMs?: number;
  /** Binance recvWindow of order requests. Default 5000. */
  readonly recvWindowMs?: number;
  /** How Binance USD-M orders are sent: over each account's WebSocket API connection (default), or REST only. */
  readonly binanceOrders?: BinanceOrderTransport;
  /** Order sockets opened in any 5 minutes (default 100); accounts past it send over REST until their turn. */
  readonly socketOpensPerFiveMinutes?: number;
  /** How long a fetched mark price serves signals without ref_price. Default 2000. */
  readonly tickerTtlMs?: number;
  /** Client order ids remembered for duplicate detection. Default 100000. */
  readonly memory?: number;
  readonly observer?: ExecutionObserver;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  /** Consumer group settings (group, claimIdleMs, batchSize, ...). */
  readonly consumerOptions?: Omit<ConsumerOptions, 'consumer'>;
  /** Observer failures; bus handler failures go to consumerOptions.onError. Default console.warn. */
  readonly onError?: (error: Error) => void;
}

export type ExecutorState = 'idle' | 'running' | 'stopping' | 'stopped' | 'aborted';

export class Executor {
  /** The follower ccxt instances (diagnostics and tests). */
  readonly clients: ClientPool;
  private readonly runner: SignalRunner;
  private readonly lanes: FollowerLanes;
  private readonly clock: Clock;
  private readonly inflight = new Set<Promise<unknown>>();
  private consumer: BusConsumer | undefined;
  private current: ExecutorState = 'idle';

  constructor(private readonly options: ExecutorOptions) {
    this.clock = options.clock ?? systemClock;
    const sleep = options.sleep ?? realSleep;
    const recvWindowMs = options.recvWindowMs ?? 5_000;
    this.clients = new ClientPool({
      venueUrls: options.venueUrls ?? {},
      credentials: options.credentials,
      timeoutMs: options.orderTimeoutMs ?? 5_000,
      recvWindowMs,
      binanceOrders: options.binanceOrders ?? 'websocket',
      socketOpensPerFiveMinutes: options.socketOpensPerFiveMinutes,
    });
    const policy = { ...DEFAULT_RESOLVE_POLICY, ...options.policy };
    const prices = new ReferencePrices(async (venue) => fetchMarkPrices(await this.clients.loader(venue)), this.clock, options.tickerTtlMs ?? 2_000);
    this.runner = new SignalRunner({
      pool: this.clients,
      limiters: new RateLimiters({ ...VENUE_LIMITS, ...options.limits }, this.clock, sleep),
      prices,
      policies: {
        binanceusdm: { ...policy, settleMs: options.settleMs?.binanceusdm ?? recvWindowMs + 2_000 },
        hyperliquid: { ...policy, settleMs: options.settleMs?.hyperliquid ?? 3_000 },
      },
      clock: this.clock,
      sleep,
      assertAlive: () => this.assertAlive(),
      shard: options.shard,
      memory: options.memory ?? 100_000,
      onOrderRequest: options.observer?.onOrderRequest && ((venue, transport) => this.observeRequest(venue, transport)),
    });
    this.lanes = new FollowerLanes(options.concurrency ?? DEFAULT_CONCURRENCY);
  }

  get state(): ExecutorState {
    return this.current;
  }

  /** Starts consuming the shard's signal stream; resolves once the consumer group is ready. */
  async start(): Promise<void> {
    if (this.current !== 'idle') throw new InvalidArgumentError(`executor ${this.options.consumer} cannot start from state ${this.current}`);
    this.current = 'running';
    const consumerOptions: ConsumerOptions = { ...this.options.consumerOptions, consumer: this.options.consumer };
    this.consumer = this.options.bus.consumeSignals(this.options.shard, consumerOptions, (entry) => this.handle(entry));
    await this.consumer.ready;
  }

  /**
   * Executes every order of one batch and publishes a report for each; resolves when all reports are
   * published (the bus acks after that). A transient failure (store or venue unreachable) rejects
   * after the other followers' orders have finished, so the entry is delivered again.
   */
  executeBatch(batch: SignalBatch, deliveryCount = 1, dequeuedMs = this.clock.nowMs()): Promise<ExecutionReport[]> {
    const work = this.runBatch(batch, deliveryCount, dequeuedMs);
    this.inflight.add(work);
    void work.finally(() => this.inflight.delete(work)).catch(() => undefined);
    return work;
  }

  /** Graceful stop: no new entries, the batch in hand finishes and is acked, then ccxt clients close. */
  async stop(): Promise<void> {
    if (this.current === 'stopped' || this.current === 'aborted') return;
    this.current = 'stopping';
    await this.consumer?.stop();
    await Promise.allSettled([...this.inflight]);
    await this.clients.close();
    this.current = 'stopped';
  }

  /** Stops as if the process died: no further venue call, report or ack; other consumers claim the rest. */
  abort(): void {
    this.current = 'aborted';
    this.consumer?.abort();
    // Work in flight fails at its next venue call or publish; release the clients after it has.
    void Promise.allSettled([...this.inflight]).then(() => this.clients.close());
  }

  private async handle(entry: BusEntry): Promise<void> {
    const dequeuedMs = this.clock.nowMs();
    const batch = decodeSignalBatch(entry.bytes); // BusDecodeError: dead-lettered at once
    // The batch is encoded before its XADD, so the ack time comes from the entry id (the bus's clock, ms).
    if (batch.hops.xaddAckMs === 0) batch.hops.xaddAckMs = streamIdTimeMs(entry.id);
    await this.executeBatch(batch, entry.deliveryCount, dequeuedMs);
  }

  private async runBatch(batch: SignalBatch, deliveryCount: number, dequeuedMs: number): Promise<ExecutionReport[]> {
    this.assertAlive();
    const hops = { ...batch.hops, dequeuedMs };
    const groups = byFollowerInLegOrder(batch.signals);
    const interleave = groups.size > 1;
    // Reports go out together (up to REPORT_FLUSH at a time, the rest when the batch ends): one burst of
    // XADDs instead of one per order, so Redis wakes the engine's report reader once, not 100 times,
    // while this batch's other orders are still being sent.
    const pending: Array<{ report: ExecutionReport; latencyMs: number }> = [];
    const reports: ExecutionReport[] = [];
    const flush = () => this.publishAll(pending.splice(0, pending.length));
    const settled = await Promise.allSettled(
      [...groups].map(([followerId, signals]) =>
        this.lanes.run(followerId, async () => {
          // One macrotask per follower: its order runs through every already-settled await up to the
          // request before the next follower starts, so the first requests leave while later ones are
          // still being built (microtask interleaving would hold every request until all were built).
          // A batch of one follower has nobody to let go first: its order starts at once.
          if (interleave) await nextTurn();
          for (const signal of signals) {
            const report = await this.runner.run(signal, { deliveryCount, hops });
            reports.push(report);
            pending.push({ report, latencyMs: this.clock.nowMs() - dequeuedMs });
            if (pending.length >= REPORT_FLUSH) await flush();
          }
        }),
      ),
    );
    await flush(); // the outcomes of every follower that got one, also when another follower's order failed
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    return reports;
  }

  private async publishAll(batch: ReadonlyArray<{ report: ExecutionReport; latencyMs: number }>): Promise<void> {
    if (batch.length === 0) return;
    this.assertAlive();
    await this.options.bus.publishReports(batch.map(({ report }) => encodeExecutionReport(report)));
    for (const { report, latencyMs } of batch) this.observe(report, latencyMs);
  }

  private observeRequest(venue: Venue, transport: OrderTransport): void {
    try {
      this.options.observer?.onOrderRequest?.(this.options.shard, venue, transport);
    } catch (error) {
      (this.options.onError ?? ((e: Error) => console.warn(`[executor] observer: ${e.message}`)))(error as Error);
    }
  }

  private observe(report: ExecutionReport, latencyMs: number): void {
    const observer = this.options.observer;
    if (!observer) return;
    try {
      observer.onOrder(report, latencyMs);
    } catch (error) {
      (this.options.onError ?? ((e: Error) => console.warn(`[executor] observer: ${e.message}`)))(error as Error);
    }
  }

  private assertAlive(): void {
    if (this.current === 'aborted') throw new ExecutorAbortedError(`executor ${this.options.consumer} was aborted`);
  }
}

/** Reports published together at most (a batch's first hundred outcomes do not wait for its last). */
const REPORT_FLUSH = 100;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Signals grouped by follower (first-seen order), each group sorted by leg: close (0) before open (1). */
export function byFollowerInLegOrder(signals: readonly OrderSignal[]): Map<string, OrderSignal[]> {
  const groups = new Map<string, OrderSignal[]>();
  for (const signal of signals) {
    const group = groups.get(signal.followerId);
    if (group) group.push(signal);
    else groups.set(signal.followerId, [signal]);
  }
  for (const group of groups.values()) if (group.length > 1) group.sort((a, b) => a.leg - b.leg); // stable
  return groups;
}
