// Helpers for cross-process tests: a throwaway PostgreSQL database, Redis key cleanup, an API client,
// executor processes, and waiting for a condition with a deadline. Test support only.
import Redis from 'ioredis';
import postgres from 'postgres';
import { resolve } from 'node:path';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `wc_e2e_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(PG_URL, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = PG_URL.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    async drop() {
      const a = postgres(PG_URL, { max: 1, onnotice: () => undefined });
      await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export async function dropRedisPrefix(prefix: string): Promise<void> {
  const r = new Redis(REDIS_URL);
  const keys = await r.keys(`${prefix}:*`);
  if (keys.length) await r.del(...keys);
  await r.quit();
}

export async function until<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await Bun.sleep(25);
  }
}

export function apiClient(baseUrl: string, token: string) {
  return async <T = any>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

export interface ExecutorProcess {
  shard: number;
  proc: ReturnType<typeof Bun.spawn>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** `bun run executor --shard i --shards n` as a real process. */
export async function spawnExecutor(shard: number, shards: number, env: Record<string, string>): Promise<ExecutorProcess> {
  const main = resolve(import.meta.dir, '../src/executor/main.ts');
  const proc = Bun.spawn([process.execPath, main, '--shard', String(shard), '--shards', String(shards)], {
    env: { ...process.env, EXECUTOR_METRICS_PORT: '0', ...env }, stdout: 'pipe', stderr: 'inherit',
  });
  const reader = proc.stdout.getReader();
  let text = '';
  const deadline = Date.now() + 20_000;
  while (!text.includes('consuming as')) {
    if (Date.now() > deadline) throw new Error(`executor ${shard} did not start: ${text}`);
    const { value, done } = await reader.read();
    if (done) throw new Error(`executor ${shard} exited: ${text}`);
    text += new TextDecoder().decode(value);
  }
  void (async () => {
    for (;;) {
      const { done } = await reader.read().catch(() => ({ done: true }));
      if (done) return;
    }
  })();
  return {
    shard, proc,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      proc.kill(signal);
      await proc.exited;
    },
  };
}
