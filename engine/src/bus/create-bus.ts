// Picks the bus for this process: Redis Streams when REDIS_URL is set, else the in-process bus.
// Builds only; the composition root awaits ready() and closes it.
import { InProcessBus } from './in-process-bus';
import { RedisBus, type RedisBusOptions } from './redis-bus';
import type { Bus } from './types';

export interface CreateBusOptions extends Omit<RedisBusOptions, 'url'> {
  /** Redis URL; empty or undefined selects the in-process bus. */
  readonly redisUrl?: string | undefined;
}

export function createBus(options: CreateBusOptions = {}): Bus {
  const { redisUrl, ...rest } = options;
  if (redisUrl === undefined || redisUrl === '') return new InProcessBus({ keyPrefix: rest.keyPrefix });
  return new RedisBus({ ...rest, url: redisUrl });
}
