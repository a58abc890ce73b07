// How large each shard's last SignalBatch was, so the next pass allocates its batch buffer at about that size
// and writes it without growing (a doubling buffer copies what it holds at every step). The buffers themselves
// are not kept between passes: at 10,000 followers they are ~1.2 MB the engine would hold for good.

/** About what one signal takes in a batch (ids, symbol, amount, price and their tags), for a shard seen the first time. */
const BYTES_PER_SIGNAL = 120;
/** Allowance over the last size: the next pass may carry a few more signals. */
const SLACK = 1.05;
/** The smallest buffer. */
const MIN_BYTES = 4096;

export class BatchSizes {
  private readonly last: number[] = [];

  /** A fresh buffer for the shard's next batch: the last batch's size, or `expectedSignals` at a typical signal size. */
  buffer(shard: number, expectedSignals: number, overhead: number): Buffer {
    const last = this.last[shard];
    const bytes = last !== undefined ? last * SLACK : overhead + expectedSignals * BYTES_PER_SIGNAL;
    return Buffer.allocUnsafeSlow(Math.max(MIN_BYTES, Math.ceil(bytes)));
  }

  /** The shard's batch took `bytes` (payload and framing room). */
  record(shard: number, bytes: number): void {
    this.last[shard] = bytes;
  }
}
