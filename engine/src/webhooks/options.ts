// Settings of the TradingView webhook ingress with their named defaults, and the mapping from the
// engine's config (WEBHOOK_* variables). No I/O.
import { parseAllowlist } from './source-guard';

export interface WebhookOptions {
  /** Alerts whose time is older than this are refused (WEBHOOK_MAX_AGE_MS). */
  readonly maxAgeMs: number;
  /** Alerts timed further ahead of the engine's clock than this are refused. */
  readonly futureSkewMs: number;
  /** Source addresses allowed; null = any (WEBHOOK_IP_ALLOWLIST). */
  readonly allowlist: ReadonlySet<string> | null;
  /** Header a trusted proxy puts the client address in; unset = the socket address (WEBHOOK_TRUSTED_PROXY_HEADER). */
  readonly trustedProxyHeader: string | undefined;
  /** Largest body accepted, in bytes (WEBHOOK_MAX_BODY_BYTES). */
  readonly maxBodyBytes: number;
  /** Requests per second per source address, sustained; bursts of one second's worth (WEBHOOK_RATE_PER_SOURCE). */
  readonly ratePerSource: number;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = Object.freeze({
  maxAgeMs: 60_000,
  futureSkewMs: 30_000,
  allowlist: null,
  trustedProxyHeader: undefined,
  maxBodyBytes: 4096,
  ratePerSource: 50,
});

/** The engine config's webhook section (raw variable values, validated by the config loader). */
export interface WebhookConfigLike {
  readonly maxAgeMs: number;
  readonly ipAllowlist?: string;
  readonly trustedProxyHeader?: string;
  readonly maxBodyBytes: number;
  readonly ratePerSource: number;
}

export function webhookOptionsOf(config: WebhookConfigLike): WebhookOptions {
  return {
    ...DEFAULT_WEBHOOK_OPTIONS,
    maxAgeMs: config.maxAgeMs,
    allowlist: parseAllowlist(config.ipAllowlist),
    trustedProxyHeader: config.trustedProxyHeader?.toLowerCase() || undefined,
    maxBodyBytes: config.maxBodyBytes,
    ratePerSource: config.ratePerSource,
  };
}
