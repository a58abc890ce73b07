// Overview controller: GET /api/overview and GET /api/latency (operators). Reads the store, the engine
// (feeds, state), the bus (shard stats) and the optional latency and order-rate sources.
import { Elysia } from 'elysia';
import type { AuthPlugin } from '../auth/plugin';
import { requireOperator } from '../auth/principal';
import type { OperationsDeps } from '../ports';
import type { ServiceDeps } from '../service-support';
import { LatencyCurves, Overview } from './model';

const tags = ['overview'];

async function overviewOf(deps: ServiceDeps & OperationsDeps): Promise<Overview> {
  const { store, control, bus } = deps;
  const feeds = control.feeds();
  const [whales, followers, shards] = await Promise.all([
    store.whales.list(),
    store.followers.list(),
    Promise.all([...Array(deps.shards).keys()].map(async (shard) => {
      const s = await bus.shardStats(shard);
      return { shard, length: s.length, pending: s.pending, lag: s.lag, deadLetters: s.deadLetters };
    })).catch(() => null),
  ]);
  return {
    engine: control.tradingState('engine', ''),
    feeds: { connected: feeds.filter((f) => f.status.connected).length, total: feeds.length },
    whales: whales.length,
    followers: followers.length,
    followersOnline: feeds.filter((f) => f.kind === 'follower' && f.status.connected).length,
    ordersPerSec: deps.ordersPerSec?.() ?? 0,
    latency: deps.latency?.summary() ?? {},
    bus: { kind: bus.kind, ok: shards !== null },
    shards: shards ?? [],
  };
}

export function overviewController(deps: ServiceDeps & OperationsDeps, auth: AuthPlugin) {
  return new Elysia({ name: 'ingress.overview', normalize: false, prefix: '/api' })
    .use(auth)
    .get('/overview', ({ principal }) => {
      requireOperator(principal);
      return overviewOf(deps);
    }, { response: { 200: Overview }, detail: { tags, summary: 'Feeds, counts, order rate, latency per hop and shard backlogs (operator)' } })
    .get('/latency', ({ principal }) => {
      requireOperator(principal);
      return deps.latency?.curves() ?? {};
    }, { response: { 200: LatencyCurves }, detail: { tags, summary: 'HDR percentile curve per hop (operator)' } });
}
