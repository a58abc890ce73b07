// CPU per order of one executor under 100-order batches: the engine's Executor in this process over a real
// RedisBus, the venue simulator in its own process, each batch published as the engine would and its reports
// read back here (the report reader's share is included). Prints CPU per order and batch -> last report.
// CLI: `bun scripts/bench/executor-cpu.ts [followers] [batches]` (REDIS_URL, default 127.0.0.1:6379;
// EXECUTOR_BINANCE_ORDERS=rest for orders over REST instead of the WebSocket API).
import { RedisBus, decodeExecutionReport, emptyHops, encodeSignalBatch, type OrderSignal } from '../../engine/src/bus';
import { Executor, type FollowerCredentials } from '../../engine/src/executor';
import { REDIS_URL, benchPrefix, dropPrefix } from './redis-keys';
import { spawnSimulator } from './sim-process';
import { fmt, summarize } from './stats';

const followers = Number(process.argv[2] ?? 100);
const batches = Number(process.argv[3] ?? 60);
const sim = await spawnSimulator();
const credentials = new Map<string, FollowerCredentials>();
for (let i = 0; i < followers; i++) {
  const res = await fetch(`${sim.adminUrl}/accounts`, { method: 'POST', body: JSON.stringify({ venue: 'binanceusdm', balance: 1e9 }) });
  const account = (await res.json()) as { apiKey: string; secret: string };
  credentials.set(crypto.randomUUID(), { venue: 'binanceusdm', apiKey: account.apiKey, secret: account.secret });
}
const ids = [...credentials.keys()];
const prefix = benchPrefix('executor-cpu');
const executorBus = new RedisBus({ url: REDIS_URL, keyPrefix: prefix, connectionName: 'bench-executor-cpu' });
const engineBus = new RedisBus({ url: REDIS_URL, keyPrefix: prefix, connectionName: 'bench-engine-cpu' });
await Promise.all([executorBus.ready(), engineBus.ready()]);
const executor = new Executor({
  bus: executorBus, shard: 0, consumer: 'bench', venueUrls: { binanceusdm: sim.binanceUrl },
  credentials: async (followerId) => credentials.get(followerId)!,
  binanceOrders: process.env['EXECUTOR_BINANCE_ORDERS'] === 'rest' ? 'rest' : 'websocket',
  socketOpensPerFiveMinutes: 1e6, // every account's socket at once (the simulator has no connection limit)
});
await executor.start();
let reports = 0;
let wake: (() => void) | undefined;
const reader = engineBus.consumeReports({ consumer: 'bench', blockMs: 100 }, async (entry) => {
  decodeExecutionReport(entry.bytes);
  reports++;
  wake?.();
});
await reader.ready;

const whaleId = crypto.randomUUID();
let seq = 0;
/** One whale change: an order for every follower (alternating sides), published and waited for. */
async function batch(): Promise<number> {
  const whaleSeq = ++seq;
  const signals: OrderSignal[] = ids.map((followerId, i) => ({
    clientOrderId: `wc-${whaleSeq.toString(16).padStart(14, '0')}${i.toString(16).padStart(18, '0')}`, followerId, whaleId, venue: 'binanceusdm',
    symbol: 'ETH/USDT:USDT', side: whaleSeq % 2 ? 'buy' : 'sell', amount: '0.010', reduceOnly: false, leg: 1, whaleSeq, leverage: 0, refPrice: '3000',
  }));
  const target = reports + followers;
  const t0 = performance.now();
  await engineBus.publishBatch([{ shard: 0, bytes: encodeSignalBatch({ shard: 0, whaleId, whaleSeq, signals, hops: emptyHops() }) }]);
  while (reports < target) await new Promise<void>((resolve) => (wake = resolve));
  const ms = performance.now() - t0;
  await Bun.sleep(40);
  return ms;
}

for (let i = 0; i < 10; i++) await batch(); // warm-up: clients, connections, JIT
const cpu0 = process.cpuUsage();
const latencies: number[] = [];
for (let i = 0; i < batches; i++) latencies.push(await batch());
const cpu = process.cpuUsage(cpu0);
const orders = batches * followers;
const s = summarize(latencies);
console.log(`${followers} followers, ${batches} batches: ${((cpu.user + cpu.system) / 1000 / orders).toFixed(3)} ms CPU per order (executor + report reader); batch -> last report p50 ${fmt(s.p50)} ms, max ${fmt(s.max)} ms`);
await reader.stop();
await executor.stop();
await Promise.all([executorBus.close(), engineBus.close()]);
await dropPrefix(prefix);
await sim.stop();
process.exit(0);
