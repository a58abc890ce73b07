// Follower portal routes: home, venue key (checked, then saved by the engine; never echoed), follows,
// orders/fills/PnL, pause, and the live event stream limited to the follower's own events.
import { EngineRequestError } from '../../engine/client';
import { visibleToFollower } from '../../shared/events';
import { FollowFormError, parseFollowForm } from '../../pages/follow-form';
import { keyCheckResult, KeyFormError, parseKeyForm } from '../../pages/key-form';
import { followsSection } from '../../pages/operator/followers';
import { historyMain, keySection, noKeyYet, pauseSection, portalHome } from '../../pages/portal/portal';
import { notice } from '../../pages/widgets';
import { sseResponse } from '../../live/sse';
import type { RouteSpec } from '../app';
import { htmlResponse, redirect, type Ctx } from '../context';
import { renderFragment, renderPage } from '../render';
import type { Router } from '../router';
import type { SafeHtml } from '../html';
import type { SessionIdentity } from '../sessions';

const identity = (ctx: Ctx): SessionIdentity => ctx.session!.identity!;

/** The follower token, or undefined before the venue key is saved. */
function followerAccess(ctx: Ctx): { token: string; followerId: string } | undefined {
  const { engineToken, followerId } = identity(ctx);
  return engineToken === null || followerId === null ? undefined : { token: engineToken, followerId };
}

const failedMessage = (error: unknown): string => {
  if (error instanceof EngineRequestError && error.status < 500) return error.body.message;
  throw error;
};

async function home(ctx: Ctx): Promise<Response> {
  const access = followerAccess(ctx);
  if (access === undefined) return renderPage(ctx, `Hello, ${identity(ctx).name}`, noKeyYet());
  const [follower, positions, states] = await Promise.all([
    ctx.deps.api.follower(access.token, access.followerId), ctx.deps.api.followerPositions(access.token, access.followerId), ctx.deps.api.states(access.token),
  ]);
  return renderPage(ctx, `Hello, ${identity(ctx).name}`, portalHome({ follower, engineState: states.engine, positions, csrf: ctx.session!.csrf }));
}

async function venueOf(ctx: Ctx): Promise<string | null> {
  const access = followerAccess(ctx);
  return access === undefined ? null : (await ctx.deps.api.follower(access.token, access.followerId)).venue;
}

async function keyPage(ctx: Ctx): Promise<Response> {
  return renderPage(ctx, 'Venue key', keySection({ csrf: ctx.session!.csrf, venue: await venueOf(ctx) }));
}

async function checkKey(ctx: Ctx): Promise<Response> {
  try {
    const check = await ctx.deps.api.checkKey(identity(ctx).accountToken!, parseKeyForm(await ctx.form()));
    return htmlResponse(ctx, keyCheckResult(check), check.ok ? 200 : 422);
  } catch (error) {
    if (error instanceof KeyFormError) return htmlResponse(ctx, notice('error', error.message), 422);
    throw error;
  }
}

async function saveKey(ctx: Ctx): Promise<Response> {
  const who = identity(ctx);
  const csrf = ctx.session!.csrf;
  try {
    const saved = await ctx.deps.api.saveFollowerKey(who.accountToken!, parseKeyForm(await ctx.form()));
    who.followerId = saved.followerId;
    if (saved.token !== null) who.engineToken = saved.token;
    return renderFragment(ctx, 'Venue key', keySection({ csrf, venue: await venueOf(ctx), saved: saved.balance }));
  } catch (error) {
    const message = error instanceof KeyFormError ? error.message : failedMessage(error);
    return renderFragment(ctx, 'Venue key', keySection({ csrf, venue: await venueOf(ctx), error: message }), 422);
  }
}

