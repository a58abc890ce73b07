// Benchmark child process: one executor shard (the engine's Executor over a real RedisBus), started and
// stopped by JSON commands on stdin so one process serves several benchmark steps. No trading logic here.
import { RedisBus } from '../../engine/src/bus';
import { Executor, MissingCredentialsError, type FollowerCredentials } from '../../engine/src/executor';

export interface StartCommand {
  cmd: 'start';
  redisUrl: string;
  prefix: string;
  shard: number;
  binanceUrl: string;
  credentials: Record<string, FollowerCredentials>;
}
export type ExecutorCommand = StartCommand | { cmd: 'stop' } | { cmd: 'now' };

let running: { executor: Executor; bus: RedisBus } | undefined;
const reply = (x: unknown) => console.log(JSON.stringify(x));

async function handle(c: ExecutorCommand): Promise<void> {
  if (c.cmd === 'now') return reply({ now: performance.timeOrigin + performance.now() });
  if (c.cmd === 'stop') {
    if (running) {
      await running.executor.stop();
      await running.bus.close();
      running = undefined;
    }
    return reply({ stopped: true });
  }
  const bus = new RedisBus({ url: c.redisUrl, keyPrefix: c.prefix, connectionName: `bench-executor-${c.shard}` });
  await bus.ready();
  const creds = new Map(Object.entries(c.credentials));
  const executor = new Executor({
    bus, shard: c.shard, consumer: `bench-${c.shard}-${process.pid}`, venueUrls: { binanceusdm: c.binanceUrl },
    credentials: async (followerId) => {
      const found = creds.get(followerId);
      if (!found) throw new MissingCredentialsError(`no credentials for ${followerId}`, { ids: { followerId } });
      return found;
    },
    // As bun run executor reads it: Binance orders over the WebSocket API unless EXECUTOR_BINANCE_ORDERS=rest.
    binanceOrders: process.env['EXECUTOR_BINANCE_ORDERS'] === 'rest' ? 'rest' : 'websocket',
    // The steady state: every account's order socket open at once (the simulator has no connection limit; the
    // default budget would open half of 100 accounts' sockets at once and the rest over the next minutes).
    socketOpensPerFiveMinutes: 1e6,
    consumerOptions: { onError: (e) => console.error(`executor ${c.shard}: ${e.message}`) },
    onError: (e) => console.error(`executor ${c.shard}: ${e.message}`),
  });
  await executor.start();
  running = { executor, bus };
  reply({ started: c.shard });
}

for await (const line of console) {
  if (!line.trim()) continue;
  try {
    await handle(JSON.parse(line) as ExecutorCommand);
  } catch (e) {
    reply({ error: String(e) });
  }
}
// stdin closed: the parent is done with this process.
if (running) await handle({ cmd: 'stop' });
process.exit(0);
