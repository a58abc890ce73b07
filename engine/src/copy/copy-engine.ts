// The copy path's hot loop: a whale's positions changed -> for every follow of that whale, diff target
// against actual + in flight, gate each intent through risk, batch signals per executor shard, one XADD
// pipeline. No database call, no logging per follower, no await except the bus.
import { BusPublishIncompleteError, PAYLOAD_TAILROOM, type ExecutionReport, type HopStamps, type OrderSignal, type ShardPayload } from '../bus';
import { clientOrderId, clientOrderIdOf, formatToStep, seqText, shardOf, stepsToAmount } from '../core';
import { diffFollowerLegs, newDiffLegs, type FollowerDiffInput } from '../diff';
import { baseOfSymbol, type Follow, type FollowerBookEntry, type MarketSpec, type OrderIntent, type OrderLeg, type Venue } from '../model';
import { checkIntent, type RiskContext } from '../risk';
import { FLATTEN_WHALE_ID, closeAmount, flattenTargets, type FlattenScope } from './flatten';
import { FollowIndex, sameSizing, type FollowRuntime } from './follows';
import { BatchRooms } from './batch-rooms';
import { ShardSignals } from './shard-signals';
import { othersTarget } from './shares';
import type { CopyEngineOptions, WhaleChange } from './types';

export type { CopyEngineOptions, CopyObserver, MarketCatalog, SkipReason, WhaleChange } from './types';

