// The fills each Binance account made (the core keeps orders, not fills), for GET /fapi/v1/userTrades.
// Bounded per account; filled from core order events.
import type { SimFill } from '../core';

export interface FillQuery {
  symbolId: string;
  orderId?: number;
  fromId?: number;
  startTime?: number;
  endTime?: number;
  limit: number;
}

export class FillLog {
  private readonly byAccount = new Map<string, SimFill[]>();

  constructor(private readonly keepPerAccount = 1000) {}

  add(f: SimFill): void {
    let list = this.byAccount.get(f.accountId);
    if (!list) this.byAccount.set(f.accountId, (list = []));
    list.push(f);
    if (list.length > this.keepPerAccount * 2) list.splice(0, list.length - this.keepPerAccount);
  }

  clear(): void {
    this.byAccount.clear();
  }

  /** Binance's selection: by fromId ascending, else the most recent `limit` fills in the time window. */
  query(accountId: string, q: FillQuery): SimFill[] {
    const out: SimFill[] = [];
    for (const f of this.byAccount.get(accountId) ?? []) {
      if (f.symbolId !== q.symbolId) continue;
      if (q.orderId !== undefined && f.orderId !== q.orderId) continue;
      if (q.fromId !== undefined && f.tradeId < q.fromId) continue;
      if (q.startTime !== undefined && f.timestamp < q.startTime) continue;
      if (q.endTime !== undefined && f.timestamp > q.endTime) continue;
      out.push(f);
    }
    return q.fromId !== undefined ? out.slice(0, q.limit) : out.slice(-q.limit);
  }
}
