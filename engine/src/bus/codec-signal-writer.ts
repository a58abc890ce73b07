// Hot-path SignalBatch encoder: writes the same bytes as the generated protobufjs encoder (proven by
// codec-signal-writer.test.ts) straight into a buffer, one signal at a time, with no per-signal objects.
// The copy engine writes each signal as it makes it (SignalBatchWriter), while its fields are in cache.
import { checkEncodableUint } from './codec-fields';
import type { HopStamps, OrderSignal, SignalBatch } from './messages';

/** Wire numbers of the engine enums (whalecopy.v1.Venue / Side), passed in by codec.ts; they throw on unknown names. */
export interface SignalWireEnums {
  venue(signal: OrderSignal): number;
  side(signal: OrderSignal): number;
}

// Tags (field number << 3 | wire type) of SignalBatch, OrderSignal and Hops, as in proto/whalecopy.
const BATCH_SHARD = 8;
const BATCH_WHALE_ID = 18;
const BATCH_WHALE_SEQ = 24;
const BATCH_SIGNAL = 34;
const BATCH_HOPS = 42;
const SIG_CLIENT_ORDER_ID = 10;
const SIG_FOLLOWER_ID = 18;
const SIG_WHALE_ID = 26;
const SIG_VENUE = 32;
const SIG_SYMBOL = 42;
const SIG_SIDE = 48;
const SIG_AMOUNT = 58;
const SIG_REDUCE_ONLY = 64;
const SIG_LEG = 72;
const SIG_WHALE_SEQ = 80;
const SIG_LEVERAGE = 88;
const SIG_REF_PRICE = 98;
const HOPS_TAGS = [9, 17, 25, 33, 41, 49, 57] as const;
/** 7 doubles, each a 1-byte tag and 8 bytes. */
const HOPS_BODY_BYTES = 63;
/** A signal body is written after a 2-byte length placeholder (bodies of 128..16383 bytes need no move). */
const SIGNAL_LENGTH_RESERVE = 2;
/** Strings this short (chars) take at most 3 bytes per char < 128 bytes: a 1-byte length prefix. */
const SHORT_STRING_CHARS = 42;
const UINT32_MAX = 4_294_967_295;

/** Node's and Bun's Buffer#utf8Write(text, offset): Buffer#write without the argument parsing (about 2x faster). */
interface ScratchBuffer extends Buffer {
  utf8Write(text: string, offset: number): number;
}

function writable(b: Buffer): ScratchBuffer {
  const s = b as ScratchBuffer;
  if (typeof s.utf8Write !== 'function') s.utf8Write = (text, offset) => b.write(text, offset, 'utf8');
  return s;
}

/**
 * Fields whose text repeats from signal to signal (whale id, symbol, amount, price): when the text is the
 * one written last time for this field, its bytes (tag and length included) are copied from there.
 */
const REPEAT_WHALE_ID = 0;
const REPEAT_SYMBOL = 1;
const REPEAT_AMOUNT = 2;
const REPEAT_REF_PRICE = 3;
const REPEAT_SLOTS = 4;

/**
 * One SignalBatch written into one buffer: the batch's shard, whale id and sequence first, then each signal as
 * it is added, then the hops (finish). Signals are checked as they are added (BusEncodeError: a number out of
 * range, an unknown venue or side); whale id and sequence are left out of a signal when they are the batch's
 * (the decoder fills them in). The buffer is the caller's (`into`, from `headroom` on) until it must grow.
 */
export class SignalBatchWriter {
  private buf: ScratchBuffer;
  private pos: number;
  private readonly start: number;
  private readonly repeatText: (string | undefined)[] = [undefined, undefined, undefined, undefined];
  private readonly repeatStart = new Int32Array(REPEAT_SLOTS);
  private readonly repeatEnd = new Int32Array(REPEAT_SLOTS);
  count = 0;

