// The hand-rolled SignalBatch encoder against the generated protobufjs encoder: identical bytes for
// random and nasty batches (unicode, long strings, large varints, many signals), and decodable.
import { describe, expect, test } from 'bun:test';
import { whalecopy } from '../../../proto/gen/whalecopy.js';
import { decodeSignalBatch, encodeSignalBatch, openSignalBatch, sideEnum, venueEnum } from './codec';
import { BusEncodeError } from './errors';
import type { HopStamps, OrderSignal, SignalBatch } from './messages';

const pb = whalecopy.v1;

/** The reference: the generated encoder over plain objects, as codec.ts did before the hand-rolled writer. */
function generatedBytes(batch: SignalBatch): Uint8Array {
  const type = 'SignalBatch';
  const signals = batch.signals.map((s) => {
    const wire: Record<string, unknown> = { ...s, venue: venueEnum.toWire(type, s.venue), side: sideEnum.toWire(type, s.side) };
    // The writer leaves out a signal's whale id and sequence when they are the batch's.
    if (s.whaleId === batch.whaleId) delete wire.whaleId;
    if (s.whaleSeq === batch.whaleSeq) delete wire.whaleSeq;
    return wire;
  });
  return pb.SignalBatch.encode({ shard: batch.shard, whaleId: batch.whaleId, whaleSeq: batch.whaleSeq, signals, hops: batch.hops }).finish();
}

