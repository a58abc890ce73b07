// Benchmark Redis hygiene: a unique key prefix per step and removal of every key under it afterwards.
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

export function benchPrefix(tag: string): string {
  return `bench-${tag}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/** UNLINKs every key starting with `${prefix}:` (SCAN, never KEYS). */
export async function dropPrefix(prefix: string, url = REDIS_URL): Promise<void> {
  const redis = new Redis(url, { protocol: 2, lazyConnect: true });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
