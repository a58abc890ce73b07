// Waiting helpers of the executor: an injectable sleep and the retry backoff curve.
// Pure except `realSleep`; no retry decisions here.

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => (ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms)));

/** Exponential backoff: base x 2^failure, capped at max (failure 0 -> base). */
export function backoffMs(failure: number, baseMs: number, maxMs: number): number {
  const exp = Math.min(30, Math.max(0, Math.floor(failure)));
  return Math.min(maxMs, baseMs * 2 ** exp);
}

/** Seconds or an HTTP date in a Retry-After header, as milliseconds from `nowMs`; undefined if absent or unreadable. */
export function parseRetryAfterMs(value: unknown, nowMs: number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value * 1000 : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
