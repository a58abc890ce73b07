// Hot-path SignalBatch encoder: writes the same bytes as the generated protobufjs encoder (proven by
// codec-signal-writer.test.ts) into one reused scratch buffer, with no per-signal objects. Encoding only.
import type { OrderSignal, SignalBatch } from './messages';

/** Wire numbers of the engine enums (whalecopy.v1.Venue / Side), passed in by codec.ts. */
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

/** Node's and Bun's Buffer#utf8Write(text, offset): Buffer#write without the argument parsing (about 2x faster). */
interface ScratchBuffer extends Buffer {
  utf8Write(text: string, offset: number): number;
}

function scratchBuffer(size: number, reuse?: Buffer): ScratchBuffer {
  const b = (reuse ?? Buffer.allocUnsafeSlow(size)) as ScratchBuffer;
  if (typeof b.utf8Write !== 'function') b.utf8Write = (text, offset) => b.write(text, offset, 'utf8');
  return b;
}

let buf = scratchBuffer(256 * 1024);
let view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
let pos = 0;

function reserve(bytes: number): void {
  if (pos + bytes <= buf.length) return;
  let size = buf.length * 2;
  while (size < pos + bytes) size *= 2;
  const next = scratchBuffer(size);
  buf.copy(next, 0, 0, pos);
  buf = next;
  view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

function varint(value: number): void {
  // Non-negative safe integers only (the codec checks ranges before calling): exact in doubles.
  while (value >= 128) {
    buf[pos++] = (value % 128) | 128;
    value = Math.floor(value / 128);
  }
  buf[pos++] = value;
}

function varintSize(value: number): number {
  let size = 1;
  while (value >= 128) {
    value = Math.floor(value / 128);
    size++;
  }
  return size;
}

/**
 * Tag, length, UTF-8 bytes. Well-formed text gives the generated encoder's bytes; a lone surrogate becomes
 * U+FFFD (the generated encoder does that too for strings over 40 chars, and writes raw surrogate bytes below).
 */
function stringField(tag: number, s: string): void {
  reserve(s.length * 3 + 6);
  buf[pos++] = tag;
  if (s.length <= SHORT_STRING_CHARS) {
    const written = buf.utf8Write(s, pos + 1);
    buf[pos] = written;
    pos += written + 1;
    return;
  }
  // Buffer.byteLength counts a lone surrogate 3 bytes (written as U+FFFD), as protobufjs's length does.
  varint(Buffer.byteLength(s, 'utf8'));
  pos += buf.utf8Write(s, pos);
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

const repeatText: (string | undefined)[] = new Array<string | undefined>(REPEAT_SLOTS).fill(undefined);
const repeatStart = new Int32Array(REPEAT_SLOTS);
const repeatEnd = new Int32Array(REPEAT_SLOTS);

function repeatField(slot: number, tag: number, s: string): void {
  if (repeatText[slot] === s) {
    const from = repeatStart[slot]!;
    const n = repeatEnd[slot]! - from;
    reserve(n);
    const b = buf;
    const at = pos;
    for (let i = 0; i < n; i++) b[at + i] = b[from + i]!;
    pos = at + n;
    return;
  }
  const from = pos;
  stringField(tag, s);
  repeatText[slot] = s;
  repeatStart[slot] = from;
  repeatEnd[slot] = pos;
}

function forgetRepeats(): void {
  repeatText.fill(undefined);
}

/** The bytes from `from` on moved by `by` (a signal body under its final length prefix): follow them. */
function shiftRepeats(from: number, by: number): void {
  for (let slot = 0; slot < REPEAT_SLOTS; slot++) {
    if (repeatText[slot] !== undefined && repeatStart[slot]! >= from) {
      repeatStart[slot]! += by;
      repeatEnd[slot]! += by;
    }
  }
}

function uintField(tag: number, value: number): void {
  buf[pos++] = tag;
  varint(value);
}

/** One signal; whale id and sequence are left out when they are the batch's (the decoder fills them in). */
function signalBody(s: OrderSignal, enums: SignalWireEnums, batch: SignalBatch): void {
  stringField(SIG_CLIENT_ORDER_ID, s.clientOrderId);
  stringField(SIG_FOLLOWER_ID, s.followerId);
  if (s.whaleId !== batch.whaleId) repeatField(REPEAT_WHALE_ID, SIG_WHALE_ID, s.whaleId);
  reserve(2 * 11);
  uintField(SIG_VENUE, enums.venue(s));
  repeatField(REPEAT_SYMBOL, SIG_SYMBOL, s.symbol);
  reserve(2 * 11);
  uintField(SIG_SIDE, enums.side(s));
  repeatField(REPEAT_AMOUNT, SIG_AMOUNT, s.amount);
  reserve(4 * 11);
  buf[pos++] = SIG_REDUCE_ONLY;
  buf[pos++] = s.reduceOnly ? 1 : 0;
  uintField(SIG_LEG, s.leg >>> 0);
  if (s.whaleSeq !== batch.whaleSeq) uintField(SIG_WHALE_SEQ, s.whaleSeq);
  uintField(SIG_LEVERAGE, s.leverage);
  repeatField(REPEAT_REF_PRICE, SIG_REF_PRICE, s.refPrice);
}

/**
 * The SignalBatch bytes, every field written (as the generated encoder does for set fields) except each
 * signal's whale id and sequence where they equal the batch's: 10,000 signals of one whale event carry
 * them once, not 10,000 times (~30% of the bytes). The caller
 * has range-checked shard, whaleSeq, leverage; enums map names to wire numbers (and throw on unknown).
 */
export function writeSignalBatch(batch: SignalBatch, enums: SignalWireEnums): Buffer {
  return writeSignalBatchInRoom(batch, enums, 0, 0).bytes;
}

/**
 * writeSignalBatch with `headroom` free bytes before the payload and `tailroom` after. Into `into` (a buffer
 * reused from an earlier batch, see PayloadRooms) the bytes are written in place, with no copy and no fresh
 * memory unless they outgrow it; without it, into a new buffer of the exact size.
 */
export function writeSignalBatchInRoom(batch: SignalBatch, enums: SignalWireEnums, headroom: number, tailroom: number, into?: Buffer): { bytes: Buffer; room: Buffer } {
  if (into === undefined) {
    pos = 0;
    writeBatch(batch, enums);
    const room = Buffer.allocUnsafe(headroom + pos + tailroom);
    room.set(buf.subarray(0, pos), headroom);
    return { bytes: room.subarray(headroom, headroom + pos), room };
  }
  const scratch = buf;
  const scratchView = view;
  try {
    buf = scratchBuffer(0, into);
    view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    pos = 0;
    reserve(headroom);
    pos = headroom;
    writeBatch(batch, enums);
    const end = pos;
    reserve(tailroom);
    return { bytes: buf.subarray(headroom, end), room: buf };
  } finally {
    buf = scratch;
    view = scratchView;
  }
}

function writeBatch(batch: SignalBatch, enums: SignalWireEnums): void {
  forgetRepeats();
  reserve(2 * 11);
  uintField(BATCH_SHARD, batch.shard);
  stringField(BATCH_WHALE_ID, batch.whaleId);
  reserve(11);
  uintField(BATCH_WHALE_SEQ, batch.whaleSeq);
  const signals = batch.signals;
  for (let i = 0; i < signals.length; i++) {
    reserve(1 + SIGNAL_LENGTH_RESERVE);
    buf[pos++] = BATCH_SIGNAL;
    const start = pos + SIGNAL_LENGTH_RESERVE;
    pos = start;
    signalBody(signals[i] as OrderSignal, enums, batch);
    const length = pos - start;
    const prefix = varintSize(length);
    if (prefix !== SIGNAL_LENGTH_RESERVE) {
      reserve(prefix);
      buf.copyWithin(start - SIGNAL_LENGTH_RESERVE + prefix, start, pos);
      shiftRepeats(start, prefix - SIGNAL_LENGTH_RESERVE);
    }
    pos = start - SIGNAL_LENGTH_RESERVE;
    varint(length);
    pos += length;
  }
  const h = batch.hops;
  reserve(2 + HOPS_BODY_BYTES);
  buf[pos++] = BATCH_HOPS;
  buf[pos++] = HOPS_BODY_BYTES;
  const stamps = [h.venueEventMs, h.frameRxMs, h.diffDoneMs, h.xaddAckMs, h.dequeuedMs, h.orderSentMs, h.venueAckMs];
  for (let i = 0; i < HOPS_TAGS.length; i++) {
    buf[pos++] = HOPS_TAGS[i]!;
    view.setFloat64(pos, stamps[i]!, true);
    pos += 8;
  }
}
