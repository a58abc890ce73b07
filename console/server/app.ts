// The console server's request pipeline: route match, realm session from its cookie, CSRF on every
// state-changing request, sign-in gate, then the handler; engine errors become pages or fragments.
import { EngineRequestError, EngineUnavailableError } from '../engine/client';
import { notice } from '../pages/widgets';
import { type ConsoleDeps, type Ctx, type Handler, bareErrorPage, htmlResponse, jsonResponse, parseForm, redirect, wantsJson, SECURITY_HEADERS } from './context';
import { parseCookies, sessionCookie } from './cookies';
import { CSRF_FIELD, CSRF_HEADER, csrfRefusal, isStateChanging } from './csrf';
import { Router } from './router';
import type { SessionRealm } from './sessions';

export interface RouteSpec {
  realm: SessionRealm;
  /** 'anonymous': sign-in and sign-up forms; 'signed-in': everything else. */
  access: 'anonymous' | 'signed-in';
  handler: Handler;
}

export const COOKIE_NAME: Record<SessionRealm, string> = { console: 'wc_console', portal: 'wc_portal' };
export const cookiePath = (realm: SessionRealm) => `/${realm}`;

export function setSessionCookie(ctx: Ctx, value: string, maxAgeSeconds?: number): void {
  ctx.cookies.push(sessionCookie(COOKIE_NAME[ctx.realm], value, { path: cookiePath(ctx.realm), secure: ctx.deps.cookieSecure, maxAge: maxAgeSeconds }));
}

function failure(ctx: Ctx, status: number, message: string): Response {
  if (wantsJson(ctx.req)) return jsonResponse(ctx, { error: message }, status);
  if (ctx.fragment) return htmlResponse(ctx, notice('error', message), status);
  return htmlResponse(ctx, bareErrorPage(`Error ${status}`, message), status);
}

async function runHandler(ctx: Ctx, handler: Handler): Promise<Response> {
  try {
    return await handler(ctx);
  } catch (error) {
    if (error instanceof EngineRequestError) {
      if (error.status === 401 && ctx.session?.identity != null) {
        // The engine no longer accepts this session's token (expired or revoked): sign in again.
        ctx.deps.sessions.destroy(ctx.session.id);
        setSessionCookie(ctx, '', 0);
        return redirect(ctx, `/${ctx.realm}/login`);
      }
      return failure(ctx, error.status >= 500 ? 502 : error.status, error.body.message || error.body.error);
    }
    if (error instanceof EngineUnavailableError) return failure(ctx, 503, 'The engine is unavailable; try again in a moment.');
    ctx.deps.log('error', 'console handler failed', { path: ctx.url.pathname, error: error instanceof Error ? error.message : String(error) });
    return failure(ctx, 500, 'Something went wrong in the console.');
  }
}

export function createConsoleHandler(deps: ConsoleDeps, routes: Router<RouteSpec>) {
  return async (req: Request): Promise<Response> => {
    const url = new URL(req.url);
    const { found, allowed } = routes.match(req.method, url.pathname);
    if (found === undefined) {
      const status = allowed.length > 0 ? 405 : 404;
      const headers: Record<string, string> = allowed.length > 0 ? { allow: allowed.join(', ') } : {};
      return htmlResponse(undefined, bareErrorPage(status === 404 ? 'Not found' : 'Method not allowed', url.pathname), status, headers);
    }
    const { realm, access, handler } = found.value;
    const jar = parseCookies(req.headers.get('cookie'));
    let formCache: Promise<Map<string, string>> | undefined;
    const ctx: Ctx = {
      req, url, params: found.params, realm, deps,
      session: deps.sessions.resolve(realm, jar.get(COOKIE_NAME[realm])),
      fragment: req.headers.get('hx-request') === 'true' && req.headers.get('hx-request-type') !== 'full',
      cookies: [],
      form: () => (formCache ??= parseForm(req)),
    };
    if (isStateChanging(req.method)) {
      const headerToken = req.headers.get(CSRF_HEADER);
      const formToken = headerToken === null ? (await ctx.form()).get(CSRF_FIELD) ?? null : null;
      const refusal = csrfRefusal({ session: ctx.session, headerToken, formToken, origin: req.headers.get('origin'), ownOrigin: url.origin });
      if (refusal !== undefined) {
        deps.log('warn', 'refused a state-changing request', { path: url.pathname, reason: refusal });
        return failure(ctx, 403, `Forbidden: ${refusal}. Reload the page and try again.`);
      }
    }
    if (access === 'signed-in' && ctx.session?.identity == null) {
      if (req.headers.get('accept')?.includes('text/event-stream')) return new Response('sign in first', { status: 401, headers: SECURITY_HEADERS });
      return redirect(ctx, `/${realm}/login`);
    }
    return runHandler(ctx, handler);
  };
}
