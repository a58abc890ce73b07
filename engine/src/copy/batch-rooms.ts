// Each shard's batch buffer, kept from one pass for the next once the pass's XADD was acknowledged: at 10,000
// followers a pass writes ~1.1 MB of signals, and fresh buffers of that size come from the OS page by page
// (~280 page faults, about 1 ms here, inside the frame -> XADD window). The engine holds about one batch per
// shard of its largest recent fan-out (~1.2 MB at 10,000 followers on 4 shards).

/** About what one signal takes in a batch (ids, symbol, amount, price and their tags), to size a first buffer. */
const BYTES_PER_SIGNAL = 120;
/** A kept buffer at most this much larger than its last batch stays; a larger one is swapped for a smaller one. */
const MAX_SLACK = 1.25;
/** A swapped-in buffer's size relative to the last batch (the next may carry a few more signals). */
const SWAP_SLACK = 1.05;
const MIN_BYTES = 4096;
/** Batches larger than this are not kept (a one-off huge batch does not pin its memory). */
const MAX_KEPT_BYTES = 8 * 1024 * 1024;

export class BatchRooms {
  private readonly free: (Buffer | undefined)[] = [];

  /**
   * The shard's kept buffer, now lent to the caller; if none is free (first pass, or another pass still waits for
   * its XADD), a fresh one for `expectedSignals` plus `overhead` bytes.
   */
  take(shard: number, expectedSignals: number, overhead: number): Buffer {
    const room = this.free[shard];
    this.free[shard] = undefined;
    return room ?? Buffer.allocUnsafeSlow(Math.max(MIN_BYTES, Math.ceil(overhead + expectedSignals * BYTES_PER_SIGNAL)));
  }

  /**
   * Back from a batch whose XADD was acknowledged, `used` of its bytes written: the bus holds no reference to it
   * any more (Bus.publishBatch) and the observers have copied what they keep. Never after a failed publish: a
   * timed-out command may still be queued for the socket. A buffer much larger than `used` (grown by doubling)
   * is swapped for one of about the right size, its pages touched now, after the XADD, not inside the next pass.
   */
  give(shard: number, room: Uint8Array | undefined, used: number): void {
    if (room === undefined || used > MAX_KEPT_BYTES) return;
    let kept = Buffer.isBuffer(room) ? room : Buffer.from(room.buffer, room.byteOffset, room.byteLength);
    if (kept.length > used * MAX_SLACK) {
      kept = Buffer.allocUnsafeSlow(Math.max(MIN_BYTES, Math.ceil(used * SWAP_SLACK)));
      kept.fill(0);
    }
    this.free[shard] = kept;
  }
}
