// Signed Binance USD-M account endpoints (account, positionRisk, leverageBracket, leverage) and the
// API-key-only listenKey endpoints. Order endpoints live in orders.ts.
import { SimRejectError, marketsOf, type VenueContext } from '../core';
import { BinanceApiError, illegal, mandatory } from './errors';
import { accountView, bracketView, notionalCap, positionView } from './format';
import type { ListenKeys } from './listen-keys';
import { marketOf } from './orders';
import type { SignedRequest } from './sign';
import type { UserStream } from './user-stream';

const BINANCE_MARKETS = marketsOf('binanceusdm');

export function account(ctx: VenueContext, s: SignedRequest, v2: boolean): string {
  const a = ctx.core.account(s.cred.id);
  return JSON.stringify(accountView(ctx.core, a, BINANCE_MARKETS, v2));
}

/** v3 lists open positions only; v2 every symbol (zero rows included). `symbol` narrows both. */
export function positionRisk(ctx: VenueContext, s: SignedRequest, v2: boolean): string {
  const a = ctx.core.account(s.cred.id);
  const only = s.params.symbol === undefined ? undefined : marketOf(ctx, s.params).id;
  const rows = [];
  for (const m of BINANCE_MARKETS) {
    if (only !== undefined && m.id !== only) continue;
    const p = a.positions.get(m.id) ?? { symbolId: m.id, contracts: 0, entryPrice: 0, realizedPnl: 0, updateTime: 0 };
    if (!v2 && p.contracts === 0) continue;
    rows.push(positionView(ctx.core, a, p, v2));
  }
  return JSON.stringify(rows);
}

export function leverageBracket(ctx: VenueContext, s: SignedRequest): string {
  if (s.params.symbol !== undefined) return JSON.stringify(bracketView(marketOf(ctx, s.params)));
  return JSON.stringify(BINANCE_MARKETS.map(bracketView));
}

export function setLeverage(ctx: VenueContext, s: SignedRequest): string {
  const m = marketOf(ctx, s.params);
  const raw = s.params.leverage;
  if (raw === undefined || raw === '') throw mandatory('leverage');
  if (!/^[0-9]{1,4}$/.test(raw)) throw illegal('leverage');
  const leverage = Number(raw);
  try {
    ctx.core.setLeverage(s.cred.id, m.id, leverage);
  } catch (e) {
    if (e instanceof SimRejectError && e.code === 'bad_leverage') {
      throw new BinanceApiError(-4028, `Leverage ${leverage} is not valid`, 400, { cause: e });
    }
    throw e;
  }
  return JSON.stringify({ leverage, maxNotionalValue: String(notionalCap(m)), symbol: m.id });
}

/** POST / PUT / DELETE /fapi/v1/listenKey for the account behind the API key. */
export function listenKey(keys: ListenKeys, stream: UserStream, method: string, accountId: string, now: number): string {
  if (method === 'POST') return JSON.stringify({ listenKey: keys.open(accountId).key });
  if (method === 'PUT') {
    const k = keys.keepAlive(accountId);
    if (!k) throw new BinanceApiError(-1125, 'This listenKey does not exist.');
    return JSON.stringify({ listenKey: k.key });
  }
  const k = keys.remove(accountId);
  if (k) stream.end(k, now);
  return '{}';
}
