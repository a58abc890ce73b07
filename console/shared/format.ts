// Number and time formatting shared by the server templates and the browser components: fixed
// decimals (right-aligned columns never jump), UTC times and relative ages. Pure; no DOM, no I/O.

const groupers = new Map<number, Intl.NumberFormat>();

function grouper(decimals: number): Intl.NumberFormat {
  let f = groupers.get(decimals);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true });
    groupers.set(decimals, f);
  }
  return f;
}

/** `1,234.50` for (1234.5, 2); an em dash for missing or non-finite values; never `-0.00`. */
export function formatNumber(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = grouper(decimals).format(value);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** Signed, with an explicit `+` for positive values: `+0.0100`, `-2.5000`, `0.0000`. */
export function formatSigned(value: number | null | undefined, decimals: number): string {
  const text = formatNumber(value, decimals);
  return value !== null && value !== undefined && Number.isFinite(value) && text !== formatNumber(0, decimals) && value > 0 ? `+${text}` : text;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2025-01-02 03:04:05 UTC`. */
export function formatUtc(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

/** `03:04:05.678` (UTC), for dense live feeds. */
export function formatUtcClock(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const d = new Date(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/** `now`, `12 s ago`, `5 min ago`, `3 h ago`, `2 d ago`; future times read `in 12 s`. */
export function relativeAge(ms: number, nowMs: number): string {
  if (!Number.isFinite(ms) || !Number.isFinite(nowMs)) return '—';
  const delta = nowMs - ms;
  const abs = Math.abs(delta);
  if (abs < 1000) return 'now';
  const [amount, unit] = abs < 60_000 ? [Math.floor(abs / 1000), 's']
    : abs < 3_600_000 ? [Math.floor(abs / 60_000), 'min']
      : abs < 86_400_000 ? [Math.floor(abs / 3_600_000), 'h']
        : [Math.floor(abs / 86_400_000), 'd'];
  return delta >= 0 ? `${amount} ${unit} ago` : `in ${amount} ${unit}`;
}

/** Decimals that show a quantity of this symbol exactly enough: 5 for BTC-like, 4 for others. */
export function contractDecimals(symbol: string): number {
  return symbol.startsWith('BTC/') ? 5 : 4;
}
