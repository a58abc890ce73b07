// Benchmark child process, one measurement per run, printed as one JSON line: heap growth (after full GC)
//   engine <binanceUrl> <followers> <symbols>: books + follows + sizing memos + in-flight orders after one
//     whale change of 1-3 symbols, on a fresh CopyEngine publishing to Redis (and after the fills settle);
//   executor <binanceUrl> <hyperliquidUrl> <venue> <clients>: follower ccxt instances in the executor's
//     ClientPool (lazy, sharing one loaded market table), with their open order sockets (Binance WebSocket API).
import { RedisBus } from '../../engine/src/bus';
import { orderSocketOf } from '../../engine/src/executor/binance-order-socket';
import { ClientPool } from '../../engine/src/executor/client-pool';
import type { FollowerCredentials } from '../../engine/src/executor';
import type { WhalePositionsEvent } from '../../engine/src/feeds';
import type { Position, Venue } from '../../engine/src/model';
import { CopyPath, loadCatalog } from './hot-path';
import { REDIS_URL, benchPrefix, dropPrefix } from './redis-keys';

const MiB = 2 ** 20;

function heapAfterGc(): number {
  Bun.gc(true);
  Bun.gc(true);
  return process.memoryUsage().heapUsed;
}

/** Every in-flight order filled and seen in the follower's position, as reports and follower feeds do. */
function settleAll(path: CopyPath): void {
  const b = path.followers;
  for (const followerId of [...b.followerIds()]) {
    for (const symbol of [...(b.symbols(followerId) ?? [])]) {
      for (const o of b.orders(followerId, symbol)) {
        b.applyOrderUpdate(o, Math.abs(o.requested), true, 0);
        b.setActual(followerId, symbol, b.actual(followerId, symbol) + o.requested);
      }
    }
  }
}

const tick = () => new Promise((r) => setTimeout(r, 10));

async function engineProbe(binanceUrl: string, followers: number, symbols: number): Promise<Record<string, number>> {
  const catalog = await loadCatalog(binanceUrl);
  const prefix = benchPrefix('memory');
  const bus = new RedisBus({ url: REDIS_URL, keyPrefix: prefix });
  await bus.ready();
  const rxTs = performance.timeOrigin + performance.now();
  const held: [string, Position][] = [
    ['ETH/USDT:USDT', { symbol: 'ETH/USDT:USDT', contracts: -40, entryPrice: 3_000 }],
    ['BTC/USDT:USDT', { symbol: 'BTC/USDT:USDT', contracts: 2, entryPrice: 60_000 }],
    ['SOL/USDT:USDT', { symbol: 'SOL/USDT:USDT', contracts: 500, entryPrice: 150 }],
  ];
  const positions = new Map<string, Position>(held.slice(0, symbols));
  const change = (whaleId: string): WhalePositionsEvent => ({ whaleId, seq: 1, positions, changed: [...positions.keys()], venueTs: rxTs, rxTs, source: 'stream' });
  const follows = (n: number): { path: CopyPath; ev: WhalePositionsEvent } => {
    const path = new CopyPath(bus, catalog, 4, { settle: false });
    path.marks.set('binanceusdm', 'BTC/USDT:USDT', 60_000);
    path.marks.set('binanceusdm', 'SOL/USDT:USDT', 150);
    const whaleId = crypto.randomUUID();
    path.addFollowers(whaleId, Array.from({ length: n }, () => crypto.randomUUID()), 0.1);
    return { path, ev: change(whaleId) };
  };
  const pass = async ({ path, ev }: { path: CopyPath; ev: WhalePositionsEvent }): Promise<void> => {
    path.whales.apply(ev);
    await path.copy.onWhaleChange(ev);
  };
  try {
    await pass(follows(50)); // warm-up: code, shapes and the bus connection exist before the baseline
    await tick();
    const before = heapAfterGc();
    const built = follows(followers);
    const withFollows = heapAfterGc();
    await pass(built);
    await tick();
    const { path } = built;
    const inFlight = path.followers.inFlightCount;
    const withLastWrite = heapAfterGc();
    // The Redis connection holds the bytes of its last write (the pass's XADD frames, ~1.1 MB at 10,000
    // followers) until the next one; any later command frees them. Measured with and without, so the state
    // figure does not depend on whether some other write happened to come first.
    await bus.shardStats(0);
    const after = heapAfterGc();
    settleAll(path); // fills reported and seen in positions: in-flight orders leave the book
    const settled = heapAfterGc();
    return {
      followers, symbols, follows: path.copy.follows.size, inFlight, inFlightAfterSettle: path.followers.inFlightCount,
      signals: path.emitted[0]?.signals ?? 0,
      peakMib: (after - before) / MiB, lastWriteMib: (withLastWrite - after) / MiB, followsMib: (withFollows - before) / MiB, settledMib: (settled - before) / MiB,
    };
  } finally {
    await bus.close();
    await dropPrefix(prefix);
  }
}

function fakeCredentials(venue: Venue, i: number): FollowerCredentials {
  const hex = (n: number) => Array.from({ length: n }, (_, j) => ((i * 7919 + j * 104729) % 16).toString(16)).join('');
  return venue === 'binanceusdm'
    ? { venue, apiKey: hex(64), secret: hex(64) }
    : { venue, address: `0x${hex(40)}`, privateKey: `0x${hex(64)}` };
}

async function executorProbe(binanceUrl: string, hyperliquidUrl: string, venue: Venue, clients: number): Promise<Record<string, number>> {
  const pool = new ClientPool({
    venueUrls: { binanceusdm: binanceUrl, hyperliquid: hyperliquidUrl },
    credentials: async (id) => fakeCredentials(venue, Number(id.slice(1))),
    timeoutMs: 5_000,
    recvWindowMs: 5_000,
    binanceOrders: 'websocket', // as the executor runs: each Binance account's order socket is counted
    socketOpensPerFiveMinutes: 1e6, // all at once (the simulator has no connection limit)
  });
  const socketsOpen = async (ids: string[]) => {
    const end = Date.now() + 20_000;
    while (!ids.every((id) => { const ex = pool.peek(id, venue); return ex !== undefined && (orderSocketOf(ex)?.open ?? true); })) {
      if (Date.now() > end) throw new Error('order sockets did not open within 20 s');
      await Bun.sleep(20);
    }
  };
  try {
    await pool.loader(venue);
    const warm = Array.from({ length: 5 }, (_, i) => `w${i}`);
    for (const id of warm) await pool.client(id, venue); // warm-up
    await socketsOpen(warm);
    await tick();
    const before = heapAfterGc();
    const ids = Array.from({ length: clients }, (_, i) => `f${i}`);
    await Promise.all(ids.map((id) => pool.client(id, venue)));
    await socketsOpen(ids);
    await tick();
    const after = heapAfterGc();
    return { clients: pool.size - 5, mib: (after - before) / MiB };
  } finally {
    await pool.close();
  }
}

const [mode, ...args] = process.argv.slice(2);
const result = mode === 'engine'
  ? await engineProbe(args[0]!, Number(args[1] ?? 10_000), Number(args[2] ?? 1))
  : await executorProbe(args[0]!, args[1]!, (args[2] ?? 'binanceusdm') as Venue, Number(args[3] ?? 1_000));
console.log(JSON.stringify(result));
process.exit(0);