  constructor(
    private readonly enums: SignalWireEnums,
    shard: number,
    private readonly whaleId: string,
    private readonly whaleSeq: number,
    into: Buffer,
    headroom: number,
    private readonly tailroom: number,
  ) {
    checkEncodableUint('SignalBatch', 'whaleSeq', whaleSeq, Number.MAX_SAFE_INTEGER);
    checkEncodableUint('SignalBatch', 'shard', shard, UINT32_MAX);
    this.buf = writable(into);
    this.pos = 0;
    this.reserve(headroom);
    this.pos = this.start = headroom;
    this.reserve(2 * 11);
    this.uintField(BATCH_SHARD, shard);
    this.stringField(BATCH_WHALE_ID, whaleId);
    this.reserve(11);
    this.uintField(BATCH_WHALE_SEQ, whaleSeq);
  }

  /** Every check comes before the first byte is written: a signal refused leaves the batch as it was. */
  add(s: OrderSignal): void {
    if (s.whaleSeq !== this.whaleSeq) checkEncodableUint('SignalBatch', 'signals.whaleSeq', s.whaleSeq, Number.MAX_SAFE_INTEGER);
    if (s.leverage !== 0) checkEncodableUint('SignalBatch', 'signals.leverage', s.leverage, UINT32_MAX);
    const venue = this.enums.venue(s);
    const side = this.enums.side(s);
    this.reserve(1 + SIGNAL_LENGTH_RESERVE);
    this.buf[this.pos++] = BATCH_SIGNAL;
    const start = this.pos + SIGNAL_LENGTH_RESERVE;
    this.pos = start;
    this.signalBody(s, venue, side);
    const length = this.pos - start;
    const prefix = varintSize(length);
    if (prefix !== SIGNAL_LENGTH_RESERVE) {
      this.reserve(prefix);
      this.buf.copyWithin(start - SIGNAL_LENGTH_RESERVE + prefix, start, this.pos);
      this.shiftRepeats(start, prefix - SIGNAL_LENGTH_RESERVE);
    }
    this.pos = start - SIGNAL_LENGTH_RESERVE;
    this.varint(length);
    this.pos += length;
    this.count++;
  }

  /** The hops last, `tailroom` free bytes after. `room` is the buffer (the caller's `into`, or a larger one). */
  finish(hops: HopStamps): { bytes: Buffer; room: Buffer } {
    this.reserve(2 + HOPS_BODY_BYTES + this.tailroom);
    const b = this.buf;
    b[this.pos++] = BATCH_HOPS;
    b[this.pos++] = HOPS_BODY_BYTES;
    const stamps = [hops.venueEventMs, hops.frameRxMs, hops.diffDoneMs, hops.xaddAckMs, hops.dequeuedMs, hops.orderSentMs, hops.venueAckMs];
    for (let i = 0; i < HOPS_TAGS.length; i++) {
      b[this.pos++] = HOPS_TAGS[i]!;
      b.writeDoubleLE(stamps[i]!, this.pos);
      this.pos += 8;
    }
    return { bytes: b.subarray(this.start, this.pos), room: b };
  }

  private signalBody(s: OrderSignal, venue: number, side: number): void {
    this.stringField(SIG_CLIENT_ORDER_ID, s.clientOrderId);
    this.stringField(SIG_FOLLOWER_ID, s.followerId);
    if (s.whaleId !== this.whaleId) this.repeatField(REPEAT_WHALE_ID, SIG_WHALE_ID, s.whaleId);
    this.reserve(2 * 11);
    this.uintField(SIG_VENUE, venue);
    this.repeatField(REPEAT_SYMBOL, SIG_SYMBOL, s.symbol);
    this.reserve(2 * 11);
    this.uintField(SIG_SIDE, side);
    this.repeatField(REPEAT_AMOUNT, SIG_AMOUNT, s.amount);
    this.reserve(4 * 11);
    this.buf[this.pos++] = SIG_REDUCE_ONLY;
    this.buf[this.pos++] = s.reduceOnly ? 1 : 0;
    this.uintField(SIG_LEG, s.leg >>> 0);
    if (s.whaleSeq !== this.whaleSeq) this.uintField(SIG_WHALE_SEQ, s.whaleSeq);
    this.uintField(SIG_LEVERAGE, s.leverage);
    this.repeatField(REPEAT_REF_PRICE, SIG_REF_PRICE, s.refPrice);
  }

