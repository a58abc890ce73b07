// Operator routes for whales, followers and follows: lists with add forms (a follower's key is checked
// before it is saved), detail pages with live positions, and follow / unfollow.
import { EngineRequestError } from '../../engine/client';
import type { NewWhale } from '../../engine/api';
import { FollowFormError, parseFollowForm } from '../../pages/follow-form';
import { keyCheckResult, KeyFormError, parseKeyForm } from '../../pages/key-form';
import { followerMain, followersSection, followsSection, type FollowerFormState } from '../../pages/operator/followers';
import { whaleMain, whalesSection, type WhaleFormState } from '../../pages/operator/whales';
import { newWebhookSecret } from '../../pages/tradingview';
import { notice } from '../../pages/widgets';
import type { RouteSpec } from '../app';
import { htmlResponse, redirect, type Ctx } from '../context';
import { engineToken, renderFragment, renderPage } from '../render';
import type { Router } from '../router';

const engineMessage = (error: unknown): string => {
  if (error instanceof EngineRequestError && error.status < 500) {
    const details = Array.isArray(error.body.details) ? (error.body.details as { path?: string; message?: string }[]).map((d) => `${d.path ?? ''} ${d.message ?? ''}`.trim()).join('; ') : '';
    return details === '' ? error.body.message : `${error.body.message}: ${details}`;
  }
  throw error;
};

async function renderWhales(ctx: Ctx, form: WhaleFormState, status = 200): Promise<Response> {
  const whales = await ctx.deps.api.whales(engineToken(ctx));
  return renderFragment(ctx, 'Whales', whalesSection({ whales, csrf: ctx.session!.csrf, enginePublicUrl: ctx.deps.enginePublicUrl, form }), status);
}

function whaleFromForm(form: Map<string, string>): NewWhale | string {
  const kind = form.get('kind');
  const name = form.get('name')?.trim() || undefined;
  if (kind === 'hyperliquid') {
    const address = form.get('address')?.trim() ?? '';
    return /^0x[0-9a-fA-F]{40}$/.test(address) ? { venue: kind, name, address } : 'The address must be 0x followed by 40 hex digits.';
  }
  if (kind === 'binanceusdm') {
    const apiKey = form.get('apiKey')?.trim() ?? '';
    const secret = form.get('secret')?.trim() ?? '';
    return apiKey !== '' && secret !== '' ? { venue: kind, name, apiKey, secret } : 'A Binance lead account needs its read-only API key and secret.';
  }
  if (kind === 'tradingview') return name === undefined ? 'A TradingView strategy needs a name.' : { venue: kind, name, secret: newWebhookSecret() };
  return 'Pick a kind of whale.';
}

async function addWhale(ctx: Ctx): Promise<Response> {
  const form = await ctx.form();
  const kept = { kind: form.get('kind') as WhaleFormState['kind'], name: form.get('name'), address: form.get('address') };
  const whale = whaleFromForm(form);
  if (typeof whale === 'string') return renderWhales(ctx, { ...kept, error: whale }, 422);
  try {
    const { id } = await ctx.deps.api.createWhale(engineToken(ctx), whale);
    return renderWhales(ctx, { created: { id, kind: whale.venue, secret: whale.venue === 'tradingview' ? whale.secret : undefined } });
  } catch (error) {
    return renderWhales(ctx, { ...kept, error: engineMessage(error) }, 422);
  }
}

async function showWhale(ctx: Ctx): Promise<Response> {
  const token = engineToken(ctx);
  const id = ctx.params.id!;
  const [whale, positions, follows, followers] = await Promise.all([
    ctx.deps.api.whale(token, id), ctx.deps.api.whalePositions(token, id), ctx.deps.api.follows(token, { whaleId: id }), ctx.deps.api.followers(token),
  ]);
  return renderPage(ctx, `Whale ${whale.name}`, whaleMain({ whale, positions, follows, followers: new Map(followers.map((f) => [f.id, f])), enginePublicUrl: ctx.deps.enginePublicUrl }));
}

async function renderFollowers(ctx: Ctx, form: FollowerFormState, status = 200): Promise<Response> {
  const followers = await ctx.deps.api.followers(engineToken(ctx));
  return renderFragment(ctx, 'Followers', followersSection({ followers, csrf: ctx.session!.csrf, form }), status);
}

