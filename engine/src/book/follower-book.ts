// In-memory follower positions: actual contracts (from the follower's own venue stream) and orders in
// flight keyed by client order id. Pure data structure: no I/O, no clock, no notification.
//
// Why orders stay after they fill: a fill reaches the engine twice, as an order update (execution
// report or the follower's order stream; cumulative, so the larger one wins and nothing is counted
// twice) and as a change of the follower's position. Until the position change is seen, the fill
// still counts as in flight; a position change is "settled" against the oldest orders in its direction.
// So actual + inFlight stays right whichever arrives first, and a change no order explains (a manual
// trade, a liquidation) shows up in actual alone.
import { InvalidArgumentError, SmallMap } from '../core';
import type { FollowerBookEntry } from '../model';

export interface InFlightOrderView {
  readonly clientOrderId: string;
  readonly followerId: string;
  readonly symbol: string;
  /** Signed contracts the order asked for (buy +, sell -). */
  readonly requested: number;
  /** Signed cumulative fill known from order updates. */
  readonly filled: number;
  /** Signed part of the order already seen in the follower's actual position. */
  readonly settled: number;
  /** No further fills will come (filled, canceled, rejected, expired, skipped). */
  readonly terminal: boolean;
  /** What the order still adds on top of actual. */
  readonly inFlight: number;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
}

export interface SweepOptions {
  /** Terminal orders whose fill the position stream has not shown after this long are dropped. */
  readonly terminalGraceMs: number;
  /** Orders without any terminal update after this long are dropped (their outcome is someone else's to resolve). */
  readonly liveTimeoutMs: number;
}

export const DEFAULT_SWEEP: SweepOptions = Object.freeze({ terminalGraceMs: 10_000, liveTimeoutMs: 120_000 });

/**
 * Which order an update is about. Reports, follower order events and signals all carry these three, so
 * orders are found under their follower and symbol (a handful each) and no engine-wide id map is kept:
 * at 10,000 followers that map cost more than the rest of the in-flight bookkeeping together.
 */
export interface OrderRef {
  readonly followerId: string;
  readonly symbol: string;
  readonly clientOrderId: string;
}

interface OrderSlot {
  readonly cid: string;
  readonly requested: number;
  filled: number;
  settled: number;
  terminal: boolean;
  readonly createdAtMs: number;
  updatedAtMs: number;
}

/** Orders live in `one` while there is a single one (the common case: no array), in `many` beyond. */
interface SymbolSlot {
  actual: number;
  inFlight: number;
  one: OrderSlot | undefined;
  many: OrderSlot[] | undefined;
}

const orderCount = (at: SymbolSlot) => (at.many !== undefined ? at.many.length : at.one !== undefined ? 1 : 0);
const orderAt = (at: SymbolSlot, i: number) => (at.many !== undefined ? at.many[i]! : at.one!);
const ordersOf = (at: SymbolSlot): OrderSlot[] => (at.many !== undefined ? at.many.slice() : at.one !== undefined ? [at.one] : []);

function pushOrder(at: SymbolSlot, o: OrderSlot): void {
  if (at.many !== undefined) at.many.push(o);
  else if (at.one !== undefined) {
    at.many = [at.one, o];
    at.one = undefined;
  } else at.one = o;
}

function findOrder(at: SymbolSlot | undefined, cid: string): OrderSlot | undefined {
  if (at === undefined) return undefined;
  if (at.many === undefined) return at.one !== undefined && at.one.cid === cid ? at.one : undefined;
  for (let i = 0; i < at.many.length; i++) if (at.many[i]!.cid === cid) return at.many[i];
  return undefined;
}

function removeOrderAt(at: SymbolSlot, i: number): void {
  if (at.many === undefined) {
    at.one = undefined;
    return;
  }
  at.many.splice(i, 1);
  if (at.many.length <= 1) {
    at.one = at.many[0];
    at.many = undefined;
  }
}