/** Deterministic PRNG (mulberry32) so a failure reproduces. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ALPHABET = ['a', 'Z', '0', '-', ':', '/', '.', 'é', 'ß', '€', '中', '😀', '\u0000', '\u007f', '\u0080', '\u07ff', '\u0800', '\uffff'];

function randomText(rnd: () => number, maxLength: number): string {
  const length = Math.floor(rnd() * maxLength);
  let s = '';
  for (let i = 0; i < length; i++) s += rnd() < 0.8 ? String.fromCharCode(0x20 + Math.floor(rnd() * 95)) : ALPHABET[Math.floor(rnd() * ALPHABET.length)]!;
  return s;
}

const randomUint = (rnd: () => number, max: number) => (rnd() < 0.3 ? Math.floor(rnd() * 300) : Math.floor(rnd() * max));

function randomSignal(rnd: () => number): OrderSignal {
  const leg = rnd() < 0.5 ? 0 : 1;
  return {
    clientOrderId: randomText(rnd, rnd() < 0.1 ? 400 : 40), followerId: randomText(rnd, rnd() < 0.1 ? 200 : 40),
    whaleId: randomText(rnd, 50), venue: rnd() < 0.5 ? 'binanceusdm' : 'hyperliquid', symbol: randomText(rnd, 20),
    side: rnd() < 0.5 ? 'buy' : 'sell', amount: randomText(rnd, 12), reduceOnly: rnd() < 0.5, leg,
    whaleSeq: randomUint(rnd, Number.MAX_SAFE_INTEGER), leverage: randomUint(rnd, 4_294_967_295),
    refPrice: rnd() < 0.2 ? '' : randomText(rnd, 16),
  };
}

function randomHops(rnd: () => number): HopStamps {
  const stamp = () => (rnd() < 0.3 ? 0 : rnd() < 0.5 ? 1_763_000_000_000 + rnd() * 1e6 : (rnd() - 0.5) * 1e300);
  return { venueEventMs: stamp(), frameRxMs: stamp(), diffDoneMs: stamp(), xaddAckMs: stamp(), dequeuedMs: stamp(), orderSentMs: stamp(), venueAckMs: stamp() };
}

function randomBatch(rnd: () => number): SignalBatch {
  const count = rnd() < 0.05 ? 2000 : Math.floor(rnd() * 20);
  return {
    shard: randomUint(rnd, 4_294_967_295), whaleId: randomText(rnd, 60), whaleSeq: randomUint(rnd, Number.MAX_SAFE_INTEGER),
    signals: Array.from({ length: count }, () => randomSignal(rnd)), hops: randomHops(rnd),
  };
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('writeSignalBatch via encodeSignalBatch', () => {
  test('500 random batches: byte-identical to the generated encoder', () => {
    const rnd = prng(20_260_122);
    for (let i = 0; i < 500; i++) {
      const batch = randomBatch(rnd);
      const ours = encodeSignalBatch(batch);
      const reference = generatedBytes(batch);
      expect(ours.length).toBe(reference.length);
      expect(hex(ours)).toBe(hex(reference));
    }
  });

  const base: OrderSignal = {
    clientOrderId: 'wc-0123456789abcdef0123456789abcdef', followerId: 'f-1', whaleId: 'w-1', venue: 'binanceusdm',
    symbol: 'BTC/USDT:USDT', side: 'buy', amount: '0.003', reduceOnly: false, leg: 1, whaleSeq: 42, leverage: 0, refPrice: '60000.5',
  };
  const zeroHops: HopStamps = { venueEventMs: 0, frameRxMs: 0, diffDoneMs: 0, xaddAckMs: 0, dequeuedMs: 0, orderSentMs: 0, venueAckMs: 0 };
  const cases: [string, SignalBatch][] = [
    ['no signals, all zero', { shard: 0, whaleId: '', whaleSeq: 0, signals: [], hops: zeroHops }],
    ['signal body under 128 bytes (1-byte length)', { shard: 1, whaleId: 'w', whaleSeq: 1, signals: [{ ...base, clientOrderId: 'c', refPrice: '' }], hops: zeroHops }],
    ['signal body of 16384+ bytes (3-byte length)', { shard: 1, whaleId: 'w', whaleSeq: 1, signals: [{ ...base, followerId: 'x'.repeat(20_000) }], hops: zeroHops }],
    ['string of exactly 42 and 43 multibyte chars', { shard: 2, whaleId: '€'.repeat(42), whaleSeq: 2, signals: [{ ...base, symbol: '€'.repeat(43) }], hops: zeroHops }],
    ['surrogate pairs and max varints', { shard: 4_294_967_295, whaleId: '😀😀', whaleSeq: Number.MAX_SAFE_INTEGER, signals: [{ ...base, whaleSeq: Number.MAX_SAFE_INTEGER, leverage: 4_294_967_295 }], hops: { ...zeroHops, diffDoneMs: -0, venueAckMs: Number.MAX_VALUE } }],
    ['multi-megabyte batch (scratch buffer grows)', { shard: 3, whaleId: 'w', whaleSeq: 3, signals: Array.from({ length: 30_000 }, (_, i) => ({ ...base, followerId: `f-${i}` })), hops: zeroHops }],
  ];
  for (const [name, batch] of cases) {
    test(name, () => {
      expect(hex(encodeSignalBatch(batch))).toBe(hex(generatedBytes(batch)));
    });
  }

  test('300 batches whose signals repeat whale id, symbol, amount and price (short and long bodies): byte-identical', () => {
    const rnd = prng(4242);
    for (let i = 0; i < 300; i++) {
      const pool = (max: number) => Array.from({ length: 3 }, () => randomText(rnd, max));
      const [whales, symbols, amounts, prices] = [pool(50), pool(20), pool(12), pool(16)];
      const pick = (xs: string[]) => xs[Math.floor(rnd() * xs.length)]!;
      const short = rnd() < 0.5; // bodies under 128 bytes take a 1-byte length: the writer moves them
      const signals = Array.from({ length: 1 + Math.floor(rnd() * 30) }, () => ({
        ...randomSignal(rnd),
        clientOrderId: randomText(rnd, short ? 8 : 40), followerId: randomText(rnd, short ? 8 : 40),
        whaleId: pick(whales), symbol: pick(symbols), amount: pick(amounts), refPrice: pick(prices),
      }));
      const batch = { ...randomBatch(rnd), signals };
      expect(hex(encodeSignalBatch(batch))).toBe(hex(generatedBytes(batch)));
    }
  });

  test("signals of the batch's whale event carry no whale id or sequence of their own, and decode with them", () => {
    const signal: OrderSignal = {
      clientOrderId: 'wc-1', followerId: 'f1', whaleId: 'whale-1', venue: 'binanceusdm', symbol: 'ETH/USDT:USDT', side: 'buy',
      amount: '0.01', reduceOnly: false, leg: 1, whaleSeq: 1_763_790_000_123_456, leverage: 0, refPrice: '3000',
    };
    const batch: SignalBatch = { shard: 0, whaleId: 'whale-1', whaleSeq: signal.whaleSeq, signals: [signal, { ...signal, clientOrderId: 'wc-2' }], hops: randomHops(prng(1)) };
    const bytes = encodeSignalBatch(batch);
    expect(Buffer.from(bytes).includes(Buffer.from('whale-1'))).toBe(true); // once, in the batch header
    expect(Buffer.from(bytes).indexOf('whale-1')).toBe(Buffer.from(bytes).lastIndexOf('whale-1'));
    expect(decodeSignalBatch(bytes).signals).toEqual(batch.signals);
  });

  test('output is an independent Buffer: a later encode does not change an earlier result', () => {
    const first = encodeSignalBatch({ shard: 1, whaleId: 'w-1', whaleSeq: 42, signals: [base], hops: zeroHops });
    const copy = hex(first);
    encodeSignalBatch({ shard: 2, whaleId: 'w-2', whaleSeq: 8, signals: [{ ...base, followerId: 'other' }], hops: zeroHops });
    expect(Buffer.isBuffer(first)).toBe(true);
    expect(hex(first)).toBe(copy);
    expect(decodeSignalBatch(first).signals[0]!.followerId).toBe('f-1');
  });

  test('an unknown venue throws BusEncodeError, and the next encode is still correct', () => {
    const bad = { ...base, venue: 'kraken' } as unknown as OrderSignal;
    expect(() => encodeSignalBatch({ shard: 1, whaleId: 'w', whaleSeq: 1, signals: [base, bad], hops: zeroHops })).toThrow(BusEncodeError);
    const good: SignalBatch = { shard: 1, whaleId: 'w', whaleSeq: 42, signals: [base], hops: zeroHops };
    expect(hex(encodeSignalBatch(good))).toBe(hex(generatedBytes(good)));
  });

  test('openSignalBatch, signal by signal (the copy path): the same bytes; a signal it cannot encode throws and leaves the batch whole without it', () => {
    const rnd = prng(99);
    let into: Buffer | undefined;
    for (let i = 0; i < 40; i++) {
      const batch = randomBatch(rnd);
      const open = openSignalBatch(batch.shard, batch.whaleId, batch.whaleSeq, into);
      const kept: OrderSignal[] = [];
      for (const signal of batch.signals) {
        if (rnd() < 0.1) {
          const bad = rnd() < 0.5 ? { ...signal, venue: 'kraken' } as unknown as OrderSignal : { ...signal, leverage: -1 };
          expect(() => open.add(bad)).toThrow(BusEncodeError);
        }
        open.add(signal);
        kept.push(signal);
      }
      expect(open.count).toBe(kept.length);
      const { bytes, room } = open.finish(batch.hops);
      expect(hex(bytes)).toBe(hex(generatedBytes({ ...batch, signals: kept })));
      expect(bytes.byteOffset - room.byteOffset).toBe(256);
      into = room as Buffer;
    }
  });
});
