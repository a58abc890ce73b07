// Hyperliquid nonce rule per signer: within (now - 2 days, now + 1 day), never reused, and larger than the
// smallest of the signer's 100 highest nonces once 100 are stored. Memory is bounded per signer; no I/O.

export const NONCE_WINDOW_PAST_MS = 2 * 86_400_000;
export const NONCE_WINDOW_FUTURE_MS = 86_400_000;
export const NONCES_KEPT_PER_SIGNER = 100;

export type NonceVerdict = 'ok' | 'duplicate' | 'too_low' | 'out_of_window';

export class NonceGuard {
  /** signer -> its highest nonces, ascending. */
  private readonly kept = new Map<string, number[]>();

  constructor(private readonly keep = NONCES_KEPT_PER_SIGNER) {}

  /** Check and, when accepted, record the nonce. */
  use(signer: string, nonce: number, now: number): NonceVerdict {
    if (!Number.isSafeInteger(nonce) || nonce <= now - NONCE_WINDOW_PAST_MS || nonce >= now + NONCE_WINDOW_FUTURE_MS) {
      return 'out_of_window';
    }
    let list = this.kept.get(signer);
    if (!list) this.kept.set(signer, (list = []));
    const at = lowerBound(list, nonce);
    if (list[at] === nonce) return 'duplicate';
    if (list.length >= this.keep && at === 0) return 'too_low';
    list.splice(at, 0, nonce);
    if (list.length > this.keep) list.shift();
    return 'ok';
  }

  clear(): void {
    this.kept.clear();
  }
}

function lowerBound(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The venue's wording for a refused nonce. */
export function nonceMessage(verdict: Exclude<NonceVerdict, 'ok'>, nonce: number): string {
  if (verdict === 'duplicate') return 'Invalid nonce: duplicate nonce';
  if (verdict === 'too_low') return `Invalid nonce: ${nonce} is lower than the signer's 100 most recent nonces`;
  return `Invalid nonce: ${nonce} must be within 2 days before and 1 day after the server time`;
}
