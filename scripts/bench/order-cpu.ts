// Client CPU per market order: ccxt's createOrder against the path the executor takes (venue-port.ts: Binance
// USD-M through the endpoint method fapiPrivatePostOrder, or over the account's WebSocket API connection as the
// executor sends once it is open; Hyperliquid through createOrder's own steps without its reply parsing),
// sequential orders to the venue simulator in its own process. CPU is this process's
// user + system time: the client's share only. CLI: `bun scripts/bench/order-cpu.ts [orders] [runs]`.
import { SocketOpenBudget, attachOrderSocket } from '../../engine/src/executor/binance-order-socket';
import { marketOrderPort } from '../../engine/src/executor/venue-port';
import type { Venue } from '../../engine/src/model';
import { createClient, prepareClient, type ProClient } from '../../engine/src/venues';
import { spawnSimulator } from './sim-process';

const orders = Number(process.argv[2] ?? 250);
// Each measure uses one fresh account for its 30 warm-up orders and `orders` timed ones, inside 10 s: the
// simulator, like Binance, allows 300 orders per 10 s per account (past it the run stalls on its limit).
if (!(orders > 0 && orders + 30 <= 300)) throw new Error(`orders must be 1..270 (one account, 300 orders per 10 s with the warm-up), got ${process.argv[2]}`);
const sim = await spawnSimulator();
const markets = new Map<Venue, ProClient['markets']>();
let n = 0;

async function freshClient(venue: Venue): Promise<ProClient> {
  const res = await fetch(`${sim.adminUrl}/accounts`, { method: 'POST', body: JSON.stringify({ venue, balance: 1e9 }) });
  const acc = (await res.json()) as { apiKey: string; secret: string; address: string; privateKey: string };
  const ex = venue === 'binanceusdm'
    ? createClient(venue, { baseUrl: sim.binanceUrl, credentials: { apiKey: acc.apiKey, secret: acc.secret }, enableRateLimit: false })
    : createClient(venue, { baseUrl: sim.hyperliquidUrl, credentials: { walletAddress: acc.address, privateKey: acc.privateKey }, enableRateLimit: false });
  const known = markets.get(venue);
  if (known) ex.setMarkets(known);
  else markets.set(venue, await ex.loadMarkets());
  return ex;
}

type Place = (ex: ProClient, cid: string, side: 'buy' | 'sell') => Promise<unknown>;

async function measure(label: string, venue: Venue, place: Place, overSocket = false): Promise<void> {
  const ex = await freshClient(venue);
  if (overSocket) {
    await prepareClient(ex);
    const socket = attachOrderSocket(ex, 3_000, new SocketOpenBudget());
    for (let i = 0; !socket.open; i++) {
      if (i > 500) throw new Error('the order socket did not open within 5 s');
      await Bun.sleep(10);
    }
  }
  const one = () => {
    const i = n++;
    const cid = venue === 'binanceusdm' ? `wc-cpu${i.toString(16).padStart(29, '0')}` : `0x${i.toString(16).padStart(32, '0')}`;
    return place(ex, cid, i % 2 ? 'sell' : 'buy');
  };
  for (let i = 0; i < 30; i++) await one(); // warm-up
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < orders; i++) await one();
  const cpu = process.cpuUsage(cpu0);
  console.log(`${label.padEnd(26)} ${((cpu.user + cpu.system) / 1000 / orders).toFixed(3)} ms CPU/order, ${((performance.now() - t0) / orders).toFixed(3)} ms wall/order`);
  await ex.close();
}

const SYMBOL: Record<Venue, string> = { binanceusdm: 'ETH/USDT:USDT', hyperliquid: 'ETH/USDC:USDC' };
const executorPath = (venue: Venue): Place => (ex, cid, side) => marketOrderPort(ex, {
  venue, symbol: SYMBOL[venue], side, amount: 0.01, amountText: '0.010', clientOrderId: cid, reduceOnly: false,
}, () => 3_000, () => Date.now()).create();

for (let run = 1; run <= Number(process.argv[3] ?? 3); run++) {
  for (const venue of ['binanceusdm', 'hyperliquid'] as const) {
    const price = venue === 'hyperliquid' ? 3_000 : undefined;
    await measure(`${venue} createOrder`, venue, (ex, cid, side) => ex.createOrder(SYMBOL[venue], 'market', side, 0.01, price, { clientOrderId: cid }));
    await measure(`${venue} executor path`, venue, executorPath(venue));
    if (venue === 'binanceusdm') await measure(`${venue} executor, socket`, venue, executorPath(venue), true);
  }
}
await sim.stop();
process.exit(0);
