// createBus picks Redis only when a URL is given.
import { expect, test } from 'bun:test';
import { createBus } from './create-bus';

test('no REDIS_URL gives the in-process bus; a URL gives RedisBus with the prefix', async () => {
  const local = createBus({ redisUrl: undefined });
  const empty = createBus({ redisUrl: '' });
  const redis = createBus({ redisUrl: 'redis://127.0.0.1:6379', keyPrefix: 'wctest-create' });
  expect([local.kind, empty.kind, redis.kind]).toEqual(['in_process', 'in_process', 'redis']);
  expect(redis.keyPrefix).toBe('wctest-create');
  await redis.ready();
  await Promise.all([local.close(), empty.close(), redis.close()]);
});
