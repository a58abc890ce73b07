// Checks a follower's venue key before it is saved: connectivity and balance through ccxt against the
// configured venue URL, and for Hyperliquid that the private key signs for the address. Never logs keys.
import ccxt from 'ccxt';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import type { Venue } from '../../model';
import { createClient, prepareClient, type ProClient } from '../../venues';

export type KeyCheckCredentials = { apiKey: string; secret: string } | { address: string; privateKey: string };

export interface KeyCheckBalance {
  currency: string;
  total: number;
  free: number;
}

export type KeyCheckResult = { ok: true; balance: KeyCheckBalance } | { ok: false; error: string };

export type CheckKey = (venue: Venue, credentials: KeyCheckCredentials) => Promise<KeyCheckResult>;

/** The quote currency a follower's margin is held in, per venue. */
export const MARGIN_CURRENCY: Record<Venue, string> = { binanceusdm: 'USDT', hyperliquid: 'USDC' };

/** Lower-case 0x address of a secp256k1 private key (0x + 64 hex), or undefined when it is not a valid key. */
export function addressOfPrivateKey(privateKey: string): string | undefined {
  try {
    const publicKey = secp256k1.getPublicKey(hexToBytes(privateKey.replace(/^0x/, '')), false);
    return `0x${bytesToHex(keccak_256(publicKey.subarray(1)).subarray(-20))}`;
  } catch {
    return undefined;
  }
}

/** A client-safe sentence for a ccxt failure: the error class, never the request (it may carry a signature). */
export function describeVenueError(error: unknown): string {
  // Most specific first: AccountNotEnabled extends PermissionDenied, which extends AuthenticationError.
  if (error instanceof ccxt.AccountNotEnabled) return 'the account is not enabled for futures trading';
  if (error instanceof ccxt.PermissionDenied) return 'the key lacks the permission to read the account';
  if (error instanceof ccxt.AuthenticationError) return 'the venue rejected the key (authentication failed)';
  if (error instanceof ccxt.RequestTimeout) return 'the venue did not answer in time';
  if (error instanceof ccxt.NetworkError) return 'the venue could not be reached';
  if (error instanceof ccxt.ExchangeError) return `the venue refused the request (${error.constructor.name})`;
  return 'the key check failed unexpectedly';
}

function balanceOf(venue: Venue, raw: Record<string, unknown>): KeyCheckBalance {
  const currency = MARGIN_CURRENCY[venue];
  const entry = (raw[currency] ?? {}) as { total?: number; free?: number };
  return { currency, total: Number(entry.total ?? 0), free: Number(entry.free ?? 0) };
}

/**
 * Proves a Hyperliquid private key may act for the address: the address's own key is proven locally;
 * any other key must be an API wallet of that address, as the venue's `userRole` query tells.
 * Returns the refusal, or undefined when the key may act.
 */
async function proveHyperliquidSigner(ex: ProClient, address: string, privateKey: string): Promise<string | undefined> {
  const signer = addressOfPrivateKey(privateKey);
  if (signer === undefined) return 'the private key is not a valid secp256k1 key';
  const owner = address.toLowerCase();
  if (signer === owner) return undefined;
  try {
    const role = await (ex as unknown as { publicPostInfo(body: object): Promise<{ role?: string; data?: { user?: string } }> })
      .publicPostInfo({ type: 'userRole', user: signer });
    if (role.role === 'agent' && role.data?.user?.toLowerCase() === owner) return undefined;
  } catch {
    // A venue that cannot say whose agent the key is: the key is refused below.
  }
  return 'the private key is neither the address\'s own key nor an API wallet of it';
}

/** A CheckKey talking to the venues at these base URLs (unset: the real venue). */
export function createKeyChecker(venues: { binanceusdm?: string; hyperliquid?: string } = {}, timeoutMs = 10_000): CheckKey {
  return async (venue, credentials) => {
    const wallet = 'address' in credentials;
    if (wallet !== (venue === 'hyperliquid')) {
      return { ok: false, error: venue === 'hyperliquid' ? 'hyperliquid takes an address and a private key' : 'binanceusdm takes an API key and a secret' };
    }
    const ex = createClient(venue, {
      baseUrl: venues[venue],
      credentials: wallet ? { walletAddress: credentials.address.toLowerCase(), privateKey: credentials.privateKey } : { apiKey: credentials.apiKey, secret: credentials.secret },
      enableRateLimit: false,
      timeoutMs,
    });
    try {
      await prepareClient(ex);
      if (wallet) {
        const refused = await proveHyperliquidSigner(ex, credentials.address, credentials.privateKey);
        if (refused !== undefined) return { ok: false, error: refused };
      }
      const raw = await ex.fetchBalance() as unknown as Record<string, unknown>;
      return { ok: true, balance: balanceOf(venue, raw) };
    } catch (error) {
      return { ok: false, error: describeVenueError(error) };
    } finally {
      await ex.close().catch(() => undefined);
    }
  };
}
