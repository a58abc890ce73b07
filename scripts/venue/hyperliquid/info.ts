// POST /info: the read-only queries ccxt makes (markets, asset contexts, mids, clearinghouseState, orders,
// fills). Reads the core and the layer state; never changes either.
import type { SimAccount, SimMarket } from '../core';
import { HlRequestError, ok, unprocessable, type Reply } from './errors';
import { assetCtx, basicOrder, clearinghouseState, frontendOrder, orderWithStatus, px, universeEntry } from './format';
import type { HyperliquidState } from './state';

const HISTORICAL_ORDERS_KEPT = 2000;

type InfoRequest = Record<string, unknown> & { type: string };

export function handleInfo(st: HyperliquidState, body: unknown): Reply {
  try {
    if (typeof body !== 'object' || body === null || typeof (body as InfoRequest).type !== 'string') {
      throw new HlRequestError('missing field `type`');
    }
    return ok(answer(st, body as InfoRequest));
  } catch (e) {
    if (e instanceof HlRequestError) return unprocessable(e);
    throw e;
  }
}

function answer(st: HyperliquidState, q: InfoRequest): unknown {
  switch (q.type) {
    case 'meta':
      return meta(st);
    case 'metaAndAssetCtxs':
      return [meta(st), assetCtxs(st)];
    case 'spotMeta':
      return { universe: [], tokens: [] };
    case 'spotMetaAndAssetCtxs':
      return [{ universe: [], tokens: [] }, []];
    case 'perpDexs':
      return [null];
    case 'allMids':
      return allMids(st);
    case 'userAbstraction':
      return 'default';
    case 'clearinghouseState':
      return clearinghouseState(st.core, userAccount(st, q), st.core.now());
    case 'spotClearinghouseState':
      userAccount(st, q);
      return { balances: [] };
    case 'orderStatus':
      return orderStatus(st, q);
    case 'openOrders':
    case 'frontendOpenOrders':
      return openOrders(st, q);
    case 'historicalOrders':
      return historicalOrders(st, q);
    case 'userFills': {
      const a = userAccount(st, q);
      return a ? st.recentFills(a.id) : [];
    }
    case 'userFillsByTime': {
      const a = userAccount(st, q);
      if (typeof q.startTime !== 'number') throw new HlRequestError('missing field `startTime`');
      const end = typeof q.endTime === 'number' ? q.endTime : Number.MAX_SAFE_INTEGER;
      return a ? st.fillsBetween(a.id, q.startTime, end) : [];
    }
    default:
      throw new HlRequestError(`unknown variant \`${q.type}\``);
  }
}

export function meta(st: HyperliquidState) {
  return { universe: st.markets.map(universeEntry) };
}

export function assetCtxs(st: HyperliquidState) {
  return st.markets.map((m) => assetCtx(m, st.core.mark('hyperliquid', m.id), st.coinStats(m.id)));
}

export function allMids(st: HyperliquidState): Record<string, string> {
  const mids: Record<string, string> = {};
  for (const m of st.markets) mids[m.id] = px(st.core.mark('hyperliquid', m.id));
  return mids;
}

/** The account named by `user`; undefined for an address the venue has never seen (it answers empty). */
function userAccount(st: HyperliquidState, q: InfoRequest): SimAccount | undefined {
  if (typeof q.user !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(q.user)) throw new HlRequestError('invalid `user`');
  return st.accountOf(q.user);
}

function orderStatus(st: HyperliquidState, q: InfoRequest): unknown {
  const a = userAccount(st, q);
  const oid = q.oid;
  if (typeof oid !== 'number' && typeof oid !== 'string') throw new HlRequestError('missing field `oid`');
  let id: number | undefined;
  if (typeof oid === 'string' && oid.startsWith('0x')) id = a?.byClientId.get(oid.toLowerCase());
  else if (Number.isSafeInteger(Number(oid))) id = Number(oid);
  else throw new HlRequestError('invalid `oid`');
  const o = id === undefined ? undefined : a?.orders.get(id);
  if (!o) return { status: 'unknownOid' };
  const m = st.core.market('hyperliquid', o.symbolId);
  return { status: 'order', order: orderWithStatus(o, frontendOrder(o, m)) };
}

function openOrders(st: HyperliquidState, q: InfoRequest): unknown[] {
  const a = userAccount(st, q);
  if (!a) return [];
  const frontend = q.type === 'frontendOpenOrders';
  return st.core.openOrders(a.id).map((o) => {
    const m: SimMarket = st.core.market('hyperliquid', o.symbolId);
    return frontend ? frontendOrder(o, m) : basicOrder(o, m);
  });
}

function historicalOrders(st: HyperliquidState, q: InfoRequest): unknown[] {
  const a = userAccount(st, q);
  if (!a) return [];
  const out: unknown[] = [];
  for (const o of [...a.orders.values()].slice(-HISTORICAL_ORDERS_KEPT).reverse()) {
    out.push(orderWithStatus(o, frontendOrder(o, st.core.market('hyperliquid', o.symbolId))));
  }
  return out;
}
