// Venue credentials as objects that cannot leak by accident: secrets live in private fields, and
// JSON, string and inspect forms are redacted. Encoding to bytes exists only for sealing.
import { CredentialsVenueMismatchError } from '../errors';
import type { Venue } from '../types';

const REDACTED = '[redacted]';
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** API key + secret (binanceusdm follower, or a read-only Binance lead account). */
export class ApiKeyCredentials {
  readonly kind = 'apiKey' as const;
  readonly #apiKey: string;
  readonly #secret: string;
  constructor(values: { apiKey: string; secret: string }) {
    this.#apiKey = requireText(values.apiKey, 'apiKey');
    this.#secret = requireText(values.secret, 'secret');
  }
  get apiKey(): string { return this.#apiKey; }
  get secret(): string { return this.#secret; }
  toJSON(): Record<string, string> { return { kind: this.kind, apiKey: REDACTED, secret: REDACTED }; }
  toString(): string { return `ApiKeyCredentials(${REDACTED})`; }
  [inspectSymbol](): string { return this.toString(); }
}

/** Wallet address + private key (hyperliquid: the account address and its API-wallet key). */
export class WalletCredentials {
  readonly kind = 'wallet' as const;
  readonly address: string;
  readonly #privateKey: string;
  constructor(values: { address: string; privateKey: string }) {
    this.address = requireText(values.address, 'address');
    this.#privateKey = requireText(values.privateKey, 'privateKey');
  }
  get privateKey(): string { return this.#privateKey; }
  toJSON(): Record<string, string> { return { kind: this.kind, address: this.address, privateKey: REDACTED }; }
  toString(): string { return `WalletCredentials(${this.address}, ${REDACTED})`; }
  [inspectSymbol](): string { return this.toString(); }
}

export type VenueCredentials = ApiKeyCredentials | WalletCredentials;

function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new TypeError(`credentials.${field} must be a non-empty string`);
  return value;
}

/** The credentials kind a venue takes. */
export function credentialsKindFor(venue: Venue): VenueCredentials['kind'] {
  return venue === 'hyperliquid' ? 'wallet' : 'apiKey';
}

export function assertCredentialsFit(ownerId: string, venue: Venue, credentials: VenueCredentials): void {
  if (credentials.kind !== credentialsKindFor(venue)) {
    throw new CredentialsVenueMismatchError(ownerId, venue, credentials.kind);
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Plaintext bytes to seal; the caller zeroes them after sealing. */
export function encodeCredentials(credentials: VenueCredentials): Uint8Array<ArrayBuffer> {
  const plain = credentials.kind === 'apiKey'
    ? { kind: 'apiKey', apiKey: credentials.apiKey, secret: credentials.secret }
    : { kind: 'wallet', address: credentials.address, privateKey: credentials.privateKey };
  return encoder.encode(JSON.stringify(plain));
}

export function decodeCredentials(bytes: Uint8Array): VenueCredentials {
  const plain = JSON.parse(decoder.decode(bytes)) as Record<string, unknown>;
  if (plain.kind === 'apiKey') return new ApiKeyCredentials(plain as { apiKey: string; secret: string });
  if (plain.kind === 'wallet') return new WalletCredentials(plain as { address: string; privateKey: string });
  throw new TypeError('sealed credentials have an unknown kind');
}
