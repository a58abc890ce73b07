// The simulator's own throughput (kept from the first benchmark): signed Binance orders per second and
// WebSocket messages pushed per second, the simulator in its own process and the load generator here.
import { spawnSimulator } from './sim-process';
import { benchOrders, benchPushes } from './venue';

export async function runVenue(quick: boolean, log: (s: string) => void): Promise<Record<string, number>> {
  const seconds = quick ? 1 : 5;
  const sim = await spawnSimulator();
  try {
    const o = await benchOrders(sim, seconds);
    const p = await benchPushes(sim, seconds);
    log(`venue: ${o.ordersPerSec.toFixed(0)} orders/s (p99 reply ${o.latencyMs.p99.toFixed(2)} ms), ${p.messagesPerSec.toFixed(0)} ws msgs/s`);
    return { venue_orders_per_sec: o.ordersPerSec, venue_order_reply_p99_ms: o.latencyMs.p99, venue_ws_messages_per_sec: p.messagesPerSec };
  } finally {
    await sim.stop();
  }
}
