// Hyperliquid signature checks: the L1 action hash (msgpack via ccxt's own encoder, so the bytes are those
// ccxt signed), the EIP-712 Agent digest, user-signed digests, and secp256k1 signer recovery. No venue state.
import ccxt from 'ccxt';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

export interface WireSignature {
  r: string;
  s: string;
  v: number;
}

/** ccxt's encoder: its byte layout (narrowest ints, float64, undefined dropped) is what the client hashed. */
const ccxtHelper = new ccxt.hyperliquid();
const packb = (value: unknown): Uint8Array => ccxtHelper.packb(value) as Uint8Array;

const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

/** keccak256(msgpack(action) || nonce u64 BE || 0x00 | 0x01 vault[20] || [0x00 expiresAfter u64 BE]). */
export function actionConnectionId(action: unknown, nonce: number, vaultAddress?: string, expiresAfter?: number): Uint8Array {
  const packed = packb(action);
  const vault = vaultAddress ? hexToBytes(strip0x(vaultAddress)) : undefined;
  const size = packed.length + 9 + (vault ? vault.length : 0) + (expiresAfter !== undefined ? 9 : 0);
  const buf = new Uint8Array(size);
  const view = new DataView(buf.buffer);
  buf.set(packed, 0);
  let at = packed.length;
  view.setBigUint64(at, BigInt(nonce));
  at += 8;
  if (vault) {
    buf[at++] = 1;
    buf.set(vault, at);
    at += vault.length;
  } else {
    buf[at++] = 0;
  }
  if (expiresAfter !== undefined) {
    buf[at++] = 0;
    view.setBigUint64(at, BigInt(expiresAfter));
  }
  return keccak_256(buf);
}

const keccakText = (s: string) => keccak_256(utf8ToBytes(s));

function uint256(n: number): Uint8Array {
  const out = new Uint8Array(32);
  new DataView(out.buffer).setBigUint64(24, BigInt(n));
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** EIP-712 domain {name:'Exchange', version:'1', chainId:1337, verifyingContract:0x0}; constant, hashed once. */
const EXCHANGE_DOMAIN_SEPARATOR = keccak_256(concat(
  keccakText('EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)'),
  keccakText('Exchange'),
  keccakText('1'),
  uint256(1337),
  new Uint8Array(32),
));
const AGENT_TYPEHASH = keccakText('Agent(string source,bytes32 connectionId)');

/** Digest the wallet signed for an L1 action: source 'a' on mainnet, 'b' on testnet. */
export function agentDigest(connectionId: Uint8Array, source: 'a' | 'b' = 'a'): Uint8Array {
  const struct = keccak_256(concat(AGENT_TYPEHASH, keccakText(source), connectionId));
  return keccak_256(concat(new Uint8Array([0x19, 0x01]), EXCHANGE_DOMAIN_SEPARATOR, struct));
}

export type TypedField = { name: string; type: string };

/** Digest of a user-signed action (domain 'HyperliquidSignTransaction'); ccxt's typed-data encoder does the work. */
export function userSignedDigest(chainId: number, primaryType: string, fields: TypedField[], message: Record<string, unknown>): Uint8Array {
  const domain = { chainId, name: 'HyperliquidSignTransaction', verifyingContract: ZERO_ADDRESS, version: '1' };
  return keccak_256(ccxtHelper.ethEncodeStructuredData(domain, { [primaryType]: fields }, message));
}

const HEX_WORD = /^(0x)?[0-9a-fA-F]{1,64}$/;

/** Lower-case 0x address of the key that produced `sig` over `digest`; undefined for a malformed signature. */
export function recoverSigner(digest: Uint8Array, sig: WireSignature): string | undefined {
  if (!HEX_WORD.test(sig.r) || !HEX_WORD.test(sig.s) || (sig.v !== 27 && sig.v !== 28)) return undefined;
  try {
    const compact = hexToBytes(strip0x(sig.r).padStart(64, '0') + strip0x(sig.s).padStart(64, '0'));
    const pub = secp256k1.Signature.fromBytes(compact, 'compact').addRecoveryBit(sig.v - 27).recoverPublicKey(digest).toBytes(false);
    return '0x' + bytesToHex(keccak_256(pub.subarray(1)).subarray(12));
  } catch {
    return undefined;
  }
}

export function strip0x(hex: string): string {
  return hex.startsWith('0x') || hex.startsWith('0X') ? hex.slice(2) : hex;
}
