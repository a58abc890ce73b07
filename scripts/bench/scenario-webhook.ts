// Scenario 4: TradingView webhook -> XADD and webhook ack. The engine's webhook route (Elysia controller +
// TradingViewIngress) on a real store (a throwaway PostgreSQL database) and the copy path of 1, alerts
// posted by webhook-sender.ts from its own process at a fixed rate.
import { resolve } from 'node:path';
import postgres from 'postgres';
import { RedisBus } from '../../engine/src/bus';
import { systemClock } from '../../engine/src/core';
import { generateKeySpec, loadKeyring, openStore, type Store } from '../../engine/src/store';
import { CopyPath } from './hot-path';
import { REDIS_URL, benchPrefix, dropPrefix } from './redis-keys';
import { FOLLOW_K, type WhaleRig } from './scenario-frame-xadd';
import { summarize } from './stats';

const PG_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
export const WEBHOOK_FOLLOWERS = [1, 100] as const;
const WARM_UP = 10;

async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `wc_bench_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(PG_URL, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: PG_URL.replace(/\/[^/]*$/, `/${name}`),
    async drop() {
      const a = postgres(PG_URL, { max: 1, onnotice: () => undefined });
      await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

async function send(args: { url: string; strategy: string; secret: string; perSec: number; count: number }): Promise<[number, number, number, number][]> {
  const proc = Bun.spawn([process.execPath, resolve(import.meta.dir, 'webhook-sender.ts'), JSON.stringify(args)], { stdout: 'pipe', stderr: 'inherit' });
  const text = await new Response(proc.stdout).text();
  if ((await proc.exited) !== 0) throw new Error(`webhook sender failed: ${text}`);
  return JSON.parse(text);
}

async function step(rig: WhaleRig, store: Store, followers: number, perSec: number, count: number): Promise<Record<string, number>> {
  const { TradingViewIngress } = await import('../../engine/src/webhooks');
  const { webhooksController } = await import('../../engine/src/ingress/webhooks');
  const secret = `bench-secret-${crypto.randomUUID()}`;
  const whale = await store.whales.create({ kind: 'tradingview', name: `bench-${followers}`, tradingViewSecret: secret });
  const prefix = benchPrefix('webhook');
  const bus = new RedisBus({ url: REDIS_URL, keyPrefix: prefix, connectionName: 'bench-engine' });
  const path = new CopyPath(bus, rig.catalog, 4);
  const ingress = new TradingViewIngress({ whales: path.whales, copy: path.copy, store, clock: systemClock, options: { ratePerSource: 1e6 } });
  const app = webhooksController(ingress);
  try {
    await bus.ready();
    await ingress.start();
    path.addFollowers(whale.id, Array.from({ length: followers }, () => crypto.randomUUID()), FOLLOW_K);
    app.listen({ port: 0, hostname: '127.0.0.1' });
    const url = `http://127.0.0.1:${app.server!.port}/webhooks/tradingview`;
    const results = (await send({ url, strategy: whale.id, secret, perSec, count: count + WARM_UP })).slice(WARM_UP);
    const end = Date.now() + 5_000;
    while (path.emitted.length < count + WARM_UP && Date.now() < end) await Bun.sleep(10);
    const accepted = results.filter((r) => r[3] === 200);
    const ack = summarize(accepted.map(([, sent, acked]) => acked - sent));
    const intended = summarize(accepted.map(([intendedMs, , acked]) => acked - intendedMs));
    const toXadd = summarize(path.emitted.slice(WARM_UP).map((r) => r.xaddAckMs - r.frameRxMs));
    return {
      [`webhook_ack_p50_ms_${followers}`]: ack.p50, [`webhook_ack_p99_ms_${followers}`]: ack.p99, [`webhook_ack_p999_ms_${followers}`]: ack.p999,
      [`webhook_ack_n_${followers}`]: ack.n, [`webhook_intended_ack_p99_ms_${followers}`]: intended.p99,
      [`webhook_to_xadd_p50_ms_${followers}`]: toXadd.p50, [`webhook_to_xadd_p99_ms_${followers}`]: toXadd.p99, [`webhook_to_xadd_p999_ms_${followers}`]: toXadd.p999,
      [`webhook_refused_${followers}`]: results.length - accepted.length,
    };
  } finally {
    await app.stop(true);
    await ingress.close();
    await bus.close();
    await dropPrefix(prefix);
  }
}

/** One run; throws if the webhook path cannot be assembled (the caller reports it as not measured). */
export async function runWebhook(rig: WhaleRig, quick: boolean, log: (s: string) => void): Promise<Record<string, number>> {
  const db = await freshDatabase();
  const store = await openStore({ databaseUrl: db.url, keyring: await loadKeyring({ ENGINE_MASTER_KEY: generateKeySpec() }), poolSize: 2 });
  const out: Record<string, number> = {};
  try {
    for (const followers of WEBHOOK_FOLLOWERS) {
      const perSec = quick ? 200 : 1000; // the issue's load: 1,000 alerts/s (200/s keeps --quick inside 60 s)
      Object.assign(out, await step(rig, store, followers, perSec, Math.round(perSec * (quick ? 1.5 : 10))));
      log(`webhook ${followers} follower(s) @${perSec}/s: ack p50 ${out[`webhook_ack_p50_ms_${followers}`]!.toFixed(2)} p99 ${out[`webhook_ack_p99_ms_${followers}`]!.toFixed(2)} ms; -> XADD p99 ${out[`webhook_to_xadd_p99_ms_${followers}`]!.toFixed(2)} ms (${out[`webhook_refused_${followers}`]} refused)`);
    }
    out.webhook_ack_p99_ms = out.webhook_ack_p99_ms_1!;
    out.webhook_to_xadd_p99_ms = out.webhook_to_xadd_p99_ms_1!;
    return out;
  } finally {
    await store.close();
    await db.drop();
  }
}
