// Client CPU per Binance USD-M market order, ccxt's createOrder against the endpoint method the executor uses
// (fapiPrivatePostOrder), sequential orders to the venue simulator in its own process. CPU is this process's
// user + system time: the client's share only. CLI: `bun scripts/bench/order-cpu.ts [orders]`.
import { createClient, type ProClient } from '../../engine/src/venues';
import { spawnSimulator } from './sim-process';

const orders = Number(process.argv[2] ?? 250); // the simulator allows 300 orders per 10 s per account
const sim = await spawnSimulator();
let markets: ProClient['markets'] | undefined;
let n = 0;

async function freshClient(): Promise<ProClient> {
  const res = await fetch(`${sim.adminUrl}/accounts`, { method: 'POST', body: JSON.stringify({ venue: 'binanceusdm', balance: 1e9 }) });
  const acc = (await res.json()) as { apiKey: string; secret: string };
  const ex = createClient('binanceusdm', { baseUrl: sim.binanceUrl, credentials: { apiKey: acc.apiKey, secret: acc.secret }, enableRateLimit: false });
  if (markets) ex.setMarkets(markets);
  else markets = await ex.loadMarkets();
  return ex;
}

async function measure(label: string, place: (ex: ProClient, cid: string, side: 'buy' | 'sell') => Promise<unknown>): Promise<void> {
  const ex = await freshClient();
  const one = () => place(ex, `wc-cpu${(n++).toString(16).padStart(29, '0')}`, n % 2 ? 'sell' : 'buy');
  for (let i = 0; i < 30; i++) await one(); // warm-up
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < orders; i++) await one();
  const cpu = process.cpuUsage(cpu0);
  console.log(`${label.padEnd(22)} ${((cpu.user + cpu.system) / 1000 / orders).toFixed(3)} ms CPU/order, ${((performance.now() - t0) / orders).toFixed(3)} ms wall/order`);
  await ex.close();
}

for (let run = 1; run <= 3; run++) {
  await measure('createOrder', (ex, cid, side) => ex.createOrder('ETH/USDT:USDT', 'market', side, 0.01, undefined, { clientOrderId: cid }));
  await measure('fapiPrivatePostOrder', (ex, cid, side) => (ex as unknown as { fapiPrivatePostOrder(p: Record<string, string>): Promise<unknown> }).fapiPrivatePostOrder({
    symbol: 'ETHUSDT', side: side === 'buy' ? 'BUY' : 'SELL', type: 'MARKET', quantity: '0.010', newClientOrderId: cid, newOrderRespType: 'RESULT',
  }));
}
await sim.stop();
process.exit(0);
