// `npm start`: the demo. Starts the venue simulator (Binance USD-M on 18555, Hyperliquid on 18556, mark
// prices walking), creates scripted whales on both venues, trades them through ccxt, and prints a one-line
// summary every few seconds. Stop with Ctrl-C.
import { parseArgs } from 'node:util';
import { startVenueSimulator } from './venue/server';
import { WhaleRunner, createWhaleAccount } from './whales/runner';
import { planScenario } from './whales/scenario';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.DEMO_VENUE_PORT ?? '18555' },
    rate: { type: 'string', default: '0.5' },
    seed: { type: 'string', default: '7' },
    seconds: { type: 'string', default: '0' },
  },
});

const sim = await startVenueSimulator({ port: Number(values.port), walk: true, seed: Number(values.seed) });
console.log(`venue simulator: Binance USD-M + admin ${sim.binanceUrl}, Hyperliquid ${sim.hyperliquidUrl}`);
const whales = [await createWhaleAccount(sim, 'binanceusdm'), await createWhaleAccount(sim, 'hyperliquid')];
console.log(`whales: ${whales.map((w) => `${w.id} (${w.venue})`).join(', ')}`);
const runner = new WhaleRunner(sim, whales);
await runner.prepare();

let trades = 0;
let failures = 0;
let lastAction = '';
const plan = planScenario({ seed: Number(values.seed), steps: 100_000, whales });
void runner.run(plan, Number(values.rate), (r) => {
  if (r.ok) trades++;
  else failures++;
  lastAction = `${r.step.action} ${r.step.side} ${r.step.amount} ${r.step.symbol} (${(r.ackedAt - r.intendedAt).toFixed(1)} ms)`;
});

const summary = setInterval(() => {
  const books = whales.map((w) => {
    const a = sim.ctx.core.account(w.id);
    const pos = [...a.positions.values()].filter((p) => p.contracts !== 0).map((p) => `${p.symbolId} ${p.contracts}`);
    return `${w.id}: ${pos.join(', ') || 'flat'}`;
  });
  console.log(`${new Date().toISOString().slice(11, 19)} whale trades ${trades} (failed ${failures}) | ${books.join(' | ')} | last: ${lastAction}`);
}, 3000);

const stop = async () => {
  clearInterval(summary);
  await runner.close();
  await sim.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
if (Number(values.seconds) > 0) setTimeout(stop, Number(values.seconds) * 1000);
