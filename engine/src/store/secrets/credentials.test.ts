// Tests that credentials never leak through JSON, strings, inspect, spreads or keys, and that the
// byte encoding used for sealing round-trips.
import { describe, expect, test } from 'bun:test';
import { inspect } from 'node:util';
import { CredentialsVenueMismatchError } from '../errors';
import { ApiKeyCredentials, assertCredentialsFit, decodeCredentials, encodeCredentials, WalletCredentials } from './credentials';
import { generateToken, hashSecret, hashToken, verifySecret } from './secret-hash';
import { generateKeySpec, keyringFromSpec } from './keyring';

const API = new ApiKeyCredentials({ apiKey: 'AKEY-visible-1234', secret: 'SECRET-zzz-987' });
const WALLET = new WalletCredentials({ address: '0xabc0000000000000000000000000000000000001', privateKey: '0xPRIVATE-deadbeef' });
const secretsOf = ['AKEY-visible-1234', 'SECRET-zzz-987', '0xPRIVATE-deadbeef'];

describe('redaction', () => {
  const renderings: Array<[string, (c: ApiKeyCredentials | WalletCredentials) => string]> = [
    ['JSON.stringify', (c) => JSON.stringify(c)],
    ['JSON.stringify nested', (c) => JSON.stringify({ follower: { credentials: c } })],
    ['String()', (c) => String(c)],
    ['template literal', (c) => `${c}`],
    ['node:util inspect', (c) => inspect(c)],
    ['Bun.inspect', (c) => Bun.inspect(c)],
    ['Bun.inspect nested', (c) => Bun.inspect({ list: [c] })],
    ['spread then JSON', (c) => JSON.stringify({ ...c })],
    ['Object.values', (c) => Object.values(c).join(',')],
    ['Object.entries', (c) => JSON.stringify(Object.entries(c))],
  ];
  for (const credentials of [API, WALLET]) {
    test.each(renderings)(`${credentials.kind}: %s shows no secret`, (_name, render) => {
      const shown = render(credentials);
      for (const secret of secretsOf) expect(shown).not.toContain(secret);
    });
  }

  test('explicit getters still give the values to the code that needs them', () => {
    expect(API.apiKey).toBe('AKEY-visible-1234');
    expect(API.secret).toBe('SECRET-zzz-987');
    expect(WALLET.privateKey).toBe('0xPRIVATE-deadbeef');
    expect(JSON.parse(JSON.stringify(WALLET))).toEqual({ kind: 'wallet', address: WALLET.address, privateKey: '[redacted]' });
  });
});

describe('encoding and venue fit', () => {
  test('encode/decode round trip for both kinds', () => {
    const api = decodeCredentials(encodeCredentials(API));
    expect(api.kind === 'apiKey' && [api.apiKey, api.secret]).toEqual([API.apiKey, API.secret]);
    const wallet = decodeCredentials(encodeCredentials(WALLET));
    expect(wallet.kind === 'wallet' && [wallet.address, wallet.privateKey]).toEqual([WALLET.address, WALLET.privateKey]);
  });

  test.each([
    ['empty apiKey', () => new ApiKeyCredentials({ apiKey: '', secret: 's' })],
    ['missing secret', () => new ApiKeyCredentials({ apiKey: 'k' } as never)],
    ['empty private key', () => new WalletCredentials({ address: '0x1', privateKey: '' })],
    ['unknown kind', () => decodeCredentials(new TextEncoder().encode('{"kind":"oauth"}'))],
  ])('rejects %s', (_name, make) => {
    expect(make).toThrow(TypeError);
  });

  test('venue fit', () => {
    expect(() => assertCredentialsFit('f', 'binanceusdm', API)).not.toThrow();
    expect(() => assertCredentialsFit('f', 'hyperliquid', WALLET)).not.toThrow();
    expect(() => assertCredentialsFit('f', 'hyperliquid', API)).toThrow(CredentialsVenueMismatchError);
    expect(() => assertCredentialsFit('f', 'binanceusdm', WALLET)).toThrow(CredentialsVenueMismatchError);
  });
});

describe('secret hashes and tokens', () => {
  test('keyed hash verifies only the same secret for the same owner', async () => {
    const keyring = await keyringFromSpec(generateKeySpec());
    const stored = await hashSecret(keyring, 'whale:1', 'tv-secret');
    expect(await verifySecret(keyring, 'whale:1', stored, 'tv-secret')).toBe(true);
    expect(await verifySecret(keyring, 'whale:1', stored, 'tv-secreT')).toBe(false);
    expect(await verifySecret(keyring, 'whale:2', stored, 'tv-secret')).toBe(false);
    expect(await verifySecret(keyring, 'whale:1', stored.subarray(0, 10), 'tv-secret')).toBe(false);
    const other = await keyringFromSpec(generateKeySpec());
    expect(await verifySecret(other, 'whale:1', stored, 'tv-secret')).toBe(false);
  });

  test('tokens are random and hashed deterministically', () => {
    const token = generateToken();
    expect(token).not.toBe(generateToken());
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
