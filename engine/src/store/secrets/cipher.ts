// Sealing of secrets at rest with AES-256-GCM: envelope = key version (1 byte) | IV (12) | ciphertext+tag.
// The additional data binds a ciphertext to its owner and venue; nothing here logs or caches plaintext.
import { SecretDecryptError, UnknownKeyVersionError } from '../errors';
import type { Keyring } from './keyring';

export const IV_BYTES = 12;
const HEADER_BYTES = 1 + IV_BYTES;
const TAG_BYTES = 16;
const encoder = new TextEncoder();

/** Additional data of a sealed secret: `${ownerId}|${venue}` (ownerId is the follower id, or `whale:<id>`). */
export function sealContext(ownerId: string, venue: string): string {
  return `${ownerId}|${venue}`;
}

export async function seal(keyring: Keyring, plaintext: Uint8Array<ArrayBuffer>, ownerId: string, venue: string): Promise<Uint8Array> {
  const { version, sealKey } = keyring.current;
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const additionalData = encoder.encode(sealContext(ownerId, venue));
  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData, tagLength: 128 }, sealKey, plaintext));
  const envelope = new Uint8Array(HEADER_BYTES + ciphertext.length);
  envelope[0] = version;
  envelope.set(iv, 1);
  envelope.set(ciphertext, HEADER_BYTES);
  return envelope;
}

/** Key version an envelope was sealed with (0 when the envelope is too short to have one). */
export function sealedKeyVersion(envelope: Uint8Array): number {
  return envelope[0] ?? 0;
}

export async function open(
  keyring: Keyring, envelope: Uint8Array, ownerId: string, venue: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const version = sealedKeyVersion(envelope);
  if (envelope.length < HEADER_BYTES + TAG_BYTES) throw new SecretDecryptError(ownerId, venue, version);
  const generation = keyring.get(version);
  if (generation === undefined) throw new UnknownKeyVersionError(version, ownerId);
  const iv = envelope.slice(1, HEADER_BYTES);
  const additionalData = encoder.encode(sealContext(ownerId, venue));
  try {
    return new Uint8Array(await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData, tagLength: 128 }, generation.sealKey, envelope.slice(HEADER_BYTES)));
  } catch (cause) {
    throw new SecretDecryptError(ownerId, venue, version, { cause });
  }
}
