// User-data stream listen keys: one active key per account, valid 60 minutes after its last keep-alive,
// as on Binance USD-M. Knows the sockets reading each key so expiry and DELETE can close them.
import type { BinanceSocket } from './sockets';

export interface ListenKey {
  key: string;
  accountId: string;
  expiresAt: number;
  sockets: Set<BinanceSocket>;
}

export const LISTEN_KEY_TTL_MS = 60 * 60_000;

const newKey = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
};

export class ListenKeys {
  private readonly byKey = new Map<string, ListenKey>();
  private readonly byAccount = new Map<string, ListenKey>();

  constructor(private readonly now: () => number = Date.now, readonly ttlMs = LISTEN_KEY_TTL_MS) {}

  /** POST /listenKey: the account's active key (extended) or a new one. */
  open(accountId: string): ListenKey {
    const existing = this.valid(this.byAccount.get(accountId));
    if (existing) {
      existing.expiresAt = this.now() + this.ttlMs;
      return existing;
    }
    // An expired key of this account stays in byKey until sweep() closes its sockets.
    const k: ListenKey = { key: newKey(), accountId, expiresAt: this.now() + this.ttlMs, sockets: new Set() };
    this.byKey.set(k.key, k);
    this.byAccount.set(accountId, k);
    return k;
  }

  /** PUT /listenKey: extend the account's key; undefined when it has none (or it expired). */
  keepAlive(accountId: string): ListenKey | undefined {
    const k = this.valid(this.byAccount.get(accountId));
    if (k) k.expiresAt = this.now() + this.ttlMs;
    return k;
  }

  /** DELETE /listenKey: forget the account's key; the caller closes its sockets. */
  remove(accountId: string): ListenKey | undefined {
    const k = this.byAccount.get(accountId);
    if (k) this.drop(k);
    return k;
  }

  get(key: string): ListenKey | undefined {
    return this.valid(this.byKey.get(key));
  }

  /** Remove and return every key past its expiry. */
  sweep(): ListenKey[] {
    const now = this.now();
    const expired: ListenKey[] = [];
    for (const k of this.byKey.values()) if (k.expiresAt <= now) expired.push(k);
    for (const k of expired) this.drop(k);
    return expired;
  }

  private drop(k: ListenKey): void {
    this.byKey.delete(k.key);
    if (this.byAccount.get(k.accountId) === k) this.byAccount.delete(k.accountId);
  }

  private valid(k: ListenKey | undefined): ListenKey | undefined {
    return k && k.expiresAt > this.now() ? k : undefined;
  }
}
