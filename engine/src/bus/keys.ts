// Redis key names of the bus, hash-tagged so a stream and its dead letters share one Redis Cluster slot.
// Pure naming; signal keys are built once per shard so the publish path allocates no strings.
import { BusConfigError } from './errors';

export const DEFAULT_KEY_PREFIX = 'wc';
/** Consumer group of the executors on a signal stream, and of the report readers on the report stream. */
export const DEFAULT_SIGNAL_GROUP = 'executors';
export const DEFAULT_REPORT_GROUP = 'reporters';

export interface StreamKeys {
  /** The stream itself. */
  readonly stream: string;
  /** Its dead letters (same hash tag). */
  readonly dead: string;
}

export class BusKeys {
  readonly reports: StreamKeys;
  readonly control: string;
  private readonly signalKeys: StreamKeys[] = [];

  constructor(readonly prefix: string = DEFAULT_KEY_PREFIX) {
    if (!/^[A-Za-z0-9:_.-]+$/.test(prefix)) {
      throw new BusConfigError(`key prefix ${JSON.stringify(prefix)} must be non-empty [A-Za-z0-9:_.-] (no braces: they are the hash tag)`);
    }
    this.reports = { stream: `${prefix}:{reports}:stream`, dead: `${prefix}:{reports}:dead` };
    this.control = `${prefix}:{control}:stream`;
  }

  /** `${prefix}:{s<i>}:signals` and `${prefix}:{s<i>}:dead`. */
  signals(shard: number): StreamKeys {
    const cached = this.signalKeys[shard];
    if (cached !== undefined) return cached;
    if (!Number.isSafeInteger(shard) || shard < 0 || shard > 0xffff) {
      throw new BusConfigError(`shard ${shard} is not an integer in [0, 65535]`);
    }
    const keys = { stream: `${this.prefix}:{s${shard}}:signals`, dead: `${this.prefix}:{s${shard}}:dead` };
    this.signalKeys[shard] = keys;
    return keys;
  }
}
