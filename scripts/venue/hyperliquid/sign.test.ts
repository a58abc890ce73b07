// Signature pieces checked against ccxt's own actionHash / typed-data encoder / signer, plus recovery timing.
import { describe, expect, test } from 'bun:test';
import ccxt from 'ccxt';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { addressOf } from '../core';
import { actionConnectionId, agentDigest, recoverSigner, userSignedDigest } from './sign';

const KEY = '0x' + '4f'.repeat(32);
const OTHER_KEY = '0x' + '5a'.repeat(32);
const signerClient = (privateKey: string) => new ccxt.hyperliquid({ walletAddress: addressOf(privateKey), privateKey });
const NONCE = 1_763_000_000_123;

const ACTIONS: [string, Record<string, unknown>][] = [
  ['market order with builder and cloid', {
    type: 'order', grouping: 'na', builder: { b: '0x6530512a6c89c7cfcebc3ba7fcd9ada5f30827a6', f: 10 },
    orders: [{ a: 0, b: true, p: '63000', s: '0.01', r: false, t: { limit: { tif: 'Ioc' } }, c: '0x' + 'ab'.repeat(16) }],
  }],
  ['reduce-only sell', { type: 'order', orders: [{ a: 2, b: false, p: '142.5', s: '3.1', r: true, t: { limit: { tif: 'Gtc' } } }], grouping: 'na' }],
  ['cancel with a large oid', { type: 'cancel', cancels: [{ a: 1, o: 98_765_432_101 }] }],
  ['updateLeverage', { type: 'updateLeverage', asset: 0, isCross: true, leverage: 7 }],
];

describe('actionConnectionId', () => {
  const ex = signerClient(KEY);
  test.each(ACTIONS)('%s matches ccxt actionHash', (_name, action) => {
    expect(bytesToHex(actionConnectionId(action, NONCE))).toBe(bytesToHex(ex.actionHash(action, undefined, NONCE)));
  });

  test('vault address and expiresAfter enter the hash as ccxt puts them', () => {
    const [, action] = ACTIONS[0]!;
    const vault = '1234567890abcdef1234567890abcdef12345678';
    expect(bytesToHex(actionConnectionId(action, NONCE, vault))).toBe(bytesToHex(ex.actionHash(action, vault, NONCE)));
    expect(bytesToHex(actionConnectionId(action, NONCE, undefined, NONCE + 5000))).toBe(bytesToHex(ex.actionHash(action, undefined, NONCE, NONCE + 5000)));
    expect(bytesToHex(actionConnectionId(action, NONCE, vault))).not.toBe(bytesToHex(actionConnectionId(action, NONCE)));
  });
});

describe('agentDigest', () => {
  const ex = signerClient(KEY);
  test.each(['a', 'b'] as const)('source %s equals keccak of ccxt typed-data encoding', (source) => {
    const cid = actionConnectionId(ACTIONS[0]![1], NONCE);
    const encoded = ex.ethEncodeStructuredData(
      { chainId: 1337, name: 'Exchange', verifyingContract: '0x0000000000000000000000000000000000000000', version: '1' },
      { Agent: [{ name: 'source', type: 'string' }, { name: 'connectionId', type: 'bytes32' }] },
      { source, connectionId: cid },
    );
    expect(bytesToHex(agentDigest(cid, source))).toBe(bytesToHex(keccak_256(encoded)));
  });
});

describe('recoverSigner', () => {
  const ex = signerClient(KEY);
  const digestOf = (action: unknown, nonce = NONCE) => agentDigest(actionConnectionId(action, nonce), 'a');

  test.each(ACTIONS)('recovers the ccxt signer of %s', (_name, action) => {
    const sig = ex.signL1Action(action, NONCE) as { r: string; s: string; v: number };
    expect(recoverSigner(digestOf(action), sig)).toBe(addressOf(KEY));
  });

  test('a tampered action, another nonce or another key give another address', () => {
    const [, action] = ACTIONS[0]!;
    const sig = ex.signL1Action(action, NONCE) as { r: string; s: string; v: number };
    const tampered = JSON.parse(JSON.stringify(action));
    tampered.orders[0].s = '0.02';
    expect(recoverSigner(digestOf(tampered), sig)).not.toBe(addressOf(KEY));
    expect(recoverSigner(digestOf(action, NONCE + 1), sig)).not.toBe(addressOf(KEY));
    const other = signerClient(OTHER_KEY).signL1Action(action, NONCE) as { r: string; s: string; v: number };
    expect(recoverSigner(digestOf(action), other)).toBe(addressOf(OTHER_KEY));
  });

  test.each([
    ['v out of range', { v: 29 }],
    ['r not hex', { r: '0xzz' }],
    ['s too long', { s: '0x' + '1'.repeat(65) }],
    ['r zero', { r: '0x0' }],
  ])('malformed signature (%s) recovers nothing', (_name, patch) => {
    const sig = { ...(ex.signL1Action(ACTIONS[0]![1], NONCE) as { r: string; s: string; v: number }), ...patch };
    expect(recoverSigner(digestOf(ACTIONS[0]![1]), sig)).toBeUndefined();
  });

  test('user-signed approveBuilderFee recovers through the HyperliquidSignTransaction domain', () => {
    const message = { hyperliquidChain: 'Mainnet', maxFeeRate: '0.01%', builder: '0x6530512a6c89c7cfcebc3ba7fcd9ada5f30827a6', nonce: NONCE };
    const sig = ex.buildApproveBuilderFeeSig(message) as { r: string; s: string; v: number };
    const fields = [
      { name: 'hyperliquidChain', type: 'string' }, { name: 'maxFeeRate', type: 'string' },
      { name: 'builder', type: 'address' }, { name: 'nonce', type: 'uint64' },
    ];
    expect(recoverSigner(userSignedDigest(421614, 'HyperliquidTransaction:ApproveBuilderFee', fields, message), sig)).toBe(addressOf(KEY));
  });

  test('one recovery (hash + secp256k1 recover) stays well under 5 ms', () => {
    const [, action] = ACTIONS[0]!;
    const sig = ex.signL1Action(action, NONCE) as { r: string; s: string; v: number };
    for (let i = 0; i < 20; i++) recoverSigner(digestOf(action), sig);
    const n = 300;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) expect(recoverSigner(digestOf(action), sig)).toBe(addressOf(KEY));
    const perRecoveryMs = (performance.now() - t0) / n;
    console.log(`signature recovery: ${perRecoveryMs.toFixed(3)} ms each (msgpack + keccak + EIP-712 + secp256k1 recover)`);
    expect(perRecoveryMs).toBeLessThan(5);
  });
});
