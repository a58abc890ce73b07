// Composition root of the console process: builds the browser bundle, the engine client, the live link
// (engine WebSocket -> LiveHub -> browsers over SSE), the overview poller, sessions and routes, then listens.
import type { ConsoleConfig } from '../config';
import { EngineApi } from '../engine/api';
import { engineRequester } from '../engine/client';
import { EngineEventLink } from '../engine/event-link';
import { EnginePoller } from '../live/engine-poller';
import { LiveHub } from '../live/live-hub';
import { createConsoleHandler, type RouteSpec } from './app';
import { buildAssets } from './assets';
import { redirect, type ConsoleDeps, type Log } from './context';
import { Router } from './router';
import { addAuthRoutes } from './routes/auth-routes';
import { addOperatorEntityRoutes } from './routes/operator-entities';
import { addOperatorRoutes } from './routes/operator-routes';
import { addPortalRoutes } from './routes/portal-routes';
import { SessionStore } from './sessions';

export interface StartConsoleOptions {
  log?: Log;
  /** Overview and latency poll periods (ms); tests shorten them. */
  overviewMs?: number;
  latencyMs?: number;
}

export interface ConsoleHandle {
  url: string;
  port: number;
  hub: LiveHub;
  sessions: SessionStore;
  link: EngineEventLink;
  stop(): Promise<void>;
}

const LEVELS = { debug: 0, info: 1, warn: 2, error: 3 } as const;

export function consoleLogger(minimum: ConsoleConfig['logLevel']): Log {
  return (level, message, fields = {}) => {
    if (LEVELS[level] < LEVELS[minimum]) return;
    const line = JSON.stringify({ ts: new Date().toISOString(), level, component: 'console', message, ...fields });
    if (level === 'error' || level === 'warn') console.error(line);
    else console.log(line);
  };
}

export function consoleRoutes(): Router<RouteSpec> {
  const router = new Router<RouteSpec>();
  addAuthRoutes(router);
  addOperatorRoutes(router);
  addOperatorEntityRoutes(router);
  addPortalRoutes(router);
  for (const realm of ['console', 'portal'] as const) router.add('GET', '/', { realm, access: 'anonymous', handler: (ctx) => redirect(ctx, '/console') });
  return router;
}

export async function startConsole(config: ConsoleConfig, options: StartConsoleOptions = {}): Promise<ConsoleHandle> {
  const log = options.log ?? consoleLogger(config.logLevel);
  const built = await buildAssets();
  const api = new EngineApi(engineRequester(config.engineUrl));
  const hub = new LiveHub();
  const sessions = new SessionStore({ secret: config.sessionSecret, ttlMs: config.sessionTtlMs });
  const link = new EngineEventLink({
    engineUrl: config.engineUrl, token: config.adminToken,
    onMessage: (message) => hub.publish(message),
    onLinkChange: (connected) => {
      hub.publish({ type: 'link', ts: Date.now(), connected });
      log(connected ? 'info' : 'warn', connected ? 'engine event link up' : 'engine event link down');
    },
  });
  const poller = new EnginePoller({
    api, token: config.adminToken, hub, overviewMs: options.overviewMs, latencyMs: options.latencyMs,
    onError: (what, error) => log('debug', 'engine poll failed', { what, error: error instanceof Error ? error.message : String(error) }),
  });
  const deps: ConsoleDeps = {
    api, adminToken: config.adminToken, sessions, hub, assets: built.assets, cookieSecure: config.cookieSecure,
    enginePublicUrl: config.enginePublicUrl, log, nowMs: Date.now,
  };
  const handle = createConsoleHandler(deps, consoleRoutes());
  hub.publish({ type: 'link', ts: Date.now(), connected: false });
  link.start();
  poller.start();
  const evictTimer = setInterval(() => {
    for (const session of sessions.evict()) {
      const token = session.identity?.accountToken ?? session.identity?.engineToken;
      if (token) void api.logout(token).catch(() => undefined);
    }
  }, 60_000);
  const server = Bun.serve({
    port: config.port,
    hostname: config.hostname,
    // SSE streams stay open; the heartbeat (10 s) keeps them under this idle limit.
    idleTimeout: 30,
    fetch: (req) => {
      const path = new URL(req.url).pathname;
      if (path.startsWith('/assets/')) return built.serve(path) ?? new Response('not found', { status: 404 });
      if (path === '/favicon.ico') return new Response(null, { status: 204 });
      return handle(req);
    },
  });
  const port = server.port ?? config.port;
  log('info', 'console started', { port, engine: config.engineUrl });
  return {
    url: `http://127.0.0.1:${port}`, port, hub, sessions, link,
    async stop() {
      clearInterval(evictTimer);
      poller.stop();
      link.stop();
      hub.closeAll();
      const tokens = sessions.signedIn().map((s) => s.identity?.accountToken ?? s.identity?.engineToken).filter((t): t is string => typeof t === 'string');
      await Promise.all(tokens.map((t) => api.logout(t).catch(() => undefined)));
      await server.stop(true);
    },
  };
}
