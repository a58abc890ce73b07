// Renders a handler's result as a full page (layout, navigation, CSRF meta, live events URL) or, for
// htmx partial requests, as the bare fragment. The only place pages meet the layout.
import { page } from '../pages/layout';
import { htmlResponse, type Ctx } from './context';
import type { SafeHtml } from './html';

export function renderPage(ctx: Ctx, title: string, main: SafeHtml, status = 200): Response {
  const session = ctx.session;
  const signedIn = session?.identity != null;
  return htmlResponse(ctx, page({
    realm: ctx.realm, title, assets: ctx.deps.assets, path: ctx.url.pathname, main,
    csrf: session?.csrf ?? '',
    user: signedIn ? { name: session!.identity!.name } : undefined,
    eventsUrl: signedIn ? `/${ctx.realm}/events` : undefined,
  }), status);
}

/** The fragment alone for htmx partial requests; otherwise the full page around `fullMain` (default: the fragment). */
export function renderFragment(ctx: Ctx, title: string, fragment: SafeHtml, status = 200, fullMain?: SafeHtml): Response {
  return ctx.fragment ? htmlResponse(ctx, fragment, status) : renderPage(ctx, title, fullMain ?? fragment, status);
}

/** The signed-in session's engine token (the sign-in gate guarantees a signed-in session). */
export function engineToken(ctx: Ctx): string {
  const token = ctx.session?.identity?.engineToken;
  if (token === undefined || token === null) throw new TypeError('this route needs a session with an engine token');
  return token;
}
