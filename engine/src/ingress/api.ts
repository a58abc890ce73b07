// createApi: composes the engine's HTTP API (errors, health, OpenAPI, whales, followers, follows,
// journal, state, tokens, audit, overview, dead letters, live events, TradingView webhooks) on injected
// dependencies. Returns the Elysia app; it never listens (serveApi or the caller does).
import { Elysia } from 'elysia';
import { systemClock, type Clock } from '../core';
import { EventHub } from '../events';
import type { Store } from '../store';
import type { TradingViewIngress } from '../webhooks';
import { auditController } from './audit';
import { createAuthenticator } from './auth/authenticate';
import { authPlugin } from './auth/plugin';
import { deadLettersController } from './dead-letters';
import type { EngineControl } from './engine-control';
import { eventsController, type EventsSocketOptions } from './events';
import { followersController } from './followers';
import { followsController } from './follows';
import { healthController } from './health';
import { errorHandler, type ReportError } from './http/error-handler';
import { journalController } from './journal';
import { loginController, type CheckKey } from './login';
import { openApiController } from './openapi';
import { overviewController } from './overview';
import type { ApiBus, LatencySource } from './ports';
import { stateController } from './state';
import { tokensController } from './tokens';
import { webhooksController } from './webhooks';
import { whalesController } from './whales';

export interface ApiDeps {
  readonly store: Store;
  readonly control: EngineControl;
  /** Bootstrap operator token (ENGINE_ADMIN_TOKEN), at least 16 characters. */
  readonly adminToken: string;
  /** Shard stats, dead letters, the control stream, Redis readiness. */
  readonly bus: ApiBus;
  /** Executor shards (signal streams 0..shards-1). */
  readonly shards: number;
  /** Time source for uptime and events; the system clock by default. */
  readonly clock?: Clock;
  /** Receives unexpected (500) errors, e.g. to log them; never given request bodies. */
  readonly reportError?: ReportError;
  /** Live events for GET /api/events; a private, silent hub when absent. */
  readonly events?: EventHub;
  readonly eventsSocket?: EventsSocketOptions;
  /** Latency per hop (engine/src/metrics); empty objects when absent. */
  readonly latency?: LatencySource;
  readonly ordersPerSec?: () => number;
  /** POST /webhooks/tradingview is served when given; whale changes refresh its strategies. */
  readonly tradingView?: TradingViewIngress;
  /** Venue key check behind /api/auth/check-key and follower-key (ccxt against the configured venues). */
  readonly checkKey?: CheckKey;
}

export function createApi(deps: ApiDeps) {
  const clock = deps.clock ?? systemClock;
  const events = deps.events ?? new EventHub();
  const authenticate = createAuthenticator({ adminToken: deps.adminToken, tokens: deps.store.tokens });
  const auth = authPlugin(authenticate);
  const services = { store: deps.store, control: deps.control, tradingView: deps.tradingView };
  const operations = { ...services, bus: deps.bus, shards: deps.shards, latency: deps.latency, ordersPerSec: deps.ordersPerSec };
  const reportControlError = (error: unknown) => deps.reportError?.(error, { method: 'POST', path: '/api/state (control stream)' });
  const app = new Elysia({ name: 'ingress.api', normalize: false })
    .use(errorHandler(deps.reportError))
    .use(healthController(clock, { store: deps.store, bus: deps.bus, control: deps.control }))
    .use(whalesController(services, auth))
    .use(followersController(services, auth))
    .use(followsController(services, auth))
    .use(journalController(services, auth))
    .use(stateController({ ...services, bus: deps.bus, clock, events, onControlError: reportControlError }, auth))
    .use(tokensController(services, auth))
    .use(auditController(services, auth))
    .use(overviewController(operations, auth))
    .use(deadLettersController(operations, auth))
    .use(eventsController(events, authenticate, deps.eventsSocket))
    .use(loginController({ ...services, authenticate, checkKey: deps.checkKey }));
  const withWebhooks = deps.tradingView === undefined ? app : app.use(webhooksController(deps.tradingView));
  return withWebhooks.use(openApiController(() => withWebhooks.routes));
}

export type Api = ReturnType<typeof createApi>;