async function checkFollowerKey(ctx: Ctx): Promise<Response> {
  try {
    const check = await ctx.deps.api.checkKey(engineToken(ctx), parseKeyForm(await ctx.form()));
    return htmlResponse(ctx, keyCheckResult(check), check.ok ? 200 : 422);
  } catch (error) {
    if (error instanceof KeyFormError) return htmlResponse(ctx, notice('error', error.message), 422);
    throw error;
  }
}

async function addFollower(ctx: Ctx): Promise<Response> {
  const form = await ctx.form();
  const name = form.get('name')?.trim() ?? '';
  if (name === '') return renderFollowers(ctx, { error: 'A follower needs a name.' }, 422);
  const token = engineToken(ctx);
  try {
    const key = parseKeyForm(form);
    const check = await ctx.deps.api.checkKey(token, key);
    if (!check.ok) return renderFollowers(ctx, { name, error: `The key was not saved: ${check.error ?? 'it does not work'}.` }, 422);
    const { id } = await ctx.deps.api.createFollower(token, { name, ...key });
    return renderFollowers(ctx, { created: id });
  } catch (error) {
    if (error instanceof KeyFormError) return renderFollowers(ctx, { name, error: error.message }, 422);
    return renderFollowers(ctx, { name, error: engineMessage(error) }, 422);
  }
}

async function followsOf(ctx: Ctx, followerId: string, error?: string) {
  const token = engineToken(ctx);
  const [follows, whales] = await Promise.all([ctx.deps.api.follows(token, { followerId }), ctx.deps.api.whales(token)]);
  return followsSection({ follows, whales, followerId, csrf: ctx.session!.csrf, error, deleteBase: '/console/follows', createUrl: '/console/follows' });
}

async function showFollower(ctx: Ctx): Promise<Response> {
  const token = engineToken(ctx);
  const id = ctx.params.id!;
  const [follower, positions, orders, follows] = await Promise.all([
    ctx.deps.api.follower(token, id), ctx.deps.api.followerPositions(token, id), ctx.deps.api.orders(token, { followerId: id, limit: 20 }), followsOf(ctx, id),
  ]);
  return renderPage(ctx, `Follower ${follower.name}`, followerMain({ follower, positions, follows, orders }));
}

async function addFollow(ctx: Ctx): Promise<Response> {
  const form = await ctx.form();
  const followerId = form.get('followerId') ?? '';
  try {
    const follow = parseFollowForm(form);
    await ctx.deps.api.createFollow(engineToken(ctx), { ...follow, followerId });
    if (!ctx.fragment) return redirect(ctx, `/console/followers/${encodeURIComponent(followerId)}`);
    return htmlResponse(ctx, await followsOf(ctx, followerId));
  } catch (error) {
    const message = error instanceof FollowFormError ? error.message : engineMessage(error);
    return renderFragment(ctx, 'Follows', await followsOf(ctx, followerId, message), 422);
  }
}

async function removeFollow(ctx: Ctx): Promise<Response> {
  const token = engineToken(ctx);
  const follows = await ctx.deps.api.follows(token);
  const follow = follows.find((f) => f.id === ctx.params.id);
  await ctx.deps.api.deleteFollow(token, ctx.params.id!);
  const followerId = follow?.followerId ?? '';
  if (!ctx.fragment) return redirect(ctx, followerId === '' ? '/console/followers' : `/console/followers/${encodeURIComponent(followerId)}`);
  return htmlResponse(ctx, await followsOf(ctx, followerId));
}

export function addOperatorEntityRoutes(router: Router<RouteSpec>): void {
  const route = (method: string, path: string, handler: RouteSpec['handler']) => router.add(method, path, { realm: 'console', access: 'signed-in', handler });
  route('GET', '/console/whales', (ctx) => renderWhales(ctx, {}));
  route('POST', '/console/whales', addWhale);
  route('GET', '/console/whales/:id', showWhale);
  route('GET', '/console/followers', (ctx) => renderFollowers(ctx, {}));
  route('POST', '/console/followers/check', checkFollowerKey);
  route('POST', '/console/followers', addFollower);
  route('GET', '/console/followers/:id', showFollower);
  route('POST', '/console/follows', addFollow);
  route('POST', '/console/follows/:id/delete', removeFollow);
}
