// The one matching core behind both simulated venues: accounts, one-way positions, orders, fills,
// mark prices, margin and venue rules. It knows no wire format; protocol layers translate.
import { CLIENT_ID_RULES, MARKETS, isMultipleOf, marketById, roundPrice, type SimMarket, type SimVenue } from './markets';
import { applyFill, snap, unrealizedPnl } from './ledger';
import {
  SimRejectError, type CoreEvent, type PlaceOrderRequest, type SimAccount, type SimFill, type SimOrder,
  type SimPosition,
} from './types';

export interface MatchingCoreOptions {
  /** Market orders fill at mark x (1 +- slippageBps / 10,000). */
  slippageBps?: number;
  takerFee?: number;
  defaultLeverage?: number;
  now?: () => number;
}

export interface OrderRef {
  orderId?: number;
  clientOrderId?: string;
}

const key = (venue: SimVenue, id: string) => `${venue}:${id}`;
const isOpen = (o: SimOrder) => o.status === 'new' || o.status === 'partially_filled';

export class MatchingCore {
  readonly accounts = new Map<string, SimAccount>();
  slippageBps: number;
  /** Replaces every market's taker fee when set (0 makes equities depend on prices only, for exact tests). */
  takerFeeOverride: number | undefined;
  readonly defaultLeverage: number;
  readonly now: () => number;
  /** venue -> symbol id -> mark. */
  private readonly markPrices = new Map<SimVenue, Map<string, number>>([['binanceusdm', new Map()], ['hyperliquid', new Map()]]);
  private readonly resting = new Map<string, Set<SimOrder>>();
  private readonly listeners = new Set<(e: CoreEvent) => void>();
  private nextOrderId = 1_000_001;
  private nextTradeId = 5_000_001;
  private nextAccountId = 1;

  constructor(opts: MatchingCoreOptions = {}) {
    this.slippageBps = opts.slippageBps ?? 2;
    this.takerFeeOverride = opts.takerFee;
    this.defaultLeverage = opts.defaultLeverage ?? 20;
    this.now = opts.now ?? Date.now;
    this.resetPrices();
  }

