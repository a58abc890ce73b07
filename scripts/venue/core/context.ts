// Everything a venue protocol layer needs, in one object built by the server: the matching core,
// credentials, rate limits, faults and options. Built once per simulator; nothing global.
import { CredentialRegistry } from './credentials';
import { Faults } from './faults';
import { MatchingCore, type MatchingCoreOptions } from './matching';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitConfig } from './rate-limit';

export interface VenueOptions {
  /** Hyperliquid: recover the signer of every /exchange action (default true). */
  verifySignatures: boolean;
  /** Binance: largest accepted recvWindow in ms (venue maximum 60,000). */
  maxRecvWindowMs: number;
}

export interface VenueContext {
  core: MatchingCore;
  credentials: CredentialRegistry;
  limiter: RateLimiter;
  faults: Faults;
  options: VenueOptions;
  /**
   * Instrumentation (benchmarks, tests): called for every authenticated order request with the time its HTTP
   * request or WebSocket API frame reached the simulator (epoch ms, performance clock), before it was parsed,
   * checked or matched, and the transport it came over.
   */
  onOrderRequest?: (venue: 'binanceusdm' | 'hyperliquid', clientOrderId: string, receivedMs: number, transport: 'rest' | 'websocket') => void;
}

export interface VenueContextOptions extends MatchingCoreOptions {
  verifySignatures?: boolean;
  rateLimit?: RateLimitConfig;
}

export function createVenueContext(opts: VenueContextOptions = {}): VenueContext {
  const core = new MatchingCore(opts);
  return {
    core,
    credentials: new CredentialRegistry(),
    limiter: new RateLimiter(opts.rateLimit ?? DEFAULT_RATE_LIMIT, core.now),
    faults: new Faults(core.now),
    options: { verifySignatures: opts.verifySignatures ?? true, maxRecvWindowMs: 60_000 },
  };
}
