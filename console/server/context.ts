// What every console route handler gets (request, params, session, parsed form, dependencies) and
// the response helpers: HTML with security headers, htmx-aware redirects, page-or-fragment choice.
import type { EngineApi } from '../engine/api';
import type { LiveHub } from '../live/live-hub';
import type { Assets } from '../pages/layout';
import { html, type SafeHtml } from './html';
import type { Params } from './router';
import type { Session, SessionRealm, SessionStore } from './sessions';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Log = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

export interface ConsoleDeps {
  readonly api: EngineApi;
  /** Operator token of the console process itself (ENGINE_ADMIN_TOKEN): live events, overview polling, whale names for the portal. */
  readonly adminToken: string;
  readonly sessions: SessionStore;
  readonly hub: LiveHub;
  readonly assets: Assets;
  readonly cookieSecure: boolean;
  /** Public URL of the engine, for the TradingView webhook URL shown to operators. */
  readonly enginePublicUrl: string;
  readonly log: Log;
  readonly nowMs: () => number;
}

export type FormFields = Map<string, string>;

export interface Ctx {
  readonly req: Request;
  readonly url: URL;
  readonly params: Params;
  readonly realm: SessionRealm;
  readonly deps: ConsoleDeps;
  session: Session | undefined;
  /** True for htmx requests that swap part of a page (answer a fragment, not a full page). */
  readonly fragment: boolean;
  /** Set-Cookie lines added to the response. */
  readonly cookies: string[];
  form(): Promise<FormFields>;
}

export type Handler = (ctx: Ctx) => Promise<Response> | Response;

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

function withCookies(ctx: Ctx | undefined, headers: Headers): Headers {
  for (const line of ctx?.cookies ?? []) headers.append('set-cookie', line);
  return headers;
}

export function htmlResponse(ctx: Ctx | undefined, body: SafeHtml, status = 200, extra: Record<string, string> = {}): Response {
  const headers = new Headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS, ...extra });
  return new Response(body.value, { status, headers: withCookies(ctx, headers) });
}

export function jsonResponse(ctx: Ctx | undefined, body: unknown, status = 200): Response {
  const headers = new Headers({ 'content-type': 'application/json', 'cache-control': 'no-store', ...SECURITY_HEADERS });
  return new Response(JSON.stringify(body), { status, headers: withCookies(ctx, headers) });
}

/** 303 to `location`; for htmx requests a 200 with HX-Redirect (htmx then loads the page). */
export function redirect(ctx: Ctx, location: string): Response {
  const isHtmx = ctx.req.headers.get('hx-request') === 'true';
  const headers = new Headers({ ...SECURITY_HEADERS, 'cache-control': 'no-store' });
  if (isHtmx) headers.set('hx-redirect', location);
  else headers.set('location', location);
  return new Response(null, { status: isHtmx ? 200 : 303, headers: withCookies(ctx, headers) });
}

/** Whether the client asked for JSON (the Lit widgets' fetch calls). */
export const wantsJson = (req: Request): boolean => (req.headers.get('accept') ?? '').includes('application/json');

export async function parseForm(req: Request): Promise<FormFields> {
  const type = req.headers.get('content-type') ?? '';
  const out: FormFields = new Map();
  if (type.includes('application/json')) {
    const value = await req.json().catch(() => null) as unknown;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.set(k, String(v));
      }
    }
    return out;
  }
  if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
    const data = await req.formData().catch(() => undefined);
    data?.forEach((value, key) => {
      if (typeof value === 'string' && !out.has(key)) out.set(key, value);
    });
  }
  return out;
}

/** A minimal full page for errors before any layout is possible. */
export const bareErrorPage = (title: string, message: string) =>
  html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1><p>${message}</p></main></body></html>`;
