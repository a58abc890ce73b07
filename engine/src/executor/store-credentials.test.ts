// The store adapter on a real (in-memory PGlite) store: sealed follower credentials back as plain values.
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from 'bun:test';
import { ApiKeyCredentials, IN_MEMORY, WalletCredentials, generateKeySpec, keyringFromSpec, openStore, type Store } from '../store';
import { MissingCredentialsError } from './errors';
import { storeCredentials } from './store-credentials';

setDefaultTimeout(30_000); // real services: simulator, ccxt, Redis, PGlite

let store: Store;
beforeAll(async () => {
  store = await openStore({ dataDir: IN_MEMORY, keyring: await keyringFromSpec(generateKeySpec()) });
});
afterAll(() => store.close());

test('binance and hyperliquid followers come back as venue-tagged plain credentials', async () => {
  const b = await store.followers.create({ name: 'b', venue: 'binanceusdm', credentials: new ApiKeyCredentials({ apiKey: 'key-1', secret: 'sec-1' }) });
  const h = await store.followers.create({
    name: 'h', venue: 'hyperliquid', credentials: new WalletCredentials({ address: '0xabc', privateKey: '0x' + '1'.repeat(64) }),
  });
  const lookup = storeCredentials(store.followers);
  expect(await lookup(b.id)).toEqual({ venue: 'binanceusdm', apiKey: 'key-1', secret: 'sec-1' });
  expect(await lookup(h.id)).toEqual({ venue: 'hyperliquid', address: '0xabc', privateKey: '0x' + '1'.repeat(64) });
});

test('an unknown follower is MissingCredentialsError', async () => {
  await expect(storeCredentials(store.followers)('00000000-0000-0000-0000-000000000000')).rejects.toBeInstanceOf(MissingCredentialsError);
});
