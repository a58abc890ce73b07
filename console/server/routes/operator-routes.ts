// Operator routes that watch and steer the engine: overview, live feed, latency, trading-state board
// and switch, dead letters (retry, discard), audit log and the live event stream (SSE).
import { EngineRequestError, EngineUnavailableError } from '../../engine/client';
import type { TradingState } from '../../shared/events';
import { overviewMain } from '../../pages/operator/overview';
import { notice } from '../../pages/widgets';
import { auditMain, deadLetterRow, deadLettersMain, feedMain, latencyMain, stateMain } from '../../pages/operator/operations';
import { sseResponse } from '../../live/sse';
import type { RouteSpec } from '../app';
import { htmlResponse, jsonResponse, redirect, wantsJson, type Ctx } from '../context';
import { engineToken, renderPage } from '../render';
import type { Router } from '../router';

const STATES: readonly TradingState[] = ['active', 'reducing', 'halted'];
const SCOPES = ['engine', 'whale', 'follower'] as const;

/** The engine's answer, or a readable reason when the engine cannot give it (pages still render). */
async function orUnavailable<T>(call: Promise<T>): Promise<{ value: T | null; unavailable?: string }> {
  try {
    return { value: await call };
  } catch (error) {
    if (error instanceof EngineUnavailableError) return { value: null, unavailable: 'The engine is unavailable; showing live updates once it is back.' };
    if (error instanceof EngineRequestError && error.status !== 401) return { value: null, unavailable: `The engine refused: ${error.body.message}` };
    throw error;
  }
}

async function overview(ctx: Ctx): Promise<Response> {
  const token = engineToken(ctx);
  const snapshot = ctx.deps.hub.snapshot('overview');
  const result = snapshot?.type === 'overview' ? { value: snapshot.overview } : await orUnavailable(ctx.deps.api.overview(token));
  const engineState = result.value?.engine ?? (await orUnavailable(ctx.deps.api.states(token))).value?.engine ?? 'active';
  return renderPage(ctx, 'Overview', overviewMain({ overview: result.value, engineState, unavailable: result.unavailable }));
}

async function latency(ctx: Ctx): Promise<Response> {
  const snapshot = ctx.deps.hub.snapshot('latency');
  const result = snapshot?.type === 'latency' ? { value: snapshot.curves } : await orUnavailable(ctx.deps.api.latency(engineToken(ctx)));
  return renderPage(ctx, 'Latency', latencyMain(result.value, result.unavailable));
}

async function stateBoard(ctx: Ctx): Promise<Response> {
  const token = engineToken(ctx);
  const [states, whales, followers] = await Promise.all([ctx.deps.api.states(token), ctx.deps.api.whales(token), ctx.deps.api.followers(token)]);
  return renderPage(ctx, 'Trading state', stateMain({ states, whales, followers }));
}

/** POST /console/state {scope, id, state, flatten}: JSON for the switch widget, a redirect for plain forms. */
async function setState(ctx: Ctx): Promise<Response> {
  const form = await ctx.form();
  const scope = form.get('scope') as (typeof SCOPES)[number] | undefined;
  const state = form.get('state') as TradingState | undefined;
  const id = form.get('id') ?? '';
  if (scope === undefined || !SCOPES.includes(scope) || state === undefined || !STATES.includes(state) || (scope !== 'engine' && id === '')) {
    const message = 'scope, id (for a whale or follower) and state are required';
    return wantsJson(ctx.req) ? jsonResponse(ctx, { error: message }, 400) : htmlResponse(ctx, notice('error', message), 400);
  }
  const flatten = form.get('flatten') === 'true';
  const changed = await ctx.deps.api.setState(engineToken(ctx), { scope, ...(scope === 'engine' ? {} : { id }), state, ...(flatten ? { flatten } : {}) });
  if (wantsJson(ctx.req)) return jsonResponse(ctx, changed);
  return redirect(ctx, '/console/state');
}

async function deadLetters(ctx: Ctx): Promise<Response> {
  const letters = await ctx.deps.api.deadLetters(engineToken(ctx), { limit: 200 });
  return renderPage(ctx, 'Dead letters', deadLettersMain({ letters, csrf: ctx.session!.csrf }));
}

function deadLetterAction(action: 'retry' | 'discard') {
  return async (ctx: Ctx): Promise<Response> => {
    const shard = Number(ctx.params.shard);
    const deadId = ctx.params.deadId!;
    const token = engineToken(ctx);
    const letter = (await ctx.deps.api.deadLetters(token, { shard, limit: 500 })).find((d) => d.deadId === deadId);
    if (action === 'retry') await ctx.deps.api.retryDeadLetter(token, shard, deadId);
    else await ctx.deps.api.discardDeadLetter(token, shard, deadId);
    if (!ctx.fragment || letter === undefined) return redirect(ctx, '/console/dead-letters');
    return htmlResponse(ctx, deadLetterRow(letter, ctx.session!.csrf, action === 'retry' ? 'retried' : 'discarded'));
  };
}

async function auditLog(ctx: Ctx): Promise<Response> {
  const beforeId = Number(ctx.url.searchParams.get('beforeId'));
  const page = await ctx.deps.api.audit(engineToken(ctx), { limit: 100, ...(Number.isInteger(beforeId) && beforeId > 0 ? { beforeId } : {}) });
  return renderPage(ctx, 'Audit log', auditMain(page));
}

/** Operators see every live message. */
function events(ctx: Ctx): Response {
  return sseResponse((onReady) => ctx.deps.hub.subscribe({ onReady }), { signal: ctx.req.signal });
}

export function addOperatorRoutes(router: Router<RouteSpec>): void {
  const route = (method: string, path: string, handler: RouteSpec['handler']) => router.add(method, path, { realm: 'console', access: 'signed-in', handler });
  route('GET', '/console', overview);
  route('GET', '/console/feed', (ctx) => renderPage(ctx, 'Live feed', feedMain()));
  route('GET', '/console/latency', latency);
  route('GET', '/console/state', stateBoard);
  route('POST', '/console/state', setState);
  route('GET', '/console/dead-letters', deadLetters);
  route('POST', '/console/dead-letters/:shard/:deadId/retry', deadLetterAction('retry'));
  route('POST', '/console/dead-letters/:shard/:deadId/discard', deadLetterAction('discard'));
  route('GET', '/console/audit', auditLog);
  route('GET', '/console/events', events);
}
