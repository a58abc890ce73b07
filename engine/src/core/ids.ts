// Deterministic client order ids: a pure function of (follow, whale event sequence, symbol, leg),
// encoded to each venue's rules. Owns the id format only; it must not know how orders are sent.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { InvalidArgumentError } from './errors';

export type IdVenue = 'binanceusdm' | 'hyperliquid';
export type IdLeg = 0 | 1;

/** Binance newClientOrderId rule; the encoding below ('wc-' + 32 hex, 35 chars) always matches it. */
export const BINANCE_CLIENT_ID_PATTERN = /^[.A-Z:/a-z0-9_-]{1,36}$/;
/** Hyperliquid cloid: 0x + 32 hex digits (128 bits). */
export const HYPERLIQUID_CLIENT_ID_PATTERN = /^0x[0-9a-f]{32}$/;

const BINANCE_PREFIX = 'wc-';
const HYPERLIQUID_PREFIX = '0x';
/** The 31st hex digit: the id format's version (the 32nd is the leg). */
const FORMAT_VERSION = '2';

/** 64 bits of SHA-256 over a domain-tagged string, as two unsigned 32-bit halves. */
export interface IdKey {
  readonly idHi: number;
  readonly idLo: number;
}

/**
 * The id of one order leg, 128 bits as 32 lowercase hex digits:
 *   16: H('follow', followId) XOR H('symbol', symbol)   (H = first 64 bits of SHA-256)
 *   14: whaleSeq                                       (any safe integer fits in 14 hex digits)
 *    1: format version, 1: leg
 * Same inputs -> same id, on every process and restart, so a redelivered signal never becomes a second
 * order. `followId` names the (follower, whale) pair, so a follower copying two whales never gets one id
 * twice; the engine draws a fresh whaleSeq for every diff pass that emits (whale change or repair), so a
 * repair never reuses an earlier id. Two (follow, symbol) pairs of one pass share an id only if their
 * 64-bit keys collide (about n^2 / 2^65 for n pairs). The follow half is hashed once per follow (followIdKey)
 * and the symbol half once per process, so an id costs two XORs and string building, no hashing.
 */
export function clientOrderId(venue: IdVenue, followId: string, whaleSeq: number, symbol: string, leg: IdLeg): string {
  return clientOrderIdOf(venue, followIdKey(followId), seqText(whaleSeq), symbol, leg);
}

/** clientOrderId with the follow's key and the sequence's text computed beforehand (the copy path's loop). */
export function clientOrderIdOf(venue: IdVenue, follow: IdKey, seq: string, symbol: string, leg: IdLeg): string {
  const s = symbolKey(symbol);
  if (leg !== 0 && leg !== 1) throw new InvalidArgumentError(`leg must be 0 or 1, got ${String(leg)}`, { ids: { symbol } });
  const out = venue === 'hyperliquid' ? HYPERLIQUID_SCRATCH : BINANCE_SCRATCH;
  return out.id(follow.idHi ^ s.idHi, follow.idLo ^ s.idLo, seq, leg);
}

/**
 * Builds ids as bytes in a small buffer and reads them out as one flat string: a chain of string
 * concatenations makes a rope that costs ~5x more to resolve when the id is first written or compared.
 */
/** Node's and Bun's Buffer#latin1Slice(start, end): toString('latin1') without the argument parsing. */
interface SliceBuffer extends Buffer {
  latin1Slice(start: number, end: number): string;
}

class IdScratch {
  private readonly bytes: SliceBuffer;
  private readonly start: number;
  private seq = '';

  constructor(prefix: string) {
    this.start = prefix.length;
    this.bytes = Buffer.alloc(prefix.length + 32) as SliceBuffer;
    if (typeof this.bytes.latin1Slice !== 'function') this.bytes.latin1Slice = (start, end) => this.bytes.toString('latin1', start, end);
    this.bytes.write(prefix, 0, 'latin1');
    this.bytes[this.start + 30] = FORMAT_VERSION.charCodeAt(0);
  }

