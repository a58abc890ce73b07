// Tests of AES-256-GCM sealing: round trip, additional data binding, wrong/unknown keys, tampering.
import { describe, expect, test } from 'bun:test';
import { SecretDecryptError, UnknownKeyVersionError } from '../errors';
import { open, seal, sealedKeyVersion } from './cipher';
import { generateKeySpec, keyringFromSpec } from './keyring';

const specA = generateKeySpec();
const keyringA = await keyringFromSpec(specA);
const keyringB = await keyringFromSpec(generateKeySpec());
const plain = () => new TextEncoder().encode('{"apiKey":"k","secret":"s3cr3t"}');
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('seal/open', () => {
  test('round trip, with version byte and a fresh IV each time', async () => {
    const one = await seal(keyringA, plain(), 'f-1', 'binanceusdm');
    const two = await seal(keyringA, plain(), 'f-1', 'binanceusdm');
    expect(sealedKeyVersion(one)).toBe(1);
    expect(one.length).toBe(1 + 12 + plain().length + 16);
    expect(Buffer.from(one.subarray(1, 13)).equals(Buffer.from(two.subarray(1, 13)))).toBe(false);
    expect(text(await open(keyringA, one, 'f-1', 'binanceusdm'))).toBe(text(plain()));
  });

  test.each([
    ['another follower', 'f-2', 'binanceusdm'],
    ['another venue', 'f-1', 'hyperliquid'],
    ['owner/venue split differently', 'f-1|binance', 'usdm'],
  ])('wrong additional data fails: %s', async (_name, owner, venue) => {
    const sealed = await seal(keyringA, plain(), 'f-1', 'binanceusdm');
    await expect(open(keyringA, sealed, owner, venue)).rejects.toBeInstanceOf(SecretDecryptError);
  });

  test('wrong key fails', async () => {
    const sealed = await seal(keyringA, plain(), 'f-1', 'binanceusdm');
    const error = await open(keyringB, sealed, 'f-1', 'binanceusdm').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretDecryptError);
    expect((error as SecretDecryptError).code).toBe('SECRET_DECRYPT_FAILED');
    expect((error as Error).message).not.toContain('s3cr3t');
  });

  test('any flipped byte fails; a truncated envelope fails', async () => {
    const sealed = await seal(keyringA, plain(), 'f-1', 'binanceusdm');
    for (const index of [1, 12, 13, sealed.length - 1]) {
      const tampered = sealed.slice();
      tampered[index]! ^= 0x01;
      await expect(open(keyringA, tampered, 'f-1', 'binanceusdm')).rejects.toBeInstanceOf(SecretDecryptError);
    }
    await expect(open(keyringA, sealed.subarray(0, 20), 'f-1', 'binanceusdm')).rejects.toBeInstanceOf(SecretDecryptError);
    await expect(open(keyringA, new Uint8Array(0), 'f-1', 'binanceusdm')).rejects.toBeInstanceOf(SecretDecryptError);
  });

  test('unknown key version is its own error; rotation keeps old envelopes readable', async () => {
    const sealed = await seal(keyringA, plain(), 'f-1', 'binanceusdm');
    const onlyV2 = await keyringFromSpec(generateKeySpec(2));
    await expect(open(onlyV2, sealed, 'f-1', 'binanceusdm')).rejects.toBeInstanceOf(UnknownKeyVersionError);
    const rotating = await keyringFromSpec(`${generateKeySpec(2)},1:${specA}`);
    expect(text(await open(rotating, sealed, 'f-1', 'binanceusdm'))).toBe(text(plain()));
    expect(sealedKeyVersion(await seal(rotating, plain(), 'f-1', 'binanceusdm'))).toBe(2);
  });
});