/**
 * A follower's place in the book (FollowerBook.handle), for a loop that visits the follower often: the
 * copy loop keeps one per follow and reaches the follower's slot without a map lookup or string hash.
 */
export interface FollowerHandle {
  /** The follower was removed from the book: get a new handle (or none) by id. */
  readonly removed: boolean;
}

/** A follower's symbols (the slot is the map itself: one object less per follower) and equity. */
class FollowerSlot extends SmallMap<SymbolSlot> implements FollowerHandle {
  removed = false;
  equity: number | undefined = undefined;
  equityAtMs = Number.NEGATIVE_INFINITY;
  /** A full book of the follower's positions has been seen (replaceActual): flat symbols are known to be flat. */
  synced = false;
}

function symbolSlotOf(f: FollowerSlot, symbol: string): SymbolSlot {
  let s = f.get(symbol);
  if (s === undefined) {
    s = { actual: 0, inFlight: 0, one: undefined, many: undefined };
    f.set(symbol, s);
  }
  return s;
}

/** Float dust below this fraction of an order's size is zero (amounts are whole step counts). */
const REL_EPS = 1e-9;

function contribution(o: OrderSlot): number {
  const c = (o.terminal ? o.filled : o.requested) - o.settled;
  return c * Math.sign(o.requested) > REL_EPS * Math.abs(o.requested) ? c : 0;
}

function finite(x: number, what: string, followerId?: string): number {
  if (!Number.isFinite(x)) throw new InvalidArgumentError(`${what} must be finite, got ${x}`, { ids: { followerId } });
  return x;
}

export class FollowerBook {
  private readonly followers = new Map<string, FollowerSlot>();
  private orderTotal = 0;

  /** Signed contracts the follower holds in `symbol` (0 when flat or unknown). */
  actual(followerId: string, symbol: string): number {
    return this.followers.get(followerId)?.get(symbol)?.actual ?? 0;
  }

  /** Signed contracts in flight for `symbol`: sent and not yet seen in actual. */
  inFlight(followerId: string, symbol: string): number {
    return this.followers.get(followerId)?.get(symbol)?.inFlight ?? 0;
  }

  entry(followerId: string, symbol: string): FollowerBookEntry {
    return this.entryInto(followerId, symbol, { actual: 0, inFlight: 0 });
  }

  /** entry() written into `out` (a caller's reused object), for loops that must not allocate per follower. */
  entryInto<T extends { actual: number; inFlight: number }>(followerId: string, symbol: string, out: T): T {
    const s = this.followers.get(followerId)?.get(symbol);
    out.actual = s?.actual ?? 0;
    out.inFlight = s?.inFlight ?? 0;
    return out;
  }

  /** entryInto plus the follower's equity (NaN when unknown) and whether its positions are known, with one lookup. */
  readInto<T extends { actual: number; inFlight: number; equity: number; synced: boolean }>(followerId: string, symbol: string, out: T): T {
    const f = this.followers.get(followerId);
    const s = f?.get(symbol);
    out.actual = s?.actual ?? 0;
    out.inFlight = s?.inFlight ?? 0;
    out.equity = f?.equity ?? NaN;
    out.synced = f !== undefined && f.synced;
    return out;
  }

  /** The follower's handle, or undefined when the book has never heard of it. Valid until removed. */
  handle(followerId: string): FollowerHandle | undefined {
    return this.followers.get(followerId);
  }

  /** readInto through a handle (not removed). */
  readHandleInto<T extends { actual: number; inFlight: number; equity: number; synced: boolean }>(handle: FollowerHandle, symbol: string, out: T): T {
    const f = handle as FollowerSlot;
    const s = f.get(symbol);
    out.actual = s?.actual ?? 0;
    out.inFlight = s?.inFlight ?? 0;
    out.equity = f.equity ?? NaN;
    out.synced = f.synced;
    return out;
  }

  /** Whether a full book of the follower's positions has been seen (replaceActual); before that, 0 means "unknown". */
  isSynced(followerId: string): boolean {
    return this.followers.get(followerId)?.synced ?? false;
  }

