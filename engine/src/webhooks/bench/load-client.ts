// `bun engine/src/webhooks/bench/load-client.ts '<json config>'`: a separate process that posts real-shaped
// TradingView alerts at a fixed rate (open loop) and prints one JSON line of results. Benchmark tooling only.
import { percentileOf, runOpenLoop } from './open-loop';

export interface LoadClientConfig {
  readonly url: string;
  readonly strategy: string;
  readonly secret: string;
  readonly ratePerSec: number;
  readonly durationMs: number;
  readonly warmupMs: number;
}

export interface LoadClientResult {
  readonly scheduled: number;
  readonly measured: number;
  readonly failed: number;
  readonly statuses: Record<string, number>;
  /** Replies saying the alert was applied ({accepted: true}); the others were stale or refused. */
  readonly accepted: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly p999Ms: number;
  readonly maxMs: number;
  readonly maxSendLagMs: number;
  readonly achievedPerSec: number;
}

export async function runLoadClient(config: LoadClientConfig): Promise<LoadClientResult> {
  const statuses: Record<string, number> = {};
  let accepted = 0;
  const result = await runOpenLoop({
    ratePerSec: config.ratePerSec, durationMs: config.durationMs, warmupMs: config.warmupMs,
    async send(i) {
      // Alternate 1 and 2 contracts, so every alert moves the whale and every follower gets an order.
      const body = JSON.stringify({
        strategy: config.strategy, secret: config.secret, ticker: 'BINANCE:BTCUSDT.P', action: i % 2 === 0 ? 'sell' : 'buy',
        contracts: '1', position_size: i % 2 === 0 ? '1' : '2', market_position: 'long', prev_market_position: 'long',
        order_id: `bench-${i}`, price: '60000', time: new Date().toISOString(),
      });
      const response = await fetch(config.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
      const reply = (await response.json()) as { accepted?: boolean };
      if (reply.accepted === true) accepted++;
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      return response.status === 200;
    },
  });
  const { latenciesMs } = result;
  return {
    scheduled: result.scheduled, measured: result.measured, failed: result.failed, statuses, accepted,
    p50Ms: percentileOf(latenciesMs, 50), p99Ms: percentileOf(latenciesMs, 99), p999Ms: percentileOf(latenciesMs, 99.9),
    maxMs: percentileOf(latenciesMs, 100), maxSendLagMs: result.maxSendLagMs, achievedPerSec: result.achievedPerSec,
  };
}

if (import.meta.main) {
  const config = JSON.parse(process.argv[2] ?? '{}') as LoadClientConfig;
  console.log(JSON.stringify(await runLoadClient(config)));
}
