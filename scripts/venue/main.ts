// `bun run venue --port P [--seed N] [--walk] [--no-verify] [--slippage-bps N]`: the venue simulator as a
// process. Binance USD-M and the admin API on P, Hyperliquid on P+1. Stops on SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { startVenueSimulator } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '18555' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string', default: '1' },
    walk: { type: 'boolean', default: false },
    'no-verify': { type: 'boolean', default: false },
    'slippage-bps': { type: 'string', default: '2' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65534) {
  console.error(`--port must be an integer from 0 to 65534, got ${values.port}`);
  process.exit(2);
}

const sim = await startVenueSimulator({
  port,
  hostname: values.host,
  seed: Number(values.seed),
  walk: values.walk,
  verifySignatures: !values['no-verify'],
  slippageBps: Number(values['slippage-bps']),
});
console.log(
  `venue simulator: binanceusdm + admin ${sim.binanceUrl}, hyperliquid ${sim.hyperliquidUrl}` +
    ` (seed ${values.seed}, walk ${values.walk ? 'on' : 'off'}, signatures ${values['no-verify'] ? 'unchecked' : 'verified'})`,
);

const shutdown = async () => {
  await sim.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
