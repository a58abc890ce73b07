// Buffers for encoded signal batches (ShardPayload.room), reused from one whale change to the next.
// A 10,000-follower change encodes ~1.1 MB; a fresh buffer of that size is fresh pages from the OS
// every time (~300 page faults per change, ~1 ms on this machine). Only for a bus whose resolved
// publishBatch keeps no reference to the bytes (Bus.releasesPayloads): the Redis bus, not the in-process one.

/** Smallest buffer kept: batches of a few signals share one size class instead of one buffer each. */
const MIN_BYTES = 64 * 1024;

export class RoomPool {
  private readonly free: Buffer[] = [];

  /** `maxBuffers` free buffers are kept (the rest go to the GC); two passes of four shards by default. */
  constructor(private readonly maxBuffers = 8) {}

  /** A buffer of at least `size` bytes (contents undefined): a pooled one when one is big enough. */
  take(size: number): Buffer {
    const free = this.free;
    for (let i = free.length - 1; i >= 0; i--) {
      const b = free[i]!;
      if (b.length < size) continue;
      free[i] = free[free.length - 1]!;
      free.pop();
      return b;
    }
    // Rounded up to a power of two, so a batch a little larger than the last still fits next time.
    let bytes = MIN_BYTES;
    while (bytes < size) bytes *= 2;
    return Buffer.allocUnsafeSlow(bytes);
  }

  /** A buffer from take() whose bytes nothing reads any more. When full, the smallest buffer is dropped. */
  give(room: Uint8Array | undefined): void {
    if (room === undefined) return;
    const b = Buffer.isBuffer(room) && room.byteOffset === 0 && room.length === room.buffer.byteLength
      ? room
      : Buffer.from(room.buffer, 0, room.buffer.byteLength);
    if (b.length < MIN_BYTES) return;
    const free = this.free;
    if (free.length < this.maxBuffers) {
      free.push(b);
      return;
    }
    let smallest = 0;
    for (let i = 1; i < free.length; i++) if (free[i]!.length < free[smallest]!.length) smallest = i;
    if (free[smallest]!.length < b.length) free[smallest] = b;
  }

  /** Bytes held by free buffers. */
  get heldBytes(): number {
    let sum = 0;
    for (const b of this.free) sum += b.length;
    return sum;
  }
}
