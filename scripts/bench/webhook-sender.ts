// Benchmark child process: plays TradingView, posting strategy alerts to the engine's webhook URL on a
// fixed schedule (open loop), and prints one JSON line of [intendedMs, sentMs, ackMs, status] per alert.
// Argument: one JSON object {url, strategy, secret, perSec, count}. Its own clock only; measures no engine.
export {};

interface SenderArgs {
  url: string;
  strategy: string;
  secret: string;
  perSec: number;
  count: number;
}

const a = JSON.parse(process.argv[2] ?? '{}') as SenderArgs;
const nowMs = () => performance.timeOrigin + performance.now();
const period = 1000 / a.perSec;
const start = nowMs() + 5;
const results: [number, number, number, number][] = [];
const inFlight: Promise<void>[] = [];
let lastTime = 0;

for (let i = 0; i < a.count; i++) {
  const intendedMs = start + i * period;
  const wait = intendedMs - nowMs();
  // Always yield: a busy-wait here would starve the event loop, so replies would be read (and timed) late.
  await Bun.sleep(Math.max(0, wait));
  lastTime = Math.max(Date.now(), lastTime + 1);
  const body = JSON.stringify({
    strategy: a.strategy, secret: a.secret, ticker: 'BINANCE:ETHUSDT.P', action: 'buy', contracts: '0.1',
    position_size: ((i + 1) / 10).toFixed(1), market_position: 'long', price: 3000, time: lastTime, id: `bench-${process.pid}-${i}`,
  });
  const sentMs = nowMs();
  inFlight.push(fetch(a.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (res) => {
    await res.arrayBuffer();
    results[i] = [intendedMs, sentMs, nowMs(), res.status];
  }, () => {
    results[i] = [intendedMs, sentMs, nowMs(), 0];
  }));
}
await Promise.all(inFlight);
console.log(JSON.stringify(results));
process.exit(0);
