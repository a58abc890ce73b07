// ccxt signs Binance requests with HMAC-SHA256 from @noble/hashes (pure JS); this swaps in node:crypto's
// HMAC for that one case on an instance. Same bytes in, same hex out; any other hash or digest stays ccxt's.
import { createHash, createHmac } from 'node:crypto';

type CcxtHmac = (request: string | Uint8Array, secret: string | Uint8Array, hash: unknown, digest?: string) => unknown;

const ABC_SHA256 = createHash('sha256').update('abc').digest('hex');
const known = new WeakMap<object, boolean>();

/** Whether `hash` is a noble-style SHA-256 function (ccxt bundles its own copy, so no identity check). */
function isSha256(hash: unknown): boolean {
  if (typeof hash !== 'function') return false;
  let yes = known.get(hash);
  if (yes === undefined) {
    const h = hash as ((data: Uint8Array) => Uint8Array) & { outputLen?: number; blockLen?: number };
    yes = h.outputLen === 32 && h.blockLen === 64 && Buffer.from(h(new TextEncoder().encode('abc'))).toString('hex') === ABC_SHA256;
    known.set(hash, yes);
  }
  return yes;
}

/** Replaces `ex.hmac` (ccxt's per-instance signing helper) with a native one for SHA-256 hex digests. */
export function useNativeHmac(ex: { hmac: CcxtHmac }): void {
  const fallback = ex.hmac;
  ex.hmac = (request, secret, hash, digest = 'hex') => {
    if (digest !== 'hex' || !isSha256(hash)) return fallback(request, secret, hash, digest);
    return createHmac('sha256', secret).update(request).digest('hex');
  };
}
