// Keyed hashes of shared secrets (TradingView webhook secrets) and plain hashes of bearer tokens.
// A keyed hash is version byte | HMAC-SHA256; comparison is constant-time. Never stores the secret.
import { createHash, timingSafeEqual } from 'node:crypto';
import { UnknownKeyVersionError } from '../errors';
import type { Keyring } from './keyring';

const encoder = new TextEncoder();

/** HMAC of `secret` bound to `ownerId`, under the keyring's current key. */
export async function hashSecret(keyring: Keyring, ownerId: string, secret: string): Promise<Uint8Array> {
  const { version, hashKey } = keyring.current;
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hashKey, encoder.encode(`${ownerId}|${secret}`)));
  const out = new Uint8Array(1 + mac.length);
  out[0] = version;
  out.set(mac, 1);
  return out;
}

/** Whether `presented` is the secret behind `stored`; constant-time in the compared bytes. */
export async function verifySecret(keyring: Keyring, ownerId: string, stored: Uint8Array, presented: string): Promise<boolean> {
  const version = stored[0] ?? 0;
  const generation = keyring.get(version);
  if (generation === undefined) throw new UnknownKeyVersionError(version, ownerId);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', generation.hashKey, encoder.encode(`${ownerId}|${presented}`)));
  const expected = stored.subarray(1);
  return expected.length === mac.length && timingSafeEqual(expected, mac);
}

/** SHA-256 hex of a high-entropy bearer token (tokens are random 256-bit values, so no key is needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new bearer token: `wct_` + 43 base64url characters (256 random bits). */
export function generateToken(): string {
  return `wct_${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')}`;
}