  on(listener: (e: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: CoreEvent): void {
    for (const l of this.listeners) l(e);
  }

  reset(): void {
    this.accounts.clear();
    this.resting.clear();
    this.resetPrices();
  }

  private resetPrices(): void {
    for (const m of MARKETS) this.markPrices.get(m.venue)!.set(m.id, m.initialPrice);
  }

  createAccount(venue: SimVenue, balance: number): SimAccount {
    const id = `${venue === 'binanceusdm' ? 'bn' : 'hl'}-${this.nextAccountId++}`;
    const account: SimAccount = {
      id, venue, balance, positions: new Map(), leverage: new Map(), orders: new Map(), open: new Set(),
      byClientId: new Map(),
      updateTime: this.now(),
    };
    this.accounts.set(id, account);
    return account;
  }

  account(id: string): SimAccount {
    const a = this.accounts.get(id);
    if (!a) throw new SimRejectError('unknown_account', `unknown account ${id}`, { accountId: id });
    return a;
  }

  market(venue: SimVenue, symbolId: string): SimMarket {
    const m = marketById(venue, symbolId);
    if (!m) throw new SimRejectError('unknown_symbol', `unknown symbol ${symbolId}`, { symbolId });
    return m;
  }

  mark(venue: SimVenue, symbolId: string): number {
    return this.markPrices.get(venue)?.get(symbolId) ?? this.market(venue, symbolId).initialPrice;
  }

  /** Current marks of a venue, keyed by ccxt unified symbol. */
  marks(venue: SimVenue): Record<string, number> {
    const out: Record<string, number> = {};
    for (const m of MARKETS) if (m.venue === venue) out[m.symbol] = this.mark(venue, m.id);
    return out;
  }

  setPrice(venue: SimVenue, symbolId: string, price: number): void {
    const m = this.market(venue, symbolId);
    if (!(price > 0) || !Number.isFinite(price)) throw new SimRejectError('bad_price', `bad price ${price}`);
    const p = roundPrice(m, price);
    this.markPrices.get(m.venue)!.set(m.id, p);
    this.emit({ type: 'price', market: m, price: p, timestamp: this.now() });
    const book = this.resting.get(key(venue, symbolId));
    if (book) for (const o of [...book]) if (this.marketable(o.side, o.price, p)) this.fillResting(o, m);
  }

  leverageOf(a: SimAccount, symbolId: string): number {
    const m = this.market(a.venue, symbolId);
    return a.leverage.get(symbolId) ?? Math.min(this.defaultLeverage, m.maxLeverage);
  }

  setLeverage(accountId: string, symbolId: string, leverage: number): number {
    const a = this.account(accountId);
    const m = this.market(a.venue, symbolId);
    if (!Number.isInteger(leverage) || leverage < 1 || leverage > m.maxLeverage) {
      throw new SimRejectError('bad_leverage', `leverage ${leverage} is not valid for ${symbolId}`, { max: m.maxLeverage });
    }
    a.leverage.set(symbolId, leverage);
    this.emit({ type: 'account', account: a, reason: 'LEVERAGE', symbols: [symbolId] });
    return leverage;
  }

  deposit(accountId: string, amount: number): void {
    const a = this.account(accountId);
    a.balance += amount;
    a.updateTime = this.now();
    this.emit({ type: 'account', account: a, reason: 'DEPOSIT', symbols: [] });
  }

  position(a: SimAccount, symbolId: string): SimPosition {
    let p = a.positions.get(symbolId);
    if (!p) {
      p = { symbolId, contracts: 0, entryPrice: 0, realizedPnl: 0, updateTime: 0 };
      a.positions.set(symbolId, p);
    }
    return p;
  }

  unrealized(a: SimAccount): number {
    let sum = 0;
    for (const p of a.positions.values()) sum += unrealizedPnl(p, this.mark(a.venue, p.symbolId));
    return sum;
  }

  equity(a: SimAccount): number {
    return a.balance + this.unrealized(a);
  }

  usedMargin(a: SimAccount, override?: { symbolId: string; contracts: number; price: number }): number {
    let used = 0;
    for (const p of a.positions.values()) {
      if (override && p.symbolId === override.symbolId) continue;
      used += (Math.abs(p.contracts) * this.mark(a.venue, p.symbolId)) / this.leverageOf(a, p.symbolId);
    }
    if (override) used += (Math.abs(override.contracts) * override.price) / this.leverageOf(a, override.symbolId);
    for (const o of a.open) used += ((o.amount - o.filled) * o.price) / this.leverageOf(a, o.symbolId);
    return used;
  }

  openOrders(accountId: string, symbolId?: string): SimOrder[] {
    const out: SimOrder[] = [];
    for (const o of this.account(accountId).open) if (!symbolId || o.symbolId === symbolId) out.push(o);
    return out;
  }

  findOrder(accountId: string, ref: OrderRef): SimOrder {
    const a = this.account(accountId);
    const id = ref.orderId ?? (ref.clientOrderId !== undefined ? a.byClientId.get(ref.clientOrderId) : undefined);
    const o = id === undefined ? undefined : a.orders.get(id);
    if (!o) throw new SimRejectError('order_not_found', 'Order does not exist.', { ...ref });
    return o;
  }

  cancelOrder(accountId: string, ref: OrderRef): SimOrder {
    const o = this.findOrder(accountId, ref);
    if (!isOpen(o)) throw new SimRejectError('order_not_found', 'Order was already filled or canceled.', { ...ref });
    const a = this.account(accountId);
    o.status = 'canceled';
    o.updateTime = this.now();
    a.open.delete(o);
    this.resting.get(key(o.venue, o.symbolId))?.delete(o);
    this.emit({ type: 'order', account: a, order: o });
    return o;
  }

  placeOrder(accountId: string, req: PlaceOrderRequest): SimOrder {
    const a = this.account(accountId);
    const m = this.market(a.venue, req.symbolId);
    const mark = this.mark(a.venue, m.id);
    const clientOrderId = this.checkClientId(a, req.clientOrderId);
    let amount = req.amount;
    this.checkAmount(m, req.type, amount);
    const price = req.type === 'limit' ? this.checkLimitPrice(m, req.price, mark) : 0;
    const pos = this.position(a, m.id);
    const signed = req.side === 'buy' ? 1 : -1;
    if (req.reduceOnly) {
      if (pos.contracts === 0 || Math.sign(pos.contracts) === signed) {
        throw new SimRejectError('reduce_only_rejected', 'ReduceOnly Order is rejected.', { position: pos.contracts });
      }
      amount = Math.min(amount, Math.abs(pos.contracts));
    }
    const refPrice = req.type === 'limit' ? price : mark;
    if (!req.reduceOnly && amount * refPrice < m.minNotional - 1e-9) {
      throw new SimRejectError('below_min_notional', `Order's notional must be no smaller than ${m.minNotional}`, { minNotional: m.minNotional });
    }
    const tif = req.tif ?? (req.type === 'market' ? 'IOC' : 'GTC');
    const now = this.now();
    const order: SimOrder = {
      id: this.nextOrderId++, accountId, venue: a.venue, symbolId: m.id, clientOrderId, side: req.side, type: req.type,
      tif, amount, price, filled: 0, avgPrice: 0, cumQuote: 0, reduceOnly: !!req.reduceOnly, status: 'new',
      timestamp: now, updateTime: now,
    };
    const slip = signed * (this.slippageBps / 10_000);
    const fillAt = roundPrice(m, mark * (1 + slip));
    const crosses = req.type === 'market' || this.marketable(req.side, price, mark);
    if (crosses && tif === 'ALO') {
      throw new SimRejectError('post_only_would_match', 'Post only order would have immediately matched');
    }
    const execPrice = req.type === 'market' ? fillAt : req.side === 'buy' ? Math.min(price, fillAt) : Math.max(price, fillAt);
    if (crosses) this.checkMargin(a, m, pos.contracts + signed * amount, execPrice, amount, req.reduceOnly);
    else if (!req.reduceOnly) this.checkRestingMargin(a, m, amount, price);
    this.register(a, order);
    if (crosses) this.fill(a, m, order, amount, execPrice);
    else if (tif === 'IOC') this.finish(a, order, 'expired');
    else this.rest(a, order);
    return order;
  }

  private register(a: SimAccount, o: SimOrder): void {
    a.orders.set(o.id, o);
    a.open.add(o);
    if (o.clientOrderId) a.byClientId.set(o.clientOrderId, o.id);
  }

  private rest(a: SimAccount, o: SimOrder): void {
    const k = key(o.venue, o.symbolId);
    let book = this.resting.get(k);
    if (!book) this.resting.set(k, (book = new Set()));
    book.add(o);
    this.emit({ type: 'order', account: a, order: o });
  }

  private finish(a: SimAccount, o: SimOrder, status: 'expired' | 'canceled'): void {
    o.status = status;
    o.updateTime = this.now();
    a.open.delete(o);
    this.emit({ type: 'order', account: a, order: o });
  }

  private fillResting(o: SimOrder, m: SimMarket): void {
    const a = this.account(o.accountId);
    this.resting.get(key(o.venue, o.symbolId))?.delete(o);
    let amount = o.amount - o.filled;
    if (o.reduceOnly) {
      const q = this.position(a, m.id).contracts;
      amount = Math.min(amount, Math.sign(q) === (o.side === 'buy' ? -1 : 1) ? Math.abs(q) : 0);
      if (amount <= 0) return this.finish(a, o, 'canceled');
    }
    this.fill(a, m, o, amount, o.price);
  }

  private fill(a: SimAccount, m: SimMarket, o: SimOrder, amount: number, price: number): void {
    const pos = this.position(a, m.id);
    const now = this.now();
    const effect = applyFill(pos, o.side === 'buy' ? amount : -amount, price, m.stepSize);
    const fee = amount * price * (this.takerFeeOverride ?? m.takerFee);
    pos.contracts = effect.contracts;
    pos.entryPrice = effect.entryPrice;
    pos.realizedPnl += effect.realizedPnl;
    pos.updateTime = now;
    a.balance += effect.realizedPnl - fee;
    a.updateTime = now;
    o.cumQuote += amount * price;
    o.filled = snap(o.filled + amount, m.stepSize);
    o.avgPrice = o.cumQuote / o.filled;
    o.status = o.filled >= o.amount - 1e-12 ? 'filled' : 'partially_filled';
    if (o.status === 'filled') a.open.delete(o);
    o.updateTime = now;
    const f: SimFill = {
      tradeId: this.nextTradeId++, orderId: o.id, accountId: a.id, symbolId: m.id, side: o.side, amount, price, fee,
      realizedPnl: effect.realizedPnl, timestamp: now,
    };
    this.emit({ type: 'order', account: a, order: o, fill: f });
    this.emit({ type: 'account', account: a, reason: 'ORDER', symbols: [m.id] });
  }

  private marketable(side: 'buy' | 'sell', price: number, mark: number): boolean {
    return side === 'buy' ? price >= mark : price <= mark;
  }

  private checkClientId(a: SimAccount, id: string | undefined): string {
    if (id === undefined || id === '') return '';
    if (!CLIENT_ID_RULES[a.venue].test(id)) throw new SimRejectError('bad_client_id', 'Client order id is not valid.', { clientOrderId: id });
    const existing = a.byClientId.get(id);
    const o = existing === undefined ? undefined : a.orders.get(existing);
    if (o && (isOpen(o) || a.venue === 'hyperliquid')) {
      throw new SimRejectError('duplicate_client_id', 'ClientOrderId is duplicated.', { clientOrderId: id });
    }
    return id;
  }

  private checkAmount(m: SimMarket, type: 'market' | 'limit', amount: number): void {
    if (!(amount > 0) || !Number.isFinite(amount)) throw new SimRejectError('bad_amount', 'Quantity less than or equal to zero.', { amount });
    if (!isMultipleOf(amount, m.stepSize)) throw new SimRejectError('bad_step', 'Precision is over the maximum defined for this asset.', { amount, stepSize: m.stepSize });
    if (amount < m.minQty - 1e-12) throw new SimRejectError('below_min_qty', `Quantity less than minimum ${m.minQty}.`, { amount, minQty: m.minQty });
    const max = type === 'market' ? m.marketMaxQty : m.maxQty;
    if (amount > max) throw new SimRejectError('above_max_qty', 'Quantity greater than max quantity.', { amount, maxQty: max });
  }

  private checkLimitPrice(m: SimMarket, price: number | undefined, mark: number): number {
    if (price === undefined || !(price > 0) || !Number.isFinite(price)) throw new SimRejectError('bad_price', 'Invalid price.', { price });
    if (roundPrice(m, price) !== price) throw new SimRejectError('bad_price', 'Price is not a multiple of the tick size.', { price, tickSize: m.tickSize });
    if (price > mark * (1 + m.priceBand)) throw new SimRejectError('price_band', `Limit price can't be higher than ${roundPrice(m, mark * (1 + m.priceBand))}.`, { price, mark, side: 'high' });
    if (price < mark * (1 - m.priceBand)) throw new SimRejectError('price_band', `Limit price can't be lower than ${roundPrice(m, mark * (1 - m.priceBand))}.`, { price, mark, side: 'low' });
    return price;
  }

  private checkMargin(a: SimAccount, m: SimMarket, after: number, price: number, amount: number, reduceOnly?: boolean): void {
    const before = Math.abs(this.position(a, m.id).contracts);
    if (reduceOnly || Math.abs(after) <= before) return;
    const fee = amount * price * (this.takerFeeOverride ?? m.takerFee);
    const required = this.usedMargin(a, { symbolId: m.id, contracts: after, price });
    if (required > this.equity(a) - fee) {
      throw new SimRejectError('insufficient_margin', 'Margin is insufficient.', { required, equity: this.equity(a) });
    }
  }

  private checkRestingMargin(a: SimAccount, m: SimMarket, amount: number, price: number): void {
    const required = this.usedMargin(a) + (amount * price) / this.leverageOf(a, m.id);
    if (required > this.equity(a)) throw new SimRejectError('insufficient_margin', 'Margin is insufficient.', { required });
  }
}
