// `bun scripts/whales/main.ts --admin URL --hl URL [--binance N] [--hyperliquid N] [--rate R] [--steps S] [--seed X]`:
// creates whale accounts on a running venue simulator and trades a seeded plan through ccxt.
import { parseArgs } from 'node:util';
import { WhaleRunner, createWhaleAccount } from './runner';
import { planScenario } from './scenario';

const { values } = parseArgs({
  options: {
    admin: { type: 'string', default: 'http://127.0.0.1:18555' },
    hl: { type: 'string' },
    binance: { type: 'string', default: '1' },
    hyperliquid: { type: 'string', default: '1' },
    rate: { type: 'string', default: '1' },
    steps: { type: 'string', default: '60' },
    seed: { type: 'string', default: '7' },
  },
});

const binanceUrl = values.admin.replace(/\/admin\/?$/, '');
const port = Number(new URL(binanceUrl).port);
const sim = {
  adminUrl: `${binanceUrl}/admin`,
  binanceUrl,
  hyperliquidUrl: values.hl ?? binanceUrl.replace(/:\d+$/, `:${port + 1}`),
};
const venues = [
  ...Array.from({ length: Number(values.binance) }, () => 'binanceusdm' as const),
  ...Array.from({ length: Number(values.hyperliquid) }, () => 'hyperliquid' as const),
];
const whales = await Promise.all(venues.map((v) => createWhaleAccount(sim, v)));
const plan = planScenario({ seed: Number(values.seed), steps: Number(values.steps), whales });
const runner = new WhaleRunner(sim, whales);
await runner.prepare();
console.log(`whales: ${whales.map((w) => `${w.id} (${w.venue})`).join(', ')}`);
await runner.run(plan, Number(values.rate), (r) => {
  const s = r.step;
  console.log(`${r.index} ${whales[s.whale]!.id} ${s.action} ${s.side} ${s.amount} ${s.symbol} -> ${s.after}${r.ok ? '' : ` FAILED ${r.error}`}`);
});
await runner.close();
