// The bus without Redis (REDIS_URL unset): the same Bus semantics held in this process's memory.
// Everything is lost when the process exits; executors then run inside the engine's process.
import { systemClock, type Clock } from '../core';
import { MemoryStreamBackend } from './memory-backend';
import { StreamBus } from './stream-bus';

export interface InProcessBusOptions {
  /** Only shapes key names (kept identical to Redis for stats and logs). Default 'wc'. */
  readonly keyPrefix?: string;
  /** Source of entry ids and idle times. Default: the system clock. */
  readonly clock?: Clock;
}

export class InProcessBus extends StreamBus {
  readonly kind = 'in_process' as const;

  constructor(options: InProcessBusOptions = {}) {
    super(new MemoryStreamBackend(options.clock ?? systemClock), options.keyPrefix);
  }

  ready(): Promise<void> {
    return Promise.resolve();
  }
}
