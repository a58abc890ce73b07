// createApi: composes the engine's HTTP API (errors, health, OpenAPI, whales, followers, follows,
// journal) on injected dependencies. Returns the Elysia app; it never listens (the caller does).
import { Elysia } from 'elysia';
import { systemClock, type Clock } from '../core';
import type { Store } from '../store';
import { createAuthenticator } from './auth/authenticate';
import { authPlugin } from './auth/plugin';
import type { EngineControl } from './engine-control';
import { followersController } from './followers';
import { followsController } from './follows';
import { healthController } from './health';
import { errorHandler, type ReportError } from './http/error-handler';
import { journalController } from './journal';
import { openApiController } from './openapi';
import { whalesController } from './whales';

export interface ApiDeps {
  readonly store: Store;
  readonly control: EngineControl;
  /** Bootstrap operator token (ENGINE_ADMIN_TOKEN), at least 16 characters. */
  readonly adminToken: string;
  /** Time source for uptime; the system clock by default. */
  readonly clock?: Clock;
  /** Receives unexpected (500) errors, e.g. to log them; never given request bodies. */
  readonly reportError?: ReportError;
}

export function createApi(deps: ApiDeps) {
  const authenticate = createAuthenticator({ adminToken: deps.adminToken, tokens: deps.store.tokens });
  const auth = authPlugin(authenticate);
  const services = { store: deps.store, control: deps.control };
  const app = new Elysia({ name: 'ingress.api', normalize: false })
    .use(errorHandler(deps.reportError))
    .use(healthController(deps.clock ?? systemClock))
    .use(whalesController(services, auth))
    .use(followersController(services, auth))
    .use(followsController(services, auth))
    .use(journalController(services, auth));
  return app.use(openApiController(() => app.routes));
}

export type Api = ReturnType<typeof createApi>;
