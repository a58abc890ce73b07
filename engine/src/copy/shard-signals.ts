// The signals of one copy pass, grouped by executor shard (one stream entry per shard per pass), each shard's
// SignalBatch written as its signals arrive (while their fields are in cache) into the shard's kept buffer.
import { openSignalBatch, type OrderSignal, type PayloadRooms, type SignalBatchWriter } from '../bus';

export class ShardSignals {
  readonly byShard: OrderSignal[][];
  /** Each shard's batch, opened by its first signal. */
  readonly batches: (SignalBatchWriter | undefined)[];
  count = 0;

  constructor(
    shards: number,
    private readonly whaleId: string,
    private readonly whaleSeq: number,
    private readonly rooms: PayloadRooms,
  ) {
    this.byShard = Array.from({ length: shards }, () => []);
    this.batches = new Array<SignalBatchWriter | undefined>(shards).fill(undefined);
  }

  /** Throws BusEncodeError (nothing added) for a signal that cannot be encoded. */
  add(shard: number, s: OrderSignal): void {
    let batch = this.batches[shard];
    if (batch === undefined) batch = this.batches[shard] = openSignalBatch(shard, this.whaleId, this.whaleSeq, this.rooms.take(shard));
    batch.add(s);
    this.byShard[shard]!.push(s);
    this.count++;
  }
}
