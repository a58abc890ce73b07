// Executes one OrderSignal end to end on the follower's ccxt instance: credentials, leverage, price,
// rate limit, send-or-lookup, and the report. Publishing and batching belong to executor.ts.
import { BadSymbol } from 'ccxt';
import type { ExecutionReport, HopStamps, OrderSignal } from '../bus';
import type { Clock } from '../core';
import type { Venue } from '../model';
import type { ProClient } from '../venues';
import type { ClientPool } from './client-pool';
import {
  CredentialsVenueMismatchError, InvalidSignalError, LeverageFailedError, MissingCredentialsError, NoReferencePriceError,
} from './errors';
import { buildReport, fieldsOfFailure, fieldsOfResolution } from './order-report';
import type { RateLimiters } from './rate-limit/rate-limiters';
import type { VenueOp } from './rate-limit/venue-limits';
import { RecentIds } from './recent-ids';
import type { ReferencePrices } from './reference-prices';
import { resolveOrder, type ResolveHooks, type ResolvePolicy, type ResolveResult } from './resolve-order';
import { backoffMs, type Sleep } from './timing';
import type { OrderTransport } from './types';
import { classifyOrderError, errorClassName, errorText } from './venue-errors';
import { marketOrderPort, setLeverage } from './venue-port';

export interface SignalRunnerDeps {
  readonly pool: ClientPool;
  readonly limiters: RateLimiters;
  readonly prices: ReferencePrices;
  readonly policies: Readonly<Record<Venue, ResolvePolicy>>;
  readonly clock: Clock;
  readonly sleep: Sleep;
  /** Throws once the executor is aborted; called before every venue call. */
  readonly assertAlive: () => void;
  readonly shard: number;
  /** Client order ids remembered for duplicate detection. */
  readonly memory: number;
  /** Hears every order request as it is sent (metrics). */
  readonly onOrderRequest?: (venue: Venue, transport: OrderTransport) => void;
}

export interface SignalDelivery {
  readonly deliveryCount: number;
  /** The batch's hops with dequeued_ms stamped. */
  readonly hops: HopStamps;
}

const LEVERAGE_TRIES = 3;

export class SignalRunner {
  /** Ids this process has handled: a second signal with one of them is looked up before sending. */
  private readonly seen: RecentIds<true>;
  /** Ids whose outcome stayed unknown, with the time their last request was sent. */
  private readonly uncertain: RecentIds<number>;
  /** Last leverage set per follower and symbol. */
  private readonly leverage = new Map<string, number>();

  constructor(private readonly deps: SignalRunnerDeps) {
    this.seen = new RecentIds(deps.memory);
    this.uncertain = new RecentIds(deps.memory);
  }

  async run(signal: OrderSignal, delivery: SignalDelivery): Promise<ExecutionReport> {
    const { deps } = this;
    const hops: HopStamps = { ...delivery.hops, orderSentMs: 0, venueAckMs: 0 };
    const fail = (error: unknown) => buildReport(signal, fieldsOfFailure('rejected', error), 0, hops, deps.shard);
    const amount = Number(signal.amount);
    if (!(amount > 0) || !Number.isFinite(amount)) {
      return fail(new InvalidSignalError(`amount ${JSON.stringify(signal.amount)} is not a positive number`, { ids: { clientOrderId: signal.clientOrderId } }));
    }
    deps.assertAlive();
    let ex: ProClient;
    try {
      ex = await deps.pool.client(signal.followerId, signal.venue);
    } catch (error) {
      if (error instanceof MissingCredentialsError || error instanceof CredentialsVenueMismatchError) return fail(error);
      throw error; // store or venue unreachable: the batch is delivered again later
    }
    if (ex.markets?.[signal.symbol] === undefined) return fail(new BadSymbol(`${signal.venue} has no market ${signal.symbol}`));

    const id = signal.clientOrderId;
    let price: number | undefined;
    const port = marketOrderPort(ex, {
      venue: signal.venue, symbol: signal.symbol, side: signal.side, amount, amountText: signal.amount, clientOrderId: id, reduceOnly: signal.reduceOnly,
    }, () => price, () => deps.clock.nowMs(), deps.onOrderRequest);
    const lookupFirst = delivery.deliveryCount > 1 || this.seen.has(id);
    const uncertainSinceMs = this.uncertain.get(id);
    this.seen.set(id, true);
    const hooks: ResolveHooks = {
      ...this.hooks(signal.venue, signal.followerId),
      // Only when the order is really about to go out: a redelivered order found at the venue needs neither.
      beforeSend: async () => {
        await this.ensureLeverage(ex, signal);
        if (signal.venue === 'hyperliquid') price = await deps.prices.forSignal(signal);
      },
    };
    let result: ResolveResult;
    try {
      result = await resolveOrder(port, hooks, { lookupFirst, uncertainSinceMs, policy: deps.policies[signal.venue] });
    } catch (error) {
      if (error instanceof LeverageFailedError || error instanceof NoReferencePriceError) return fail(error);
      throw error;
    }
    if (result.resolution.kind === 'unknown') this.uncertain.set(id, Math.max(result.orderSentMs, uncertainSinceMs ?? 0));
    else this.uncertain.delete(id);
    hops.orderSentMs = result.orderSentMs;
    hops.venueAckMs = result.venueAckMs;
    const fields = fieldsOfResolution(result.resolution, amount, deps.pool.amountStep(signal.venue, signal.symbol));
    return buildReport(signal, fields, result.attempts, hops, deps.shard);
  }

  private hooks(venue: Venue, followerId: string): ResolveHooks {
    const { deps } = this;
    return {
      clock: deps.clock,
      sleep: deps.sleep,
      gate: (op) => this.gate(venue, followerId, op),
      rateLimited: (waitMs) => deps.limiters.blockUntil(venue, followerId, deps.clock.nowMs() + waitMs),
    };
  }

  private async gate(venue: Venue, followerId: string, op: VenueOp): Promise<void> {
    this.deps.assertAlive();
    await this.deps.limiters.acquire(venue, followerId, op);
    this.deps.assertAlive();
  }

  /** Sets the follower's leverage when the signal asks for one other than the last set (opening orders only). */
  private async ensureLeverage(ex: ProClient, signal: OrderSignal): Promise<void> {
    if (signal.leverage <= 0 || signal.reduceOnly) return;
    const key = `${signal.followerId}|${signal.symbol}`;
    if (this.leverage.get(key) === signal.leverage) return;
    const policy = this.deps.policies[signal.venue];
    for (let attempt = 1; ; attempt++) {
      await this.gate(signal.venue, signal.followerId, 'leverage');
      try {
        await setLeverage(ex, signal.symbol, signal.leverage);
        this.leverage.set(key, signal.leverage);
        return;
      } catch (error) {
        this.leverage.delete(key);
        const disposition = classifyOrderError(error);
        if (disposition === 'rejected' || attempt >= LEVERAGE_TRIES) {
          throw new LeverageFailedError(`setLeverage(${signal.leverage}, ${signal.symbol}) failed: ${errorClassName(error)}: ${errorText(error)}`, {
            cause: error, ids: { followerId: signal.followerId, symbol: signal.symbol },
          });
        }
        await this.deps.sleep(backoffMs(attempt - 1, policy.backoffBaseMs, policy.backoffMaxMs));
      }
    }
  }
}
