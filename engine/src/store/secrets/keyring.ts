// Master keys for secrets at rest, loaded from ENGINE_MASTER_KEY or ENGINE_MASTER_KEY_FILE (never
// from the database). Derives per-purpose WebCrypto keys; must not log or expose key bytes.
import { readFileSync } from 'node:fs';
import { MasterKeyMalformedError, MasterKeyMissingError } from '../errors';

export const MASTER_KEY_ENV = 'ENGINE_MASTER_KEY';
export const MASTER_KEY_FILE_ENV = 'ENGINE_MASTER_KEY_FILE';

/** One master key generation: AES-256-GCM for sealing, HMAC-SHA256 for secret hashes. */
export interface KeyGeneration {
  readonly version: number;
  readonly sealKey: CryptoKey;
  readonly hashKey: CryptoKey;
}

/** Keys by version; `current` seals new secrets, every held version can open old ones. */
export interface Keyring {
  readonly current: KeyGeneration;
  get(version: number): KeyGeneration | undefined;
  readonly versions: readonly number[];
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const encoder = new TextEncoder();

/**
 * Parses a key spec: either one base64 key (version 1) or `version:base64` entries separated by
 * commas, the first being current, e.g. `2:<new key>,1:<old key>` while rotating.
 */
export function parseKeySpec(spec: string, source: string): Map<number, Uint8Array<ArrayBuffer>> {
  const entries = spec.trim().split(',').map((entry) => entry.trim());
  const keys = new Map<number, Uint8Array<ArrayBuffer>>();
  for (const entry of entries) {
    const colon = entry.indexOf(':');
    const versionText = colon === -1 ? (entries.length === 1 ? '1' : '') : entry.slice(0, colon);
    const base64 = colon === -1 ? entry : entry.slice(colon + 1);
    if (!/^\d{1,3}$/.test(versionText)) {
      throw new MasterKeyMalformedError(source, 'with several keys each needs a `version:` prefix (1-255)');
    }
    const version = Number(versionText);
    if (version < 1 || version > 255) throw new MasterKeyMalformedError(source, `key version ${version} is outside 1-255`);
    if (keys.has(version)) throw new MasterKeyMalformedError(source, `key version ${version} appears twice`);
    if (!BASE64.test(base64) || base64.length % 4 !== 0) {
      throw new MasterKeyMalformedError(source, `key version ${version} is not standard base64`);
    }
    const bytes = Uint8Array.from(Buffer.from(base64, 'base64'));
    if (bytes.length !== 32) {
      throw new MasterKeyMalformedError(source, `key version ${version} decodes to ${bytes.length} bytes, need 32`);
    }
    keys.set(version, bytes);
  }
  return keys;
}

async function deriveGeneration(version: number, master: Uint8Array<ArrayBuffer>): Promise<KeyGeneration> {
  const base = await crypto.subtle.importKey('raw', master, 'HKDF', false, ['deriveKey']);
  const hkdf = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(info) });
  const sealKey = await crypto.subtle.deriveKey(
    hkdf('whalecopy/store/seal/aes-256-gcm'), base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const hashKey = await crypto.subtle.deriveKey(
    hkdf('whalecopy/store/secret-hash/hmac-sha256'), base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign', 'verify']);
  return { version, sealKey, hashKey };
}

/** Builds a keyring from a key spec (see parseKeySpec). */
export async function keyringFromSpec(spec: string, source = 'key spec'): Promise<Keyring> {
  const parsed = parseKeySpec(spec, source);
  const generations = new Map<number, KeyGeneration>();
  for (const [version, bytes] of parsed) {
    generations.set(version, await deriveGeneration(version, bytes));
    bytes.fill(0);
  }
  const current = generations.values().next().value;
  if (current === undefined) throw new MasterKeyMalformedError(source, 'no key');
  return { current, get: (version) => generations.get(version), versions: [...generations.keys()] };
}

/**
 * Loads the keyring from the environment: ENGINE_MASTER_KEY (the spec itself) or
 * ENGINE_MASTER_KEY_FILE (a path to a file holding the spec). Setting both, or neither, is an error.
 */
export async function loadKeyring(env: Readonly<Record<string, string | undefined>>): Promise<Keyring> {
  const inline = env[MASTER_KEY_ENV]?.trim();
  const file = env[MASTER_KEY_FILE_ENV]?.trim();
  if (inline && file) {
    throw new MasterKeyMalformedError(`${MASTER_KEY_ENV} and ${MASTER_KEY_FILE_ENV}`, 'set only one of them');
  }
  if (inline) return keyringFromSpec(inline, MASTER_KEY_ENV);
  if (!file) throw new MasterKeyMissingError('neither variable is set');
  let contents: string;
  try {
    contents = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new MasterKeyMissingError(`${MASTER_KEY_FILE_ENV}=${file} cannot be read`, { cause });
  }
  return keyringFromSpec(contents, `${MASTER_KEY_FILE_ENV}=${file}`);
}

/** A fresh random key spec for one version (what an operator puts in ENGINE_MASTER_KEY). */
export function generateKeySpec(version = 1): string {
  const key = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64');
  return version === 1 ? key : `${version}:${key}`;
}
