// Tests of master key parsing and loading: the env/file sources, rotation specs, typed errors.
import { describe, expect, test } from 'bun:test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MasterKeyMalformedError, MasterKeyMissingError } from '../errors';
import { generateKeySpec, keyringFromSpec, loadKeyring, parseKeySpec } from './keyring';

const KEY_A = Buffer.alloc(32, 1).toString('base64');
const KEY_B = Buffer.alloc(32, 2).toString('base64');

describe('parseKeySpec', () => {
  test.each([
    ['single key is version 1', KEY_A, [1]],
    ['single key with surrounding whitespace/newline', `  ${KEY_A}\n`, [1]],
    ['explicit version', `7:${KEY_A}`, [7]],
    ['rotation list, first is current', `2:${KEY_B}, 1:${KEY_A}`, [2, 1]],
  ])('%s', (_name, spec, versions) => {
    expect([...parseKeySpec(spec, 'test').keys()]).toEqual(versions);
  });

  test.each([
    ['empty', ''],
    ['hex instead of base64', 'ab'.repeat(32)],
    ['31 bytes', Buffer.alloc(31, 1).toString('base64')],
    ['33 bytes', Buffer.alloc(33, 1).toString('base64')],
    ['base64url alphabet', Buffer.alloc(32, 0xfb).toString('base64url')],
    ['unpadded', KEY_A.replace(/=+$/, '')],
    ['version 0', `0:${KEY_A}`],
    ['version 256', `256:${KEY_A}`],
    ['duplicate version', `1:${KEY_A},1:${KEY_B}`],
    ['several keys without versions', `${KEY_A},${KEY_B}`],
  ])('rejects %s', (_name, spec) => {
    expect(() => parseKeySpec(spec, 'test')).toThrow(MasterKeyMalformedError);
  });

  test('error names the source and never echoes the key', () => {
    const bad = `${KEY_A.slice(0, 20)}`;
    try {
      parseKeySpec(bad, 'ENGINE_MASTER_KEY');
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(MasterKeyMalformedError);
      expect((error as MasterKeyMalformedError).code).toBe('MASTER_KEY_MALFORMED');
      expect((error as Error).message).toContain('ENGINE_MASTER_KEY');
      expect((error as Error).message).not.toContain(bad);
    }
  });
});

describe('loadKeyring', () => {
  test('missing: neither variable set', async () => {
    const error = await loadKeyring({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MasterKeyMissingError);
    expect((error as MasterKeyMissingError).code).toBe('MASTER_KEY_MISSING');
    expect(await loadKeyring({ ENGINE_MASTER_KEY: '   ' }).catch((e: unknown) => e)).toBeInstanceOf(MasterKeyMissingError);
  });

  test('malformed: both set, or a bad value', async () => {
    expect(await loadKeyring({ ENGINE_MASTER_KEY: KEY_A, ENGINE_MASTER_KEY_FILE: '/x' }).catch((e: unknown) => e)).toBeInstanceOf(MasterKeyMalformedError);
    expect(await loadKeyring({ ENGINE_MASTER_KEY: 'not-a-key' }).catch((e: unknown) => e)).toBeInstanceOf(MasterKeyMalformedError);
  });

  test('from the env variable', async () => {
    const keyring = await loadKeyring({ ENGINE_MASTER_KEY: `3:${KEY_A},1:${KEY_B}` });
    expect(keyring.current.version).toBe(3);
    expect(keyring.versions).toEqual([3, 1]);
    expect(keyring.get(1)?.version).toBe(1);
    expect(keyring.get(2)).toBeUndefined();
  });

  test('from a key file; an unreadable file is a missing key with its cause', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wc-key-'));
    const path = join(dir, 'master.key');
    writeFileSync(path, `${generateKeySpec()}\n`, { mode: 0o600 });
    expect((await loadKeyring({ ENGINE_MASTER_KEY_FILE: path })).current.version).toBe(1);
    const error = await loadKeyring({ ENGINE_MASTER_KEY_FILE: join(dir, 'nope.key') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MasterKeyMissingError);
    expect((error as Error).cause).toBeDefined();
  });

  test('generated specs parse back', async () => {
    expect((await keyringFromSpec(generateKeySpec(5))).current.version).toBe(5);
    expect(generateKeySpec()).not.toBe(generateKeySpec());
  });
});
