// Where a webhook comes from and whether it may: the client address (socket, or a trusted proxy
// header), the optional allowlist (TradingView's published addresses) and a token bucket per source.
// Pure apart from the in-memory buckets; no I/O.

/** TradingView's published webhook source addresses. */
export const TRADINGVIEW_ADDRESSES: readonly string[] = Object.freeze(['52.89.214.238', '34.212.75.30', '54.218.53.128', '52.32.178.7']);

/** '::ffff:1.2.3.4' -> '1.2.3.4'; trims and lower-cases IPv6. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim().toLowerCase();
  return trimmed.startsWith('::ffff:') && trimmed.includes('.') ? trimmed.slice(7) : trimmed;
}

/**
 * WEBHOOK_IP_ALLOWLIST: unset or '' = off (null); 'tradingview' = the four published addresses;
 * otherwise a comma list of addresses ('tradingview' may be one of the items).
 */
export function parseAllowlist(spec: string | undefined): ReadonlySet<string> | null {
  if (spec === undefined || spec.trim() === '') return null;
  const out = new Set<string>();
  for (const item of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (item.toLowerCase() === 'tradingview') for (const a of TRADINGVIEW_ADDRESSES) out.add(a);
    else out.add(normalizeAddress(item));
  }
  return out;
}

/**
 * The client's address: with a trusted proxy header, its last entry (what the proxy in front of us
 * saw); otherwise the socket's address. Undefined when neither is known.
 */
export function clientAddress(headers: Headers, socketAddress: string | undefined, trustedHeader: string | undefined): string | undefined {
  if (trustedHeader !== undefined && trustedHeader !== '') {
    const value = headers.get(trustedHeader);
    if (value === null) return undefined;
    const entries = value.split(',').map((s) => s.trim()).filter(Boolean);
    const last = entries[entries.length - 1];
    return last === undefined ? undefined : normalizeAddress(last);
  }
  return socketAddress === undefined || socketAddress === '' ? undefined : normalizeAddress(socketAddress);
}

interface Bucket {
  tokens: number;
  atMs: number;
}

/**
 * One token bucket per source: `ratePerSecond` sustained, bursts up to `burst` (default: one second's
 * worth). At most `maxSources` buckets are kept; beyond that, full (idle) buckets are forgotten first.
 */
export class SourceRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly burst: number;

  constructor(private readonly ratePerSecond: number, options: { burst?: number; maxSources?: number } = {}) {
    if (!(ratePerSecond > 0)) throw new RangeError(`ratePerSecond must be positive, got ${ratePerSecond}`);
    this.burst = options.burst ?? Math.max(1, ratePerSecond);
    this.maxSources = options.maxSources ?? 10_000;
  }

  private readonly maxSources: number;

  /** Takes one token for `source`; false when its bucket is empty. */
  allow(source: string, nowMs: number): boolean {
    let bucket = this.buckets.get(source);
    if (bucket === undefined) {
      if (this.buckets.size >= this.maxSources) this.evict(nowMs);
      bucket = { tokens: this.burst, atMs: nowMs };
      this.buckets.set(source, bucket);
    } else if (nowMs > bucket.atMs) {
      bucket.tokens = Math.min(this.burst, bucket.tokens + ((nowMs - bucket.atMs) / 1000) * this.ratePerSecond);
      bucket.atMs = nowMs;
    }
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  get sources(): number {
    return this.buckets.size;
  }

  /**
   * Drops buckets that have refilled completely (they behave like new ones), then, if that freed less
   * than a tenth, the oldest ones up to a tenth, so a flood of new sources scans rarely.
   */
  private evict(nowMs: number): void {
    for (const [source, bucket] of this.buckets) {
      if (bucket.tokens + ((nowMs - bucket.atMs) / 1000) * this.ratePerSecond >= this.burst) this.buckets.delete(source);
    }
    const target = Math.floor(this.maxSources * 0.9);
    for (const source of this.buckets.keys()) {
      if (this.buckets.size <= target) break;
      this.buckets.delete(source);
    }
  }
}