  /**
   * Records an order the engine is about to send. Returns false (and changes nothing) when the client
   * order id is already known: a redelivered signal is not a second order.
   */
  addInFlight(followerId: string, symbol: string, clientOrderId: string, signedAmount: number, atMs: number): boolean {
    return this.addInFlightAt(this.followerSlot(followerId), followerId, symbol, clientOrderId, signedAmount, atMs);
  }

  /** addInFlight through the follower's handle (not removed). */
  addInFlightAt(handle: FollowerHandle, followerId: string, symbol: string, clientOrderId: string, signedAmount: number, atMs: number): boolean {
    if (!(finite(signedAmount, 'signedAmount', followerId) !== 0)) throw new InvalidArgumentError('an in-flight order needs a non-zero amount', { ids: { followerId, symbol, clientOrderId } });
    if (handle.removed) throw new InvalidArgumentError('the follower was removed from the book: its handle is stale', { ids: { followerId } });
    const at = symbolSlotOf(handle as FollowerSlot, symbol);
    if (findOrder(at, clientOrderId) !== undefined) return false;
    pushOrder(at, { cid: clientOrderId, requested: signedAmount, filled: 0, settled: 0, terminal: false, createdAtMs: atMs, updatedAtMs: atMs });
    this.orderTotal++;
    at.inFlight += signedAmount;
    return true;
  }

  /**
   * An order update from an execution report or the follower's order stream: `filled` is the
   * cumulative filled amount (positive); `terminal` when no further fill will come. Fills only grow,
   * terminal is sticky, so the same fill seen from both sources counts once. False for unknown ids.
   */
  applyOrderUpdate(ref: OrderRef, filled: number, terminal: boolean, atMs: number): boolean {
    const at = this.followers.get(ref.followerId)?.get(ref.symbol);
    const o = findOrder(at, ref.clientOrderId);
    if (o === undefined) return false;
    if (!(finite(filled, 'filled', ref.followerId) >= 0)) throw new InvalidArgumentError(`filled must be >= 0, got ${filled}`, { ids: { clientOrderId: ref.clientOrderId } });
    const signed = filled * Math.sign(o.requested);
    if (Math.abs(signed) > Math.abs(o.filled)) o.filled = signed;
    if (terminal) o.terminal = true;
    if (atMs > o.updatedAtMs) o.updatedAtMs = atMs;
    this.refresh(ref.followerId, ref.symbol, at!);
    return true;
  }

  /** The follower's position in `symbol` from its own venue stream (absolute, signed). */
  setActual(followerId: string, symbol: string, contracts: number): void {
    finite(contracts, 'contracts', followerId);
    const f = this.followers.get(followerId);
    const existing = f?.get(symbol);
    if (existing === undefined && contracts === 0) return;
    const at = existing ?? this.symbolSlot(followerId, symbol);
    let delta = contracts - at.actual;
    at.actual = contracts;
    if (delta === 0) return;
    for (let i = 0, n = orderCount(at); i < n; i++) {
      const o = orderAt(at, i);
      const cap = (o.terminal ? o.filled : o.requested) - o.settled;
      if (cap * delta <= 0) continue;
      const take = Math.abs(delta) < Math.abs(cap) ? delta : cap;
      o.settled += take;
      delta -= take;
      if (Math.abs(delta) <= REL_EPS * Math.abs(o.requested)) break;
    }
    this.refresh(followerId, symbol, at);
  }

  /** A full book of the follower (a feed event): listed symbols set, every other symbol flat. */
  replaceActual(followerId: string, positions: ReadonlyMap<string, { readonly contracts: number }>): void {
    this.followerSlot(followerId).synced = true;
    const f = this.followers.get(followerId);
    if (f !== undefined) {
      for (const [symbol, s] of f) if (s.actual !== 0 && !positions.has(symbol)) this.setActual(followerId, symbol, 0);
    }
    for (const [symbol, p] of positions) this.setActual(followerId, symbol, p.contracts);
  }