  id(hi: number, lo: number, seq: string, leg: IdLeg): string {
    const b = this.bytes;
    const at = this.start;
    putHex8(b, at, hi);
    putHex8(b, at + 8, lo);
    if (seq !== this.seq) {
      if (seq.length !== 14) throw new InvalidArgumentError(`seq must be 14 hex digits (seqText), got ${JSON.stringify(seq)}`);
      for (let i = 0; i < 14; i++) b[at + 16 + i] = seq.charCodeAt(i);
      this.seq = seq;
    }
    b[at + 31] = leg === 0 ? DIGIT_0 : DIGIT_1;
    return b.latin1Slice(0, at + 32);
  }
}

const DIGIT_0 = 48;
const DIGIT_1 = 49;
/** ASCII of the two hex digits of each byte value, at 2 * byte. */
const HEX_PAIRS = new Uint8Array(512);
for (let i = 0; i < 256; i++) {
  const pair = i.toString(16).padStart(2, '0');
  HEX_PAIRS[2 * i] = pair.charCodeAt(0);
  HEX_PAIRS[2 * i + 1] = pair.charCodeAt(1);
}

function putHex8(b: Buffer, at: number, x: number): void {
  for (let k = 0; k < 4; k++) {
    const byte = (x >>> (24 - 8 * k)) & 255;
    b[at + 2 * k] = HEX_PAIRS[2 * byte]!;
    b[at + 2 * k + 1] = HEX_PAIRS[2 * byte + 1]!;
  }
}

const BINANCE_SCRATCH = new IdScratch(BINANCE_PREFIX);
const HYPERLIQUID_SCRATCH = new IdScratch(HYPERLIQUID_PREFIX);

const ENGINE_ID_PATTERN: Record<IdVenue, RegExp> = { binanceusdm: /^wc-[0-9a-f]{32}$/, hyperliquid: /^0x[0-9a-f]{32}$/ };

/** An id of the form clientOrderId makes on `venue` (any format version): an order the engine placed. */
export function isEngineClientOrderId(venue: IdVenue, id: string): boolean {
  return ENGINE_ID_PATTERN[venue].test(id);
}

/** 32 lowercase hex digits: the 128-bit value behind clientOrderId. */
export function orderDigestHex(followId: string, whaleSeq: number, symbol: string, leg: IdLeg): string {
  return clientOrderId('hyperliquid', followId, whaleSeq, symbol, leg).slice(HYPERLIQUID_PREFIX.length);
}

/** The follow's half of every id it gets; hash once per follow and keep it. */
export function followIdKey(followId: string): IdKey {
  if (followId.length === 0) throw new InvalidArgumentError('followId must not be empty');
  return keyOf(`wc2|follow|${followId}`);
}

/** The sequence as the 14 hex digits ids carry; validate and format once per pass. */
export function seqText(whaleSeq: number): string {
  if (!Number.isSafeInteger(whaleSeq) || whaleSeq < 0) {
    throw new InvalidArgumentError(`whaleSeq must be a non-negative safe integer, got ${whaleSeq}`);
  }
  return whaleSeq.toString(16).padStart(14, '0');
}

/** Symbols are few (the venues' markets); their keys are cached, up to a bound. */
const symbolKeys = new Map<string, IdKey>();
const SYMBOL_KEYS_MAX = 4096;

let lastSymbol = '';
let lastSymbolKey: IdKey = { idHi: 0, idLo: 0 };

function symbolKey(symbol: string): IdKey {
  if (symbol === lastSymbol && symbol !== '') return lastSymbolKey;
  let key = symbolKeys.get(symbol);
  if (key === undefined) {
    if (symbol.length === 0) throw new InvalidArgumentError('symbol must not be empty');
    if (symbolKeys.size >= SYMBOL_KEYS_MAX) symbolKeys.clear();
    key = keyOf(`wc2|symbol|${symbol}`);
    symbolKeys.set(symbol, key);
  }
  lastSymbol = symbol;
  lastSymbolKey = key;
  return key;
}

function keyOf(text: string): IdKey {
  const hex = sha256Hex(text);
  return { idHi: Number.parseInt(hex.slice(0, 8), 16), idLo: Number.parseInt(hex.slice(8, 16), 16) };
}

/** Bun's native SHA-256 when running on Bun; @noble/hashes (same bytes) elsewhere. */
function sha256Hex(text: string): string {
  if (typeof Bun !== 'undefined') return Bun.CryptoHasher.hash('sha256', text, 'hex');
  return sha256HexPortable(text);
}

/** The portable implementation, exported so tests can prove both paths give identical digests. */
export function sha256HexPortable(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
