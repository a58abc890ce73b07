// Venue credentials of simulated accounts: Binance API key + secret, Hyperliquid address + private key.
// Lookup from a request's key/address to the core account id; no signing or verification here.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { SimVenue } from './markets';

export interface BinanceCredentials {
  venue: 'binanceusdm';
  id: string;
  apiKey: string;
  secret: string;
}

export interface HyperliquidCredentials {
  venue: 'hyperliquid';
  id: string;
  address: string;
  privateKey: string;
}

export type Credentials = BinanceCredentials | HyperliquidCredentials;

const randomHex = (bytes: number) => bytesToHex(crypto.getRandomValues(new Uint8Array(bytes)));

/** Ethereum address of a secp256k1 private key: last 20 bytes of keccak256(uncompressed pubkey). */
export function addressOf(privateKeyHex: string): string {
  const pub = secp256k1.getPublicKey(hexToBytes(privateKeyHex), false);
  return '0x' + bytesToHex(keccak_256(pub.subarray(1)).subarray(12));
}

export function hexToBytes(hex: string): Uint8Array {
  const h = hex.startsWith('0x') ? hex.slice(2) : hex;
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(h.substr(i * 2, 2), 16);
  return out;
}

export class CredentialRegistry {
  private readonly byApiKey = new Map<string, BinanceCredentials>();
  private readonly byAddress = new Map<string, HyperliquidCredentials>();
  private readonly byId = new Map<string, Credentials>();

  issue(venue: SimVenue, id: string): Credentials {
    let c: Credentials;
    if (venue === 'binanceusdm') {
      c = { venue, id, apiKey: randomHex(32), secret: randomHex(32) };
      this.byApiKey.set(c.apiKey, c);
    } else {
      const privateKey = '0x' + bytesToHex(secp256k1.utils.randomSecretKey());
      c = { venue, id, address: addressOf(privateKey), privateKey };
      this.byAddress.set(c.address.toLowerCase(), c);
    }
    this.byId.set(id, c);
    return c;
  }

  binance(apiKey: string): BinanceCredentials | undefined {
    return this.byApiKey.get(apiKey);
  }

  hyperliquid(address: string): HyperliquidCredentials | undefined {
    return this.byAddress.get(address.toLowerCase());
  }

  of(id: string): Credentials | undefined {
    return this.byId.get(id);
  }

  clear(): void {
    this.byApiKey.clear();
    this.byAddress.clear();
    this.byId.clear();
  }
}
