// Entry of one executor process: `bun run executor --shard i --shards n`. Wires Redis, the store's
// follower credentials and the Executor; stops gracefully on SIGTERM / SIGINT. No trading logic here.
import { hostname } from 'node:os';
import { RedisBus } from '../bus';
import { MetricsConfigError, Registry, createExecutorMetrics, executorMetricsPort, startMetricsServer } from '../metrics';
import { loadKeyring, openStore } from '../store';
import { consumerName, parseExecutorConfig } from './config';
import { ExecutorConfigError } from './errors';
import { Executor } from './executor';
import { storeCredentials } from './store-credentials';

export interface RunningExecutor {
  readonly executor: Executor;
  /** Finishes in-flight orders, stops consuming, closes ccxt clients, the bus and the store. */
  shutdown(): Promise<void>;
}

export async function startExecutorProcess(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<RunningExecutor> {
  const config = parseExecutorConfig(argv, env);
  const metricsPort = executorMetricsPort(env, config.shard); // a bad port fails before Redis is touched
  const registry = new Registry();
  const metrics = createExecutorMetrics({ registry });
  const log = (message: string) => console.log(`[executor ${config.shard}/${config.shards}] ${message}`);
  const warn = (error: Error) => console.warn(`[executor ${config.shard}/${config.shards}] ${error.message}`);
  const bus = new RedisBus({ url: config.redisUrl, keyPrefix: config.keyPrefix, connectionName: `executor-${config.shard}`, onConnectionError: warn });
  await bus.ready(5_000);
  const store = await openStore({ databaseUrl: config.databaseUrl, keyring: await loadKeyring(env), poolSize: 2 });
  const consumer = consumerName(config.shard, hostname(), process.pid);
  const executor = new Executor({
    bus,
    shard: config.shard,
    consumer,
    credentials: storeCredentials(store.followers),
    venueUrls: config.venueUrls,
    concurrency: config.concurrency,
    binanceOrders: config.binanceOrders,
    socketOpensPerFiveMinutes: config.socketOpensPerFiveMinutes,
    consumerOptions: { onError: warn, claimIdleMs: config.claimIdleMs },
    observer: metrics.observer,
    onError: warn,
  });
  await executor.start();
  const metricsServer = startMetricsServer(registry, { port: metricsPort });
  log(`metrics on ${metricsServer.url}`);
  log(`consuming as ${consumer}`);
  let closing: Promise<void> | undefined;
  return {
    executor,
    shutdown() {
      closing ??= (async () => {
        log('stopping: finishing orders in flight');
        await executor.stop();
        await bus.close();
        await store.close();
        await metricsServer.stop();
        log('stopped');
      })();
      return closing;
    },
  };
}

if (import.meta.main) {
  try {
    const running = await startExecutorProcess(process.argv.slice(2), process.env);
    const stop = () => {
      running.shutdown().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  } catch (error) {
    const config = error instanceof ExecutorConfigError || error instanceof MetricsConfigError;
    console.error(config ? error.message : error);
    process.exit(config ? 2 : 1);
  }
}
