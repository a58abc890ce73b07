// The signals of one copy pass, grouped by executor shard (one stream entry per shard per pass).
import type { OrderSignal } from '../bus';

export class ShardSignals {
  readonly byShard: OrderSignal[][];
  count = 0;

  constructor(shards: number) {
    this.byShard = Array.from({ length: shards }, () => []);
  }

  add(shard: number, s: OrderSignal): void {
    this.byShard[shard]!.push(s);
    this.count++;
  }
}