async function follows(ctx: Ctx, error?: string, status = 200): Promise<Response> {
  const access = followerAccess(ctx);
  if (access === undefined) return renderPage(ctx, 'Whales I follow', noKeyYet());
  // Follower tokens cannot list whales; the console lists them (name, kind) with its own operator token.
  const [list, whales] = await Promise.all([ctx.deps.api.follows(access.token, { followerId: access.followerId }), ctx.deps.api.whales(ctx.deps.adminToken)]);
  const section = followsSection({ follows: list, whales, followerId: access.followerId, csrf: ctx.session!.csrf, error, deleteBase: '/portal/follows', createUrl: '/portal/follows' });
  return renderFragment(ctx, 'Whales I follow', section, status);
}

async function follow(ctx: Ctx): Promise<Response> {
  const access = followerAccess(ctx);
  if (access === undefined) return redirect(ctx, '/portal/key');
  try {
    await ctx.deps.api.createFollow(access.token, { ...parseFollowForm(await ctx.form()), followerId: access.followerId });
    return ctx.fragment ? follows(ctx) : redirect(ctx, '/portal/follows');
  } catch (error) {
    return follows(ctx, error instanceof FollowFormError ? error.message : failedMessage(error), 422);
  }
}

async function unfollow(ctx: Ctx): Promise<Response> {
  const access = followerAccess(ctx);
  if (access === undefined) return redirect(ctx, '/portal/key');
  await ctx.deps.api.deleteFollow(access.token, ctx.params.id!);
  return ctx.fragment ? follows(ctx) : redirect(ctx, '/portal/follows');
}

async function history(ctx: Ctx): Promise<Response> {
  const access = followerAccess(ctx);
  if (access === undefined) return renderPage(ctx, 'Orders & PnL', noKeyYet());
  const [orders, fills] = await Promise.all([
    ctx.deps.api.orders(access.token, { followerId: access.followerId, limit: 200 }), ctx.deps.api.fills(access.token, { followerId: access.followerId, limit: 500 }),
  ]);
  return renderPage(ctx, 'Orders & PnL', historyMain({ orders, fills }));
}

/** Pause = halt the own follower through the engine's state switch (a follower may only make trading more cautious). */
async function pause(ctx: Ctx): Promise<Response> {
  const access = followerAccess(ctx);
  if (access === undefined) return redirect(ctx, '/portal/key');
  const section = async (message: SafeHtml) => {
    const [follower, states] = await Promise.all([ctx.deps.api.follower(access.token, access.followerId), ctx.deps.api.states(access.token)]);
    return pauseSection(follower, states.engine, ctx.session!.csrf, message);
  };
  if ((await ctx.form()).get('confirm') !== 'yes') return renderFragment(ctx, 'My copying', await section(notice('error', 'Tick the box to confirm the pause.')), 422);
  await ctx.deps.api.setState(access.token, { scope: 'follower', id: access.followerId, state: 'halted' });
  if (!ctx.fragment) return redirect(ctx, '/portal');
  return htmlResponse(ctx, await section(notice('ok', 'Your copying is paused.')));
}

/** Only the follower's own events (and the engine-wide state) reach its browser. */
function events(ctx: Ctx): Response {
  const followerId = identity(ctx).followerId;
  return sseResponse((onReady) => ctx.deps.hub.subscribe({
    onReady,
    // Read the id at delivery time: it appears when the first key is saved.
    filter: (message) => {
      if (message.type === 'link') return true;
      const current = ctx.session?.identity?.followerId ?? followerId;
      return current !== null && current !== undefined && visibleToFollower(message, current);
    },
  }), { signal: ctx.req.signal });
}

export function addPortalRoutes(router: Router<RouteSpec>): void {
  const route = (method: string, path: string, handler: RouteSpec['handler']) => router.add(method, path, { realm: 'portal', access: 'signed-in', handler });
  route('GET', '/portal', home);
  route('GET', '/portal/key', keyPage);
  route('POST', '/portal/key/check', checkKey);
  route('POST', '/portal/key', saveKey);
  route('GET', '/portal/follows', (ctx) => follows(ctx));
  route('POST', '/portal/follows', follow);
  route('POST', '/portal/follows/:id/delete', unfollow);
  route('GET', '/portal/history', history);
  route('POST', '/portal/pause', pause);
  route('GET', '/portal/events', events);
}
