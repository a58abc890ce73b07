// The signals of one copy pass, grouped by executor shard (one stream entry per shard per pass), each shard's
// SignalBatch written as its signals arrive (while their fields are in cache).
import { PAYLOAD_HEADROOM, PAYLOAD_TAILROOM, openSignalBatch, type OrderSignal, type SignalBatchWriter } from '../bus';
import type { BatchRooms } from './batch-rooms';

/** Room around a batch's payload and its header and hops. */
const FRAMING = PAYLOAD_HEADROOM + PAYLOAD_TAILROOM + 256;

export class ShardSignals {
  readonly byShard: OrderSignal[][];
  /** Each shard's batch, opened by its first signal. */
  readonly batches: (SignalBatchWriter | undefined)[];
  count = 0;

  constructor(
    shards: number,
    private readonly whaleId: string,
    private readonly whaleSeq: number,
    private readonly rooms: BatchRooms,
    /** Signals the pass may make (follows x symbols): a shard seen the first time gets a buffer for its share. */
    private readonly expectedSignals = 0,
  ) {
    this.byShard = Array.from({ length: shards }, () => []);
    this.batches = new Array<SignalBatchWriter | undefined>(shards).fill(undefined);
  }

  /** Throws BusEncodeError (nothing added) for a signal that cannot be encoded. */
  add(shard: number, s: OrderSignal): void {
    let batch = this.batches[shard];
    if (batch === undefined) batch = this.batches[shard] = openSignalBatch(shard, this.whaleId, this.whaleSeq, this.rooms.take(shard, this.expectedSignals / this.byShard.length, FRAMING));
    batch.add(s);
    this.byShard[shard]!.push(s);
    this.count++;
  }
}
