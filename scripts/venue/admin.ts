// The simulator's admin HTTP API (served on the Binance port under /admin): accounts, prices, faults,
// configuration and reset. Tests, whale scripts and the demo drive the simulator through it.
import { marketBySymbol, type FaultSpec, type SimVenue, type VenueContext } from './core';

const VENUES: readonly SimVenue[] = ['binanceusdm', 'hyperliquid'];

class AdminError extends Error {
  readonly code = 'admin_bad_request';
  constructor(message: string, readonly status = 400) {
    super(message);
  }
}

const json = (body: unknown, status = 200) => Response.json(body, { status });

function venueOf(v: unknown): SimVenue {
  if (typeof v !== 'string' || !VENUES.includes(v as SimVenue)) {
    throw new AdminError(`venue must be one of ${VENUES.join(', ')}`);
  }
  return v as SimVenue;
}

function positiveNumber(v: unknown, name: string): number {
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw new AdminError(`${name} must be a non-negative number`);
  return n;
}

async function body(req: Request): Promise<Record<string, unknown>> {
  const text = await req.text();
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw new AdminError('body must be a JSON object');
}

/** Snapshot of an account in the admin API's shape (contracts signed, times in ms). */
export function accountView(ctx: VenueContext, id: string) {
  const a = ctx.core.account(id);
  const symbolOf = (symbolId: string) => ctx.core.market(a.venue, symbolId).symbol;
  return {
    id: a.id,
    venue: a.venue,
    balance: a.balance,
    equity: ctx.core.equity(a),
    positions: [...a.positions.values()]
      .filter((p) => p.contracts !== 0)
      .map((p) => ({ symbol: symbolOf(p.symbolId), contracts: p.contracts, entryPrice: p.entryPrice })),
    orders: [...a.orders.values()].map((o) => ({
      id: String(o.id), clientOrderId: o.clientOrderId, symbol: symbolOf(o.symbolId), side: o.side, type: o.type,
      amount: o.amount, filled: o.filled, price: o.type === 'limit' ? o.price : o.avgPrice, status: o.status,
      reduceOnly: o.reduceOnly, timestamp: o.timestamp,
    })),
  };
}

function faultSpec(b: Record<string, unknown>): FaultSpec {
  const spec: FaultSpec = {};
  if (b.venue !== undefined) spec.venue = venueOf(b.venue);
  if (b.accountId !== undefined) spec.accountId = String(b.accountId);
  for (const k of ['latencyMs', 'dropReplyAfterFill', 'unknownErrorAfterFill', 'pauseStreamMs'] as const) {
    if (b[k] !== undefined) spec[k] = positiveNumber(b[k], k);
  }
  if (b.closeWebSockets !== undefined) spec.closeWebSockets = b.closeWebSockets === true;
  return spec;
}

export function createAdminHandler(ctx: VenueContext) {
  const routes: Record<string, (req: Request, path: string[]) => Promise<Response> | Response> = {
    'POST accounts': async (req) => {
      const b = await body(req);
      const venue = venueOf(b.venue);
      const balance = positiveNumber(b.balance ?? 10_000, 'balance');
      const account = ctx.core.createAccount(venue, balance);
      const { id: _id, ...cred } = ctx.credentials.issue(venue, account.id);
      return json({ id: account.id, ...cred });
    },
    'GET accounts': (_req, path) => json(accountView(ctx, path[1] ?? '')),
    'POST deposits': async (req) => {
      const b = await body(req);
      ctx.core.deposit(String(b.accountId), positiveNumber(b.amount, 'amount'));
      return json(accountView(ctx, String(b.accountId)));
    },
    'POST prices': async (req) => {
      const b = await body(req);
      const venue = venueOf(b.venue);
      const m = marketBySymbol(venue, String(b.symbol));
      if (!m) throw new AdminError(`unknown symbol ${String(b.symbol)} on ${venue}`, 404);
      const price = positiveNumber(b.price, 'price');
      if (price === 0) throw new AdminError('price must be above 0');
      ctx.core.setPrice(venue, m.id, price);
      return json({ venue, symbol: m.symbol, price: ctx.core.mark(venue, m.id) });
    },
    'GET prices': () => json(Object.fromEntries(VENUES.map((v) => [v, ctx.core.marks(v)]))),
    'POST faults': async (req) => {
      const b = await body(req);
      if (b.clear === true) ctx.faults.clear();
      else ctx.faults.apply(faultSpec(b));
      return json(ctx.faults.describe());
    },
    'DELETE faults': () => {
      ctx.faults.clear();
      return json(ctx.faults.describe());
    },
    'POST config': async (req) => {
      const b = await body(req);
      if (b.slippageBps !== undefined) ctx.core.slippageBps = positiveNumber(b.slippageBps, 'slippageBps');
      if (b.takerFee !== undefined) ctx.core.takerFeeOverride = positiveNumber(b.takerFee, 'takerFee');
      if (b.verifySignatures !== undefined) ctx.options.verifySignatures = b.verifySignatures === true;
      if (b.rateLimit !== undefined) ctx.limiter.configure(b.rateLimit as Record<string, number>);
      return json({ slippageBps: ctx.core.slippageBps, takerFee: ctx.core.takerFeeOverride ?? 'per market', rateLimit: ctx.limiter.config, ...ctx.options });
    },
    'POST reset': () => {
      ctx.core.reset();
      ctx.credentials.clear();
      ctx.faults.clear();
      ctx.limiter.reset();
      return json({ ok: true });
    },
  };

  return async function admin(req: Request): Promise<Response> {
    const path = new URL(req.url).pathname.split('/').filter(Boolean).slice(1);
    const route = routes[`${req.method} ${path[0] ?? ''}`];
    if (!route) return json({ error: 'not_found', message: `no admin route ${req.method} /admin/${path.join('/')}` }, 404);
    try {
      return await route(req, path);
    } catch (e) {
      if (e instanceof AdminError) return json({ error: e.code, message: e.message }, e.status);
      const err = e as { code?: string; message?: string };
      if (err.code === 'unknown_account') return json({ error: err.code, message: err.message }, 404);
      if (err.code) return json({ error: err.code, message: err.message }, 400);
      throw e;
    }
  };
}
