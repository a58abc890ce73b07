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
const FORMAT_VERSION = 'wc1';

/**
 * The id of one order leg. Same inputs -> same id, on every process and restart, so a
 * redelivered signal never becomes a second order. `followId` names the (follower, whale) pair, so a
 * follower copying two whales never gets one id twice; the engine draws a fresh whaleSeq for every diff
 * pass that emits (whale change or repair), so a repair order never reuses an earlier order's id. Both venues carry the same 128-bit digest
 * (first 16 bytes of SHA-256 over a length-prefixed rendering of the inputs).
 */
export function clientOrderId(venue: IdVenue, followId: string, whaleSeq: number, symbol: string, leg: IdLeg): string {
  const digest = orderDigestHex(followId, whaleSeq, symbol, leg);
  return venue === 'hyperliquid' ? HYPERLIQUID_PREFIX + digest : BINANCE_PREFIX + digest;
}

/** 32 lowercase hex digits: the 128-bit digest behind clientOrderId. */
export function orderDigestHex(followId: string, whaleSeq: number, symbol: string, leg: IdLeg): string {
  if (followId.length === 0) throw new InvalidArgumentError('followId must not be empty', { ids: { symbol } });
  if (symbol.length === 0) throw new InvalidArgumentError('symbol must not be empty', { ids: { followId } });
  if (!Number.isSafeInteger(whaleSeq) || whaleSeq < 0) {
    throw new InvalidArgumentError(`whaleSeq must be a non-negative safe integer, got ${whaleSeq}`, { ids: { followId, symbol } });
  }
  if (leg !== 0 && leg !== 1) throw new InvalidArgumentError(`leg must be 0 or 1, got ${String(leg)}`, { ids: { followId, symbol } });
  // Length prefixes make the rendering unambiguous whatever characters the ids contain.
  const canonical = `${FORMAT_VERSION}|${followId.length}:${followId}|${whaleSeq}|${symbol.length}:${symbol}|${leg}`;
  return sha256Hex(canonical).slice(0, 32);
}

/** Bun's native SHA-256 (~0.3 us) when running on Bun; @noble/hashes (same bytes) elsewhere. */
function sha256Hex(text: string): string {
  if (typeof Bun !== 'undefined') return Bun.CryptoHasher.hash('sha256', text, 'hex');
  return sha256HexPortable(text);
}

/** The portable implementation, exported so tests can prove both paths give identical digests. */
export function sha256HexPortable(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