  private reserve(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    let size = Math.max(this.buf.length * 2, 1024);
    while (size < this.pos + bytes) size *= 2;
    const next = writable(Buffer.allocUnsafeSlow(size));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  private varint(value: number): void {
    // Non-negative safe integers only (checked before): exact in doubles.
    const b = this.buf;
    while (value >= 128) {
      b[this.pos++] = (value % 128) | 128;
      value = Math.floor(value / 128);
    }
    b[this.pos++] = value;
  }

  private uintField(tag: number, value: number): void {
    this.buf[this.pos++] = tag;
    this.varint(value);
  }

  /**
   * Tag, length, UTF-8 bytes. Well-formed text gives the generated encoder's bytes; a lone surrogate becomes
   * U+FFFD (the generated encoder does that too for strings over 40 chars, and writes raw surrogate bytes below).
   */
  private stringField(tag: number, s: string): void {
    this.reserve(s.length * 3 + 6);
    const b = this.buf;
    b[this.pos++] = tag;
    if (s.length <= SHORT_STRING_CHARS) {
      const written = b.utf8Write(s, this.pos + 1);
      b[this.pos] = written;
      this.pos += written + 1;
      return;
    }
    // Buffer.byteLength counts a lone surrogate 3 bytes (written as U+FFFD), as protobufjs's length does.
    this.varint(Buffer.byteLength(s, 'utf8'));
    this.pos += b.utf8Write(s, this.pos);
  }

  private repeatField(slot: number, tag: number, s: string): void {
    if (this.repeatText[slot] === s) {
      const from = this.repeatStart[slot]!;
      const n = this.repeatEnd[slot]! - from;
      this.reserve(n);
      const b = this.buf;
      const at = this.pos;
      for (let i = 0; i < n; i++) b[at + i] = b[from + i]!;
      this.pos = at + n;
      return;
    }
    const from = this.pos;
    this.stringField(tag, s);
    this.repeatText[slot] = s;
    this.repeatStart[slot] = from;
    this.repeatEnd[slot] = this.pos;
  }

  /** The bytes from `from` on moved by `by` (a signal body under its final length prefix): follow them. */
  private shiftRepeats(from: number, by: number): void {
    for (let slot = 0; slot < REPEAT_SLOTS; slot++) {
      if (this.repeatText[slot] !== undefined && this.repeatStart[slot]! >= from) {
        this.repeatStart[slot]! += by;
        this.repeatEnd[slot]! += by;
      }
    }
  }
}

function varintSize(value: number): number {
  let size = 1;
  while (value >= 128) {
    value = Math.floor(value / 128);
    size++;
  }
  return size;
}

/** Reused by writeSignalBatch: it grows to the largest batch written and stays. */
let scratch: Buffer = Buffer.allocUnsafeSlow(256 * 1024);

/**
 * The SignalBatch bytes, every field written (as the generated encoder does for set fields) except each
 * signal's whale id and sequence where they equal the batch's: 10,000 signals of one whale event carry
 * them once, not 10,000 times (~30% of the bytes). Throws BusEncodeError for what cannot be encoded.
 * Written into a reused scratch buffer, returned as a buffer of its own.
 */
export function writeSignalBatch(batch: SignalBatch, enums: SignalWireEnums): Buffer {
  const writer = new SignalBatchWriter(enums, batch.shard, batch.whaleId, batch.whaleSeq, scratch, 0, 0);
  const signals = batch.signals;
  for (let i = 0; i < signals.length; i++) writer.add(signals[i] as OrderSignal);
  const written = writer.finish(batch.hops);
  scratch = written.room;
  return Buffer.from(written.bytes);
}
