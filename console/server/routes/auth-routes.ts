// Sign-in, sign-up and sign-out of both realms. The engine checks passwords (argon2id, lockout) and
// answers tokens; this file keeps those tokens in the server-side session and rotates the session id.
import { EngineRequestError } from '../../engine/client';
import type { FollowerSession, OperatorSession } from '../../engine/types';
import { authMain, signInForm, signUpForm } from '../../pages/auth';
import type { RouteSpec } from '../app';
import { setSessionCookie } from '../app';
import { redirect, type Ctx } from '../context';
import { renderFragment } from '../render';
import type { Router } from '../router';
import type { SessionIdentity, SessionRealm } from '../sessions';

const HOME: Record<SessionRealm, string> = { console: '/console', portal: '/portal' };
const INTRO: Record<SessionRealm, string> = {
  console: 'Operators sign in to run the engine.',
  portal: 'Followers sign in to manage their copying.',
};

/** The anonymous session behind the sign-in forms (created on first visit). */
function anonymousSession(ctx: Ctx) {
  if (ctx.session !== undefined) return ctx.session;
  const { session, cookie } = ctx.deps.sessions.create(ctx.realm, null);
  setSessionCookie(ctx, cookie);
  ctx.session = session;
  return session;
}

/** Replaces the anonymous session by a signed-in one (a new id: no session fixation). */
function signIn(ctx: Ctx, identity: SessionIdentity, engineExpiresAt: string): Response {
  if (ctx.session !== undefined) ctx.deps.sessions.destroy(ctx.session.id);
  const { session, cookie } = ctx.deps.sessions.create(ctx.realm, identity);
  session.expiresAt = Math.min(session.expiresAt, Date.parse(engineExpiresAt) || session.expiresAt);
  ctx.session = session;
  setSessionCookie(ctx, cookie);
  return redirect(ctx, HOME[ctx.realm]);
}

export function signInFailure(error: unknown): { status: number; message: string } {
  if (!(error instanceof EngineRequestError)) throw error;
  if (error.status === 401) return { status: 401, message: 'Email or password is wrong.' };
  if (error.status === 423) return { status: 423, message: error.body.message ? `Locked: ${error.body.message}.` : 'Too many failed sign-ins; try again later.' };
  if (error.status === 409) return { status: 409, message: 'An account with this email already exists.' };
  if (error.status === 400) return { status: 400, message: error.body.error === 'invalid_request' ? `${error.body.message}.` : 'Enter a valid email and password.' };
  throw error;
}

function followerIdentity(s: FollowerSession): SessionIdentity {
  return { email: s.email, name: s.name, engineToken: s.token, accountToken: s.accountToken, followerId: s.followerId, accountId: s.accountId };
}
const operatorIdentity = (s: OperatorSession): SessionIdentity =>
  ({ email: s.email, name: s.email, engineToken: s.token, accountToken: null, followerId: null, accountId: null });

function showSignIn(ctx: Ctx): Response {
  if (ctx.session?.identity != null) return redirect(ctx, HOME[ctx.realm]);
  const session = anonymousSession(ctx);
  return renderFragment(ctx, 'Sign in', signInForm({ realm: ctx.realm, csrf: session.csrf }), 200, authMain(signInForm({ realm: ctx.realm, csrf: session.csrf }), INTRO[ctx.realm]));
}

async function submitSignIn(ctx: Ctx): Promise<Response> {
  const form = await ctx.form();
  const email = form.get('email')?.trim() ?? '';
  const password = form.get('password') ?? '';
  const csrf = ctx.session!.csrf;
  try {
    if (ctx.realm === 'console') {
      const s = await ctx.deps.api.operatorLogin(email, password);
      return signIn(ctx, operatorIdentity(s), s.expiresAt);
    }
    const s = await ctx.deps.api.followerLogin(email, password);
    return signIn(ctx, followerIdentity(s), s.expiresAt);
  } catch (error) {
    const { status, message } = signInFailure(error);
    const form = signInForm({ realm: ctx.realm, csrf, email, error: message });
    return renderFragment(ctx, 'Sign in', form, status, authMain(form, INTRO[ctx.realm]));
  }
}

function showSignUp(ctx: Ctx): Response {
  if (ctx.session?.identity != null) return redirect(ctx, HOME.portal);
  const form = signUpForm({ realm: 'portal', csrf: anonymousSession(ctx).csrf });
  return renderFragment(ctx, 'Create an account', form, 200, authMain(form, 'Create an account, then connect your venue key and follow whales.'));
}

async function submitSignUp(ctx: Ctx): Promise<Response> {
  const form = await ctx.form();
  const [email, password, name] = [form.get('email')?.trim() ?? '', form.get('password') ?? '', form.get('name')?.trim() ?? ''];
  try {
    const s = await ctx.deps.api.followerSignup(email, password, name);
    return signIn(ctx, followerIdentity(s), s.expiresAt);
  } catch (error) {
    const { status, message } = signInFailure(error);
    const again = signUpForm({ realm: 'portal', csrf: ctx.session!.csrf, email, name, error: message });
    return renderFragment(ctx, 'Create an account', again, status, authMain(again, 'Create an account.'));
  }
}

async function signOut(ctx: Ctx): Promise<Response> {
  const identity = ctx.session?.identity;
  const tokens = [identity?.accountToken, identity?.engineToken].filter((t): t is string => typeof t === 'string');
  // The account token ends the portal sign-in (and revokes its API token); an operator token ends its own.
  const token = tokens[0];
  if (token !== undefined) await ctx.deps.api.logout(token).catch(() => undefined);
  if (ctx.session !== undefined) ctx.deps.sessions.destroy(ctx.session.id);
  setSessionCookie(ctx, '', 0);
  return redirect(ctx, `/${ctx.realm}/login`);
}

export function addAuthRoutes(router: Router<RouteSpec>): void {
  for (const realm of ['console', 'portal'] as const) {
    router.add('GET', `/${realm}/login`, { realm, access: 'anonymous', handler: showSignIn });
    router.add('POST', `/${realm}/login`, { realm, access: 'anonymous', handler: submitSignIn });
    router.add('POST', `/${realm}/logout`, { realm, access: 'signed-in', handler: signOut });
  }
  router.add('GET', '/portal/signup', { realm: 'portal', access: 'anonymous', handler: showSignUp });
  router.add('POST', '/portal/signup', { realm: 'portal', access: 'anonymous', handler: submitSignUp });
}
