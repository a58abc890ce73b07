// Starts the venue simulator: Binance USD-M (plus the admin API) on port P, Hyperliquid on port P+1,
// both over one matching core. In-process for tests (port 0) or from main.ts as a process.
import { createAdminHandler } from './admin';
import { createBinanceHandlers } from './binance';
import { PriceWalk, createVenueContext, type RateLimitConfig, type VenueContext } from './core';
import type { VenueHandlers } from './handlers';
import { createHyperliquidHandlers } from './hyperliquid';

export interface VenueSimulatorOptions {
  /** Binance and admin port; Hyperliquid listens on port + 1. 0 = two free ports. */
  port?: number;
  hostname?: string;
  seed?: number;
  /** Move marks by a seeded random walk every walkIntervalMs (off by default: tests script prices). */
  walk?: boolean;
  walkIntervalMs?: number;
  volatility?: number;
  slippageBps?: number;
  /** Overrides every market's taker fee (e.g. 0). */
  takerFee?: number;
  verifySignatures?: boolean;
  rateLimit?: RateLimitConfig;
}

export interface VenueSimulator {
  ctx: VenueContext;
  binancePort: number;
  hyperliquidPort: number;
  /** http://host:P — Binance REST and the admin API. */
  binanceUrl: string;
  hyperliquidUrl: string;
  adminUrl: string;
  stop(): Promise<void>;
}

function serve(handlers: VenueHandlers, port: number, hostname: string, admin?: (req: Request) => Promise<Response>) {
  return Bun.serve({
    port,
    hostname,
    idleTimeout: 30,
    fetch(req, server) {
      if (admin && req.url.includes('/admin/')) return admin(req);
      return handlers.fetch(req, server);
    },
    websocket: handlers.websocket,
    error(e) {
      return Response.json({ code: -1000, msg: `simulator error: ${e.message}` }, { status: 500 });
    },
  });
}

export async function startVenueSimulator(opts: VenueSimulatorOptions = {}): Promise<VenueSimulator> {
  const hostname = opts.hostname ?? '127.0.0.1';
  const ctx = createVenueContext({
    slippageBps: opts.slippageBps,
    takerFee: opts.takerFee,
    verifySignatures: opts.verifySignatures,
    rateLimit: opts.rateLimit,
  });
  const binance = createBinanceHandlers(ctx);
  const hyperliquid = createHyperliquidHandlers(ctx);
  const bn = serve(binance, opts.port ?? 0, hostname, createAdminHandler(ctx));
  const hl = serve(hyperliquid, opts.port ? opts.port + 1 : 0, hostname);
  const walk = new PriceWalk(ctx.core, {
    seed: opts.seed ?? 1,
    intervalMs: opts.walkIntervalMs ?? 1000,
    volatility: opts.volatility ?? 0.0005,
  });
  if (opts.walk) walk.start();
  const binanceUrl = `http://${hostname}:${bn.port}`;
  return {
    ctx,
    binancePort: bn.port ?? 0,
    hyperliquidPort: hl.port ?? 0,
    binanceUrl,
    hyperliquidUrl: `http://${hostname}:${hl.port}`,
    adminUrl: `${binanceUrl}/admin`,
    async stop() {
      walk.stop();
      binance.close();
      hyperliquid.close();
      await Promise.all([bn.stop(true), hl.stop(true)]);
    },
  };
}