/** What one pass reads once per (follower venue, whale symbol) instead of once per follower. */
interface PassLookup {
  readonly market: MarketSpec | undefined;
  readonly mark: number;
  /** The mark as sent in OrderSignal.refPrice ('' when unknown). */
  readonly refPrice: string;
  readonly whaleContracts: number;
  readonly whaleEquity: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class CopyEngine {
  readonly follows = new FollowIndex();
  private seq: number;
  private readonly o: CopyEngineOptions;
  // Per-follower scratch, refilled for every diff (diffFollower and checkIntent keep none of them).
  private readonly bookScratch: Mutable<FollowerBookEntry> & { equity: number; synced: boolean } = { actual: 0, inFlight: 0, equity: NaN, synced: false };
  private readonly diffScratch: Mutable<FollowerDiffInput>;
  private readonly riskScratch: Mutable<RiskContext>;
  private readonly legs = newDiffLegs();
  /** The leg being checked and sent (a denial gets a copy of it). */
  private readonly intent: Mutable<OrderIntent> = {
    followerId: '', whaleId: '', venue: 'binanceusdm', symbol: '', side: 'buy', amount: 0, reduceOnly: false, leg: 0, whaleSeq: 0, clientOrderId: '',
  };
  // formatToStep of the last signal: followers sized alike get the same amount string without reformatting.
  private lastAmount = NaN;
  private lastStep = NaN;
  private lastAmountText = '';
  /** Clock at the start of the current pass: the in-flight orders' creation time. */
  private passMs = 0;
  /** Each shard's batch buffer, kept for the next pass once the XADD was acknowledged. */
  private readonly rooms = new BatchRooms();

  constructor(options: CopyEngineOptions) {
    this.o = options;
    this.seq = options.seqSeed ?? Math.floor(options.clock.nowMs() * 1000);
    const none = undefined as unknown as never;
    this.diffScratch = {
      follow: none, market: none, whaleSeq: -1, whaleContracts: 0, mark: NaN, book: this.bookScratch, whaleEquity: NaN, followerEquity: NaN, memo: none,
      followKey: none, seqText: '', othersTarget: 0,
    };
    this.riskScratch = { states: options.states, follow: none, market: none, mark: NaN, followerEquity: NaN, otherNotional: 0, othersTarget: 0 };
  }

  /**
   * Adds or replaces a follow. `waitingOut` (wait_next_change; copy_now ignores it): whale symbol -> the whale's
   * contracts the follow waits out, each held against the follower venue's market of the same asset. True when
   * a replaced follow's memos were reset (sizing, caps or leverage changed): it waits out nothing any more.
   * A follow switched from wait_next_change to copy_now stops waiting.
   */
  addFollow(follow: Follow, followerVenue: Venue, waitingOut: ReadonlyMap<string, number>): boolean {
    const before = this.follows.get(follow.id)?.follow;
    const start = new Map<string, number>();
    for (const [whaleSymbol, contracts] of waitingOut) {
      const market = this.o.markets.market(followerVenue, baseOfSymbol(whaleSymbol));
      if (market !== undefined) start.set(market.symbol, contracts);
    }
    const rt = this.follows.upsert(follow, followerVenue, start);
    // Switched to copy_now: what it was still waiting out is copied from now on (its other memos stay).
    if (before?.existing === 'wait_next_change' && follow.existing === 'copy_now') {
      const waiting = [...rt.memos].filter(([, memo]) => memo.waiting).map(([symbol]) => symbol);
      for (const symbol of waiting) rt.memos.delete(symbol);
    }
    return before !== undefined && !sameSizing(before, follow);
  }

  /** A fresh sequence for every emitting pass (whale change or repair), so no client order id repeats. */
  nextSeq(): number {
    this.seq = Math.max(this.seq + 1, Math.floor(this.o.clock.nowMs() * 1000));
    return this.seq;
  }

  /** The whale book has been updated with `change`; diff every follow of that whale and publish. */
  async onWhaleChange(change: WhaleChange): Promise<number> {
    const follows = this.follows.ofWhale(change.whaleId);
    if (follows.length === 0) return 0;
    const seq = this.nextSeq();
    const out = new ShardSignals(this.o.shards, change.whaleId, seq, this.rooms, follows.length * change.changed.length);
    this.passMs = this.o.clock.nowMs();
    try {
      // Symbol outer, follows inner: the market and mark of each follower venue are looked up once per pass.
      for (let s = 0; s < change.changed.length; s++) {
        const symbol = change.changed[s]!;
        const bn = this.lookup('binanceusdm', change.whaleId, symbol);
        const hl = this.lookup('hyperliquid', change.whaleId, symbol);
        for (let i = 0; i < follows.length; i++) {
          const rt = follows[i]!;
          rt.unblock(symbol);
          this.diffOne(rt, symbol, seq, out, rt.followerVenue === 'binanceusdm' ? bn : hl);
        }
      }
    } catch (e) {
      this.release(out); // a pass that cannot finish sends nothing: what it put in flight is taken back
      throw e;
    }
    return this.publish(change.whaleId, seq, out, change.venueTs, change.rxTs);
  }

  /** Re-diff one follower against every whale it follows (after a reconnect snapshot or a manual change). */
  async repairFollower(followerId: string): Promise<number> {
    let sent = 0;
    const follows = this.follows.ofFollower(followerId);
    // A follower copying several whales: a follow may wait for another's target in a market (see
    // shares.ts); the first round sizes every follow, a second sends what the first had to hold back.
    for (let round = follows.length > 1 ? 2 : 1; round > 0; round--) for (const rt of follows) {
      const seq = this.nextSeq();
      const out = new ShardSignals(this.o.shards, rt.follow.whaleId, seq, this.rooms);
      this.passMs = this.o.clock.nowMs();
      try {
        for (const symbol of this.o.whales.positions(rt.follow.whaleId).keys()) {
          if (rt.isBlocked(symbol)) continue;
          this.diffOne(rt, symbol, seq, out, this.lookup(rt.followerVenue, rt.follow.whaleId, symbol));
        }
      } catch (e) {
        this.release(out);
        throw e;
      }
      const now = this.o.clock.nowMs();
      sent += await this.publish(rt.follow.whaleId, seq, out, now, now);
    }
    return sent;
  }

  /**
   * Flatten: reduce-only closes of every follower position the scope covers (see flattenTargets), in one
   * pass through the normal bus path, bypassing the risk gate (closing is what a halt or reduce asks for).
   */
  async flatten(scope: FlattenScope, id: string, followerVenues: ReadonlyMap<string, Venue>): Promise<number> {
    const whaleId = scope === 'whale' ? id : FLATTEN_WHALE_ID;
    const seq = this.nextSeq();
    const out = new ShardSignals(this.o.shards, whaleId, seq, this.rooms);
    for (const target of flattenTargets(scope, id, this.follows, this.o.whales, followerVenues)) {
      for (const symbol of this.o.followers.symbols(target.followerId) ?? []) {
        const base = baseOfSymbol(symbol);
        const market = target.bases === undefined || target.bases.has(base) ? this.o.markets.market(target.venue, base) : undefined;
        if (market === undefined || market.symbol !== symbol) continue;
        const book = this.o.followers.entry(target.followerId, symbol);
        const close = closeAmount(book.actual, book.inFlight, market.amountStep);
        if (close === 0) continue;
        const mark = this.o.mark(market.venue, symbol);
        const cid = clientOrderId(target.venue, `flatten:${target.followerId}`, seq, symbol, 0);
        const amount = formatToStep(Math.abs(close), market.amountStep);
        out.add(shardOf(target.followerId, this.o.shards), {
          clientOrderId: cid,
          followerId: target.followerId, whaleId, venue: target.venue, symbol, side: close > 0 ? 'sell' : 'buy',
          amount, reduceOnly: true, leg: 0, whaleSeq: seq, leverage: 0,
          refPrice: mark !== undefined && Number.isFinite(mark) ? String(mark) : '',
        });
        this.o.followers.addInFlight(target.followerId, symbol, cid, close > 0 ? -Number(amount) : Number(amount), this.o.clock.nowMs());
      }
    }
    const now = this.o.clock.nowMs();
    return this.publish(whaleId, seq, out, now, now);
  }

  /** An executor's outcome: settle the in-flight order; a venue rejection blocks repairs until the whale moves. */
  onReport(report: ExecutionReport): void {
    const terminal = report.status !== 'unknown' && report.status !== 'partially_filled';
    this.o.followers.applyOrderUpdate(report, Number(report.filledAmount) || 0, terminal, this.o.clock.nowMs());
    if (report.status === 'rejected') {
      for (const rt of this.follows.ofFollower(report.followerId)) {
        if (rt.follow.whaleId === report.whaleId) rt.block(this.whaleSymbolFor(rt, report.symbol));
      }
    }
  }

  private whaleSymbolFor(rt: FollowRuntime, followerSymbol: string): string {
    const base = baseOfSymbol(followerSymbol);
    for (const symbol of this.o.whales.positions(rt.follow.whaleId).keys()) if (baseOfSymbol(symbol) === base) return symbol;
    return followerSymbol;
  }

  /** The follower venue's market for a whale symbol, its mark (falling back to the whale's own mark), the whale's side. */
  private lookup(venue: Venue, whaleId: string, whaleSymbol: string): PassLookup {
    const market = this.o.markets.market(venue, baseOfSymbol(whaleSymbol));
    const mark = market === undefined ? NaN
      : this.o.mark(market.venue, market.symbol) ?? this.o.whales.position(whaleId, whaleSymbol)?.markPrice ?? NaN;
    return {
      market, mark, refPrice: Number.isFinite(mark) ? String(mark) : '',
      whaleContracts: this.o.whales.contracts(whaleId, whaleSymbol), whaleEquity: this.o.whales.equity(whaleId) ?? NaN,
    };
  }

  private diffOne(rt: FollowRuntime, whaleSymbol: string, seq: number, out: ShardSignals, at: PassLookup): void {
    const { follow } = rt;
    const { market, mark } = at;
    if (!market) {
      this.o.observer?.skipped?.(follow.id, follow.followerId, whaleSymbol, 'no_market', 0);
      return;
    }
    let handle = rt.book;
    if (handle === undefined || handle.removed) handle = rt.book = this.o.followers.handle(follow.followerId);
    const book = handle === undefined ? this.bookScratch : this.o.followers.readHandleInto(handle, market.symbol, this.bookScratch);
    if (handle === undefined || !book.synced) {
      // The follower's positions are not known yet (its feed has not delivered a full book): a 0 here could be
      // a position we cannot see, so nothing is sent. Its first snapshot triggers a repair that catches up.
      this.o.observer?.skipped?.(follow.id, follow.followerId, market.symbol, 'positions_unknown', 0);
      return;
    }
    const followerEquity = book.equity;
    const input = this.diffScratch;
    input.follow = follow;
    input.market = market;
    if (input.whaleSeq !== seq) {
      input.whaleSeq = seq;
      input.seqText = seqText(seq);
    }
    input.followKey = rt;
    input.whaleContracts = at.whaleContracts;
    input.mark = mark;
    input.whaleEquity = at.whaleEquity;
    input.followerEquity = followerEquity;
    input.memo = this.follows.memo(rt, market.symbol);
    const others = rt.siblings === undefined ? 0 : othersTarget(rt.siblings, market.symbol, book.actual + book.inFlight, input.memo, this.o);
    input.othersTarget = Number.isNaN(others) ? 0 : others;
    const wasWaiting = input.memo.waiting;
    const legs = diffFollowerLegs(input, this.legs);
    if (legs.memoChanged) {
      rt.storeMemo(market.symbol, legs.memo);
      if (wasWaiting && !legs.memo.waiting) this.o.observer?.waitingEnded?.(follow.id, whaleSymbol);
    }
    if (Number.isNaN(others)) {
      // Sized (so the other follow can count on this one), but nothing sent until both shares are known.
      this.o.observer?.skipped?.(follow.id, follow.followerId, market.symbol, 'other_follow_unsized', 0);
      return;
    }
    if (legs.status === 'skipped' || legs.reason) {
      this.o.observer?.skipped?.(follow.id, follow.followerId, market.symbol, legs.reason ?? 'below_minimum', legs.carried);
    }
    if (legs.status !== 'orders') return;
    let position = book.actual + book.inFlight;
    const ctx = this.riskScratch;
    ctx.follow = follow;
    ctx.market = market;
    ctx.mark = mark;
    ctx.followerEquity = followerEquity;
    ctx.otherNotional = this.otherNotional(rt, market);
    ctx.othersTarget = input.othersTarget;
    // Leg 0 (reduce-only close) first, then leg 1 (open); never the open leg of a flip whose close was denied.
    if (legs.closeSteps !== 0) position = this.sendLeg(rt, market, at, seq, out, position, legs.closeSteps, 0);
    if (legs.openSteps !== 0 && !Number.isNaN(position)) this.sendLeg(rt, market, at, seq, out, position, legs.openSteps, 1);
  }

  /** One planned leg through the risk gate into flight and its shard's signals: the position after it, NaN when denied. */
  private sendLeg(rt: FollowRuntime, market: MarketSpec, at: PassLookup, seq: number, out: ShardSignals, position: number, signedSteps: number, leg: OrderLeg): number {
    const { follow } = rt;
    const intent = this.intent;
    intent.followerId = follow.followerId;
    intent.whaleId = follow.whaleId;
    intent.venue = market.venue;
    intent.symbol = market.symbol;
    intent.side = signedSteps > 0 ? 'buy' : 'sell';
    intent.amount = stepsToAmount(Math.abs(signedSteps), this.legs.scale);
    intent.reduceOnly = leg === 0;
    intent.leg = leg;
    intent.whaleSeq = seq;
    intent.clientOrderId = clientOrderIdOf(market.venue, rt, this.diffScratch.seqText!, market.symbol, leg);
    const denial = checkIntent(intent, position, this.riskScratch);
    if (denial) {
      this.o.observer?.denied?.({ ...denial, intent: { ...intent } });
      return NaN;
    }
    const signed = intent.side === 'buy' ? intent.amount : -intent.amount;
    if (rt.shard < 0) rt.shard = shardOf(follow.followerId, this.o.shards);
    out.add(rt.shard, this.signalOf(rt, intent, market, at.refPrice)); // encoded into its shard's batch now
    // In flight from here on: a later diff of this pass (another whale symbol on the same market) sees it.
    this.o.followers.addInFlightAt(rt.book!, follow.followerId, market.symbol, intent.clientOrderId, signed, this.passMs);
    return position + signed;
  }

  private otherNotional(rt: FollowRuntime, market: MarketSpec): number {
    if (rt.follow.caps.maxLeverage === undefined) return 0;
    let sum = 0;
    for (const symbol of this.o.followers.symbols(rt.follow.followerId) ?? []) {
      if (symbol === market.symbol) continue;
      sum += Math.abs(this.o.followers.actual(rt.follow.followerId, symbol)) * (this.o.mark(market.venue, symbol) ?? 0);
    }
    return sum;
  }

  private signalOf(rt: FollowRuntime, intent: OrderIntent, market: MarketSpec, refPrice: string): OrderSignal {
    const lev = rt.follow.leverage;
    return {
      clientOrderId: intent.clientOrderId, followerId: intent.followerId, whaleId: intent.whaleId, venue: intent.venue,
      symbol: intent.symbol, side: intent.side, amount: this.amountText(intent.amount, market.amountStep),
      reduceOnly: intent.reduceOnly, leg: intent.leg, whaleSeq: intent.whaleSeq,
      leverage: lev.mode === 'fixed' ? lev.value : 0,
      refPrice,
    };
  }

  /** Nothing of `out` (or of its `shard`) reached the executors: its in-flight amounts go, so the next diff can send again. */
  private release(out: ShardSignals, shard?: number): void {
    const now = this.o.clock.nowMs();
    for (let i = 0; i < out.byShard.length; i++) {
      if (shard !== undefined && i !== shard) continue;
      for (const s of out.byShard[i]!) this.o.followers.applyOrderUpdate(s, 0, true, now);
    }
  }

  /** formatToStep, remembering the last result (a pure function of its two numbers). */
  private amountText(amount: number, step: number): string {
    if (amount !== this.lastAmount || step !== this.lastStep) {
      this.lastAmountText = formatToStep(amount, step);
      this.lastAmount = amount;
      this.lastStep = step;
    }
    return this.lastAmountText;
  }

  private async publish(whaleId: string, seq: number, out: ShardSignals, venueTs: number, rxTs: number): Promise<number> {
    if (out.count === 0) return 0;
    const diffDoneMs = this.o.clock.nowMs();
    const items: ShardPayload[] = [];
    const hops: HopStamps = { venueEventMs: venueTs, frameRxMs: rxTs, diffDoneMs, xaddAckMs: 0, dequeuedMs: 0, orderSentMs: 0, venueAckMs: 0 };
    try {
      for (let shard = 0; shard < out.batches.length; shard++) {
        const batch = out.batches[shard];
        if (batch === undefined || batch.count === 0) continue;
        const { bytes, room } = batch.finish(hops);
        items.push({ shard, bytes, room });
      }
      await this.o.bus.publishBatch(items);
    } catch (e) {
      // What did not reach the executors is released, so the next diff can resend it. A batch that was added, or
      // may have been (a timeout), stays in flight: its orders may be placed, and resending them under the next
      // pass's ids could double a position. Its reports settle it, or the book's sweep drops it after its timeout.
      const outcomes = e instanceof BusPublishIncompleteError ? e.outcomes : undefined;
      if (outcomes === undefined) this.release(out);
      else for (let i = 0; i < items.length; i++) if (outcomes[i] === 'not_added') this.release(out, items[i]!.shard);
      this.o.observer?.publishFailed?.(whaleId, e);
      throw e;
    }
    hops.xaddAckMs = this.o.clock.nowMs();
    try {
      this.o.observer?.emitted?.(whaleId, seq, items, out.byShard, hops);
    } finally {
      for (const item of items) this.rooms.give(item.shard, item.room, item.bytes.byteOffset - item.room!.byteOffset + item.bytes.length + PAYLOAD_TAILROOM);
    }
    return out.count;
  }
}
