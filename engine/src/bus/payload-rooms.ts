// Encode buffers kept from one whale event's batches for the next: at 10,000 followers a pass writes about
// 1.1 MB of signals, and fresh buffers of that size come from the OS page by page (~280 page faults, about
// 1 ms on this machine, inside the frame -> XADD window). One buffer per shard; a pass that finds its shard's
// buffer lent out (another pass still waits for its XADD) gets a fresh one.

/** Rooms larger than this are not kept (a one-off huge batch does not pin its memory). */
const MAX_KEPT_BYTES = 8 * 1024 * 1024;
/** A kept room is at most this much larger than its last batch needed, so grown-by-doubling buffers do not stay half empty. */
const SLACK = 1.25;

export class PayloadRooms {
  private readonly free: (Buffer | undefined)[] = [];

  /** The shard's kept buffer, now lent to the caller; undefined if none is free. */
  take(shard: number): Buffer | undefined {
    const room = this.free[shard];
    this.free[shard] = undefined;
    return room;
  }

  /**
   * Back from a batch whose XADD was acknowledged, `used` of its bytes written: the bus holds no reference to it
   * any more (Bus.publishBatch) and the observers have copied what they keep. Never after a failed publish: a
   * timed-out command may still be queued for the socket. A room much larger than `used` is swapped for one of
   * about the right size, its pages touched now (after the XADD, not inside the next pass).
   */
  give(shard: number, room: Uint8Array | undefined, used: number): void {
    if (room === undefined || used > MAX_KEPT_BYTES) return;
    let kept = Buffer.isBuffer(room) ? room : Buffer.from(room.buffer, room.byteOffset, room.byteLength);
    if (kept.length > used * SLACK * SLACK) {
      kept = Buffer.allocUnsafeSlow(Math.ceil(used * SLACK));
      kept.fill(0);
    }
    this.free[shard] = kept;
  }

  /** Bytes kept (for the memory figures). */
  get keptBytes(): number {
    let sum = 0;
    for (const room of this.free) sum += room?.byteLength ?? 0;
    return sum;
  }
}
