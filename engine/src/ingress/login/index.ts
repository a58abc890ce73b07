// Sign-in controller: routes of /api/auth (operator and follower-portal login with lockout, sign-up,
// operator creation, venue key check and save). Mount with `.use(loginController(deps))`; no rules here.
import { Elysia } from 'elysia';
import { systemClock, type Clock } from '../../core';
import type { Store } from '../../store';
import type { Authenticate } from '../auth/authenticate';
import type { EngineControl } from '../engine-control';
import { createKeyChecker, type CheckKey } from './key-check';
import {
  Credentials, FollowerKeySaved, FollowerSession, FollowerSignupBody, KeyCheckView, OperatorSession, OperatorView, SessionView, VenueKeyBody,
} from './model';
import { DEFAULT_LOGIN_POLICY, type LoginPolicy } from './passwords';
import { LoginService } from './service';

export interface LoginDeps {
  readonly store: Store;
  readonly control: EngineControl;
  /** The API's authenticator (admin token and issued tokens). */
  readonly authenticate: Authenticate;
  /** Venue key check; default: ccxt against the real venues (engine.ts passes the configured venue URLs). */
  readonly checkKey?: CheckKey;
  readonly policy?: Partial<LoginPolicy>;
  readonly clock?: Clock;
}

const tags = ['auth'];
const open = { security: [] as Record<string, string[]>[] };

export function loginController(deps: LoginDeps) {
  const clock = deps.clock ?? systemClock;
  const login = new LoginService({
    store: deps.store, control: deps.control, authenticate: deps.authenticate,
    checkKey: deps.checkKey ?? createKeyChecker(), policy: { ...DEFAULT_LOGIN_POLICY, ...deps.policy }, nowMs: () => clock.nowMs(),
  });
  return new Elysia({ name: 'ingress.login', normalize: false, prefix: '/api/auth' })
    .post('/operator-login', ({ body }) => login.operatorLogin(body), {
      body: Credentials, response: { 200: OperatorSession },
      detail: { tags, ...open, summary: 'Operator sign-in (argon2id); locks after repeated failures; answers a short-lived operator token' },
    })
    .post('/operators', async ({ headers, body, status }) => status(201, await login.createOperator(await login.caller(headers.authorization), body)), { body: Credentials, response: { 201: OperatorView }, detail: { tags, summary: 'Create an operator account (operator)' } })
    .post('/follower-signup', async ({ body, status }) => status(201, await login.followerSignup(body)), {
      body: FollowerSignupBody, response: { 201: FollowerSession }, detail: { tags, ...open, summary: 'Follower portal sign-up' },
    })
    .post('/follower-login', ({ body }) => login.followerLogin(body), {
      body: Credentials, response: { 200: FollowerSession }, detail: { tags, ...open, summary: 'Follower portal sign-in; locks after repeated failures' },
    })
    .post('/check-key', async ({ headers, body }) => login.checkKey(await login.caller(headers.authorization), body), {
      body: VenueKeyBody, response: { 200: KeyCheckView },
      detail: { tags, summary: 'Check a venue key (connectivity and balance) without saving it (operator or portal session)' },
    })
    .post('/follower-key', async ({ headers, body }) => login.saveFollowerKey(await login.caller(headers.authorization), body), {
      body: VenueKeyBody, response: { 200: FollowerKeySaved },
      detail: { tags, summary: 'Check, then save the portal account\'s venue key (creates its follower on first save)' },
    })
    .get('/session', async ({ headers }) => login.session(await login.caller(headers.authorization)), {
      response: { 200: SessionView }, detail: { tags, summary: 'The sign-in behind this token' },
    })
    .post('/logout', async ({ headers, set }) => {
      await login.logout(await login.caller(headers.authorization));
      set.status = 204;
    }, { detail: { tags, summary: 'End this sign-in and revoke the token it issued' } });
}

export { createKeyChecker, type CheckKey, type KeyCheckCredentials, type KeyCheckResult } from './key-check';
export { DEFAULT_LOGIN_POLICY, type LoginPolicy } from './passwords';
export { LoginService, sweepExpiredSignIns } from './service';