  order(ref: OrderRef): InFlightOrderView | undefined {
    const o = findOrder(this.followers.get(ref.followerId)?.get(ref.symbol), ref.clientOrderId);
    return o === undefined ? undefined : view(o, ref.followerId, ref.symbol);
  }

  /** Orders of one follower and symbol, oldest first. */
  orders(followerId: string, symbol: string): InFlightOrderView[] {
    const at = this.followers.get(followerId)?.get(symbol);
    return at === undefined ? [] : ordersOf(at).map((o) => view(o, followerId, symbol));
  }

  /** Drops orders past their deadlines (see SweepOptions); returns their client order ids. */
  sweep(nowMs: number, options: SweepOptions = DEFAULT_SWEEP): string[] {
    const removed: string[] = [];
    for (const [followerId, f] of this.followers) {
      for (const [symbol, at] of [...f]) {
        let dropped = false;
        for (let i = orderCount(at) - 1; i >= 0; i--) {
          const o = orderAt(at, i);
          const expired = o.terminal ? nowMs - o.updatedAtMs >= options.terminalGraceMs : nowMs - o.createdAtMs >= options.liveTimeoutMs;
          if (!expired) continue;
          removed.push(o.cid);
          removeOrderAt(at, i);
          this.orderTotal--;
          dropped = true;
        }
        if (dropped) this.refresh(followerId, symbol, at);
      }
    }
    return removed;
  }

  setEquity(followerId: string, equity: number, atMs: number): void {
    finite(equity, 'equity', followerId);
    const f = this.followerSlot(followerId);
    if (atMs < f.equityAtMs) return;
    f.equity = equity;
    f.equityAtMs = atMs;
  }

  equity(followerId: string): number | undefined {
    return this.followers.get(followerId)?.equity;
  }

  /** Symbols with a position or an order in flight. */
  symbols(followerId: string): IterableIterator<string> | undefined {
    return this.followers.get(followerId)?.keys();
  }

  hasFollower(followerId: string): boolean {
    return this.followers.has(followerId);
  }

  removeFollower(followerId: string): boolean {
    const f = this.followers.get(followerId);
    if (f === undefined) return false;
    for (const at of f.values()) this.orderTotal -= orderCount(at);
    f.removed = true;
    return this.followers.delete(followerId);
  }

  followerIds(): IterableIterator<string> {
    return this.followers.keys();
  }

  get followerCount(): number {
    return this.followers.size;
  }

  /** Orders the book holds (in flight, or filled and not yet seen in actual). */
  get inFlightCount(): number {
    return this.orderTotal;
  }

  private followerSlot(followerId: string): FollowerSlot {
    let f = this.followers.get(followerId);
    if (f === undefined) {
      f = new FollowerSlot();
      this.followers.set(followerId, f);
    }
    return f;
  }

  private symbolSlot(followerId: string, symbol: string): SymbolSlot {
    return symbolSlotOf(this.followerSlot(followerId), symbol);
  }

  /** Drops orders that are terminal and fully seen in actual, recomputes inFlight, forgets empty slots. */
  private refresh(followerId: string, symbol: string, at: SymbolSlot): void {
    let sum = 0;
    for (let i = orderCount(at) - 1; i >= 0; i--) {
      const o = orderAt(at, i);
      const c = contribution(o);
      if (o.terminal && c === 0) {
        removeOrderAt(at, i);
        this.orderTotal--;
      } else sum += c;
    }
    at.inFlight = sum;
    if (at.actual === 0 && at.one === undefined && at.many === undefined) this.followers.get(followerId)?.delete(symbol);
  }
}

function view(o: OrderSlot, followerId: string, symbol: string): InFlightOrderView {
  return {
    clientOrderId: o.cid, followerId, symbol, requested: o.requested, filled: o.filled, settled: o.settled,
    terminal: o.terminal, inFlight: contribution(o), createdAtMs: o.createdAtMs, updatedAtMs: o.updatedAtMs,
  };
}
