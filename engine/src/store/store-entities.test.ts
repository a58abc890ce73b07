// Repository tests for whales, followers, follows, tokens, operators, audit and webhooks, run on
// PGlite and on real PostgreSQL; also checks that migrations apply and secrets stay sealed.
import { expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_FOLDER } from './db/connect';
import {
  CredentialsVenueMismatchError, FollowExistsError, MasterKeyMissingError, SecretDecryptError, StoreNotFoundError,
  StoreValidationError,
} from './errors';
import { assembleStore } from './open-store';
import { ApiKeyCredentials, generateKeySpec, keyringFromSpec, WalletCredentials } from './secrets';
import { describeOnDrivers } from './testing/driver-suite';

const uid = (prefix: string) => `${prefix}-${crypto.randomUUID()}`;
const SECRET = 'binance-secret-Zq81vX0';
const PRIVATE_KEY = `0x${'ab'.repeat(32)}`;
const ADDRESS = `0x${'12'.repeat(20)}`;
const apiKey = () => new ApiKeyCredentials({ apiKey: 'api-key-XY12', secret: SECRET });
const wallet = () => new WalletCredentials({ address: ADDRESS, privateKey: PRIVATE_KEY });
const TABLES = ['api_tokens', 'audit_log', 'fills', 'follower_accounts', 'followers', 'follows', 'login_sessions', 'operators', 'orders', 'signals', 'webhook_journal', 'whales'];

describeOnDrivers('store entities', (env) => {
  test('migrations applied: every journal entry recorded, every table present', async () => {
    const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as { entries: unknown[] };
    const [applied] = await env().rows<{ n: number | string }>(sql`select count(*) as n from drizzle.__drizzle_migrations`);
    expect(Number(applied!.n)).toBe(journal.entries.length);
    const tables = await env().rows<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`);
    expect(tables.map((t) => t.table_name)).toEqual(TABLES);
  });

  test('migrating again on a second connection is a no-op', async () => {
    if (env().driver !== 'postgres') return;
    const second = await env().database.connect();
    await second.close();
    const [applied] = await env().rows<{ n: number | string }>(sql`select count(*) as n from drizzle.__drizzle_migrations`);
    const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as { entries: unknown[] };
    expect(Number(applied!.n)).toBe(journal.entries.length);
  });

  test('whales: create, read, update, state, delete', async () => {
    const { whales } = env().store;
    const id = uid('whale');
    const created = await whales.create({ id, kind: 'hyperliquid', name: 'HL whale', address: ADDRESS });
    expect(created).toMatchObject({ id, kind: 'hyperliquid', address: ADDRESS, state: 'active', hasCredentials: false, hasSecret: false, tickerMap: null });
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(await whales.get(id)).toEqual(created);
    expect((await whales.list()).map((w) => w.id)).toContain(id);
    expect((await whales.update(id, { name: 'renamed' })).name).toBe('renamed');
    expect((await whales.setState(id, 'reducing')).state).toBe('reducing');
    expect(await whales.delete(id)).toBe(true);
    expect(await whales.get(id)).toBeNull();
    expect(await whales.delete(id)).toBe(false);
    await expect(whales.setState(id, 'halted')).rejects.toBeInstanceOf(StoreNotFoundError);
  });

  test('whales: hyperliquid without address is refused by the database', async () => {
    await expect(env().store.whales.create({ kind: 'hyperliquid', name: 'no address' })).rejects.toThrow();
  });

  test('whales: binance lead credentials are sealed and only credentials(id) opens them', async () => {
    const { whales } = env().store;
    const id = uid('lead');
    const whale = await whales.create({ id, kind: 'binanceusdm', name: 'lead', credentials: apiKey() });
    expect(whale.hasCredentials).toBe(true);
    expect(JSON.stringify(await whales.list())).not.toContain(SECRET);
    const [raw] = await env().rows<{ credentials: Uint8Array }>(sql`select credentials from whales where id = ${id}`);
    expect(Buffer.from(raw!.credentials).toString('latin1')).not.toContain(SECRET);
    const opened = await whales.credentials(id);
    expect(opened?.secret).toBe(SECRET);
    expect(opened?.apiKey).toBe('api-key-XY12');
    await whales.setCredentials(id, null);
    expect(await whales.credentials(id)).toBeNull();
    await expect(whales.create({ kind: 'tradingview', name: 'tv', credentials: apiKey() }))
      .rejects.toBeInstanceOf(CredentialsVenueMismatchError);
  });

  test('whales: TradingView secret is a keyed hash checked in constant time', async () => {
    const { whales } = env().store;
    const id = uid('tv');
    const whale = await whales.create({ id, kind: 'tradingview', name: 'tv', tradingViewSecret: 'tv-secret-1', tickerMap: { 'BTCUSDT.P': 'BTC/USDT:USDT' } });
    expect(whale).toMatchObject({ hasSecret: true, tickerMap: { 'BTCUSDT.P': 'BTC/USDT:USDT' } });
    expect(await whales.verifyTradingViewSecret(id, 'tv-secret-1')).toBe(true);
    expect(await whales.verifyTradingViewSecret(id, 'tv-secret-2')).toBe(false);
    expect(await whales.verifyTradingViewSecret(id, '')).toBe(false);
    expect(await whales.verifyTradingViewSecret(uid('missing'), 'tv-secret-1')).toBe(false);
    const [raw] = await env().rows<{ secret_hash: Uint8Array }>(sql`select secret_hash from whales where id = ${id}`);
    expect(raw!.secret_hash.length).toBe(33);
    expect(raw!.secret_hash[0]).toBe(env().keyring.current.version);
    await whales.setTradingViewSecret(id, 'rotated');
    expect(await whales.verifyTradingViewSecret(id, 'tv-secret-1')).toBe(false);
    expect(await whales.verifyTradingViewSecret(id, 'rotated')).toBe(true);
    const other = await whales.create({ kind: 'binanceusdm', name: 'b' });
    await expect(whales.setTradingViewSecret(other.id, 'x')).rejects.toBeInstanceOf(StoreValidationError);
  });

  test('followers: credentials sealed, never on get/list, opened by credentials(id)', async () => {
    const { followers } = env().store;
    const binance = await followers.create({ id: uid('fb'), name: 'bin', venue: 'binanceusdm', credentials: apiKey() });
    const hyper = await followers.create({ id: uid('fh'), name: 'hl', venue: 'hyperliquid', credentials: wallet() });
    expect(binance).toEqual({ id: binance.id, name: 'bin', venue: 'binanceusdm', address: null, state: 'active', lastError: null, createdAt: binance.createdAt });
    expect(hyper.address).toBe(ADDRESS);
    const listed = JSON.stringify([await followers.list(), await followers.get(binance.id)]);
    expect(listed).not.toContain(SECRET);
    expect(listed).not.toContain(PRIVATE_KEY);
    const openedApi = await followers.credentials(binance.id);
    expect(openedApi.kind === 'apiKey' && openedApi.secret).toBe(SECRET);
    const openedWallet = await followers.credentials(hyper.id);
    expect(openedWallet.kind === 'wallet' && openedWallet.privateKey).toBe(PRIVATE_KEY);
    expect(JSON.stringify(openedWallet)).not.toContain(PRIVATE_KEY);
    expect((await followers.list({ venue: 'hyperliquid' })).map((f) => f.id)).toContain(hyper.id);
    expect((await followers.list({ venue: 'hyperliquid' })).map((f) => f.id)).not.toContain(binance.id);
  });

  test('followers: wrong credentials kind for the venue is refused', async () => {
    await expect(env().store.followers.create({ name: 'x', venue: 'hyperliquid', credentials: apiKey() }))
      .rejects.toBeInstanceOf(CredentialsVenueMismatchError);
    await expect(env().store.followers.create({ name: 'x', venue: 'binanceusdm', credentials: wallet() }))
      .rejects.toBeInstanceOf(CredentialsVenueMismatchError);
  });

  test('followers: ciphertext moved to another follower or venue fails to open', async () => {
    const { followers } = env().store;
    const a = await followers.create({ id: uid('fa'), name: 'a', venue: 'binanceusdm', credentials: apiKey() });
    const b = await followers.create({ id: uid('fb'), name: 'b', venue: 'binanceusdm', credentials: new ApiKeyCredentials({ apiKey: 'k2', secret: 's2' }) });
    await env().rows(sql`update followers set credentials = (select credentials from followers where id = ${a.id}) where id = ${b.id}`);
    await expect(followers.credentials(b.id)).rejects.toBeInstanceOf(SecretDecryptError);
    await env().rows(sql`update followers set venue = 'hyperliquid' where id = ${a.id}`);
    await expect(followers.credentials(a.id)).rejects.toBeInstanceOf(SecretDecryptError);
  });

  test('followers: another master key cannot open; no keyring is a MasterKeyMissingError', async () => {
    const f = await env().store.followers.create({ name: 'k', venue: 'binanceusdm', credentials: apiKey() });
    const otherKey = assembleStore(env().connection, { keyring: await keyringFromSpec(generateKeySpec()) });
    await expect(otherKey.followers.credentials(f.id)).rejects.toBeInstanceOf(SecretDecryptError);
    const noKey = assembleStore(env().connection, {});
    await expect(noKey.followers.credentials(f.id)).rejects.toBeInstanceOf(MasterKeyMissingError);
    await expect(noKey.followers.create({ name: 'n', venue: 'binanceusdm', credentials: apiKey() }))
      .rejects.toBeInstanceOf(MasterKeyMissingError);
    expect((await noKey.followers.get(f.id))?.name).toBe('k');
  });

  test('followers: key rotation re-seals under the new version', async () => {
    const oldSpec = generateKeySpec();
    const oldStore = assembleStore(env().connection, { keyring: await keyringFromSpec(`1:${oldSpec}`) });
    const f = await oldStore.followers.create({ name: 'rot', venue: 'binanceusdm', credentials: apiKey() });
    await env().rows(sql`delete from followers where id <> ${f.id}`);
    const newSpec = generateKeySpec(2);
    const rotating = assembleStore(env().connection, { keyring: await keyringFromSpec(`${newSpec},1:${oldSpec}`) });
    expect(await rotating.followers.resealCredentials()).toBe(1);
    expect(await rotating.followers.resealCredentials()).toBe(0);
    const onlyNew = assembleStore(env().connection, { keyring: await keyringFromSpec(newSpec) });
    const opened = await onlyNew.followers.credentials(f.id);
    expect(opened.kind === 'apiKey' && opened.secret).toBe(SECRET);
  });

  test('followers: state, error, rename, delete', async () => {
    const { followers } = env().store;
    const f = await followers.create({ name: 'st', venue: 'binanceusdm', credentials: apiKey() });
    expect((await followers.setState(f.id, 'halted')).state).toBe('halted');
    await followers.recordError(f.id, 'InsufficientFunds: margin');
    expect((await followers.get(f.id))?.lastError).toBe('InsufficientFunds: margin');
    await followers.recordError(f.id, null);
    expect((await followers.get(f.id))?.lastError).toBeNull();
    expect((await followers.rename(f.id, 'new')).name).toBe('new');
    expect(await followers.delete(f.id)).toBe(true);
    await expect(followers.credentials(f.id)).rejects.toBeInstanceOf(StoreNotFoundError);
  });

  test('follows: create, unique per (whale, follower), list, update, cascade delete', async () => {
    const { whales, followers, follows } = env().store;
    const whale = await whales.create({ kind: 'hyperliquid', name: 'w', address: ADDRESS });
    const follower = await followers.create({ name: 'f', venue: 'hyperliquid', credentials: wallet() });
    const follow = await follows.create({
      whaleId: whale.id, followerId: follower.id, sizing: { mode: 'proportional', k: 0.5 },
      leverage: { mode: 'fixed', value: 3 }, existing: 'wait_next_change', symbols: { deny: ['DOGE/USDC:USDC'] },
    });
    expect(follow).toMatchObject({ sizing: { mode: 'proportional', k: 0.5 }, caps: {}, leverage: { mode: 'fixed', value: 3 }, symbols: { deny: ['DOGE/USDC:USDC'] }, state: 'active' });
    await expect(follows.create({ whaleId: whale.id, followerId: follower.id, sizing: { mode: 'equity', k: 1 }, leverage: { mode: 'copy' }, existing: 'copy_now' }))
      .rejects.toBeInstanceOf(FollowExistsError);
    const updated = await follows.update(follow.id, { sizing: { mode: 'fixed_notional', usd: 250 }, caps: { maxOrderNotional: 1000 } });
    expect(updated.sizing).toEqual({ mode: 'fixed_notional', usd: 250 });
    expect(updated.caps).toEqual({ maxOrderNotional: 1000 });
    expect((await follows.setState(follow.id, 'reducing')).state).toBe('reducing');
    expect((await follows.list({ whaleId: whale.id })).map((f) => f.id)).toEqual([follow.id]);
    expect(await follows.list({ whaleId: whale.id, state: 'active' })).toEqual([]);
    const [typed] = await env().rows<{ t: string }>(sql`select jsonb_typeof(sizing) as t from follows where id = ${follow.id}`);
    expect(typed!.t).toBe('object');
    await followers.delete(follower.id);
    expect(await follows.get(follow.id)).toBeNull();
  });

  test('follows: what a wait_next_change follow waits out is stored, shrinks one whale symbol at a time, and can be cleared', async () => {
    const { whales, followers, follows } = env().store;
    const whale = await whales.create({ kind: 'hyperliquid', name: 'w', address: ADDRESS });
    const follower = await followers.create({ name: 'f', venue: 'hyperliquid', credentials: wallet() });
    const follow = await follows.create({ whaleId: whale.id, followerId: follower.id, sizing: { mode: 'proportional', k: 1 }, leverage: { mode: 'copy' }, existing: 'wait_next_change' });
    expect(follow.waitingOut).toBeNull(); // not registered by an engine yet
    await follows.setWaitingOut(follow.id, { 'BTC/USDC:USDC': 0.25, 'ETH/USDC:USDC': -3 });
    expect((await follows.get(follow.id))?.waitingOut).toEqual({ 'BTC/USDC:USDC': 0.25, 'ETH/USDC:USDC': -3 });
    await follows.endWaiting(follow.id, 'BTC/USDC:USDC');
    await follows.endWaiting(follow.id, 'SOL/USDC:USDC'); // not waited out: nothing changes
    expect((await follows.list({ whaleId: whale.id }))[0]?.waitingOut).toEqual({ 'ETH/USDC:USDC': -3 });
    await follows.setWaitingOut(follow.id, null);
    expect((await follows.get(follow.id))?.waitingOut).toBeNull();
    await follows.endWaiting(follow.id, 'ETH/USDC:USDC'); // on null: stays null
    expect((await follows.get(follow.id))?.waitingOut).toBeNull();
  });

  test('tokens: issued once, verified by hash, revoked', async () => {
    const { tokens, followers } = env().store;
    const follower = await followers.create({ name: 't', venue: 'binanceusdm', credentials: apiKey() });
    const { token, record } = await tokens.issue({ scope: 'follower', followerId: follower.id });
    expect(token).toMatch(/^wct_[A-Za-z0-9_-]{43}$/);
    expect(record).toMatchObject({ scope: 'follower', followerId: follower.id, lastUsedAt: null });
    const [raw] = await env().rows<{ token_hash: string }>(sql`select token_hash from api_tokens where id = ${record.id}`);
    expect(raw!.token_hash).not.toContain(token.slice(4));
    const verified = await tokens.verify(token);
    expect(verified?.id).toBe(record.id);
    expect(verified?.lastUsedAt).toBeInstanceOf(Date);
    expect(await tokens.verify(`${token}x`)).toBeNull();
    const operator = await tokens.issue({ scope: 'operator' });
    expect((await tokens.list({ scope: 'operator' })).map((t) => t.id)).toContain(operator.record.id);
    expect(await tokens.revoke(record.id)).toBe(true);
    expect(await tokens.verify(token)).toBeNull();
  });

  test('operators: unique email, lockout after failures, reset on success', async () => {
    const { operators } = env().store;
    const email = `${uid('op')}@Example.com`;
    const op = await operators.create({ email, passwordHash: '$argon2id$v=19$fake' });
    expect(op.email).toBe(email.toLowerCase());
    await expect(operators.create({ email: email.toUpperCase(), passwordHash: 'x' })).rejects.toThrow();
    expect((await operators.getByEmail(email.toUpperCase()))?.id).toBe(op.id);
    const policy = { lockAfter: 3, lockMs: 60_000 };
    expect((await operators.recordFailedLogin(op.id, policy)).lockedUntil).toBeNull();
    expect((await operators.recordFailedLogin(op.id, policy)).failedAttempts).toBe(2);
    const locked = await operators.recordFailedLogin(op.id, policy);
    expect(locked.failedAttempts).toBe(3);
    expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 50_000);
    await operators.recordSuccessfulLogin(op.id);
    expect(await operators.get(op.id)).toMatchObject({ failedAttempts: 0, lockedUntil: null });
  });

  test('audit log: append and read newest first', async () => {
    const { audit } = env().store;
    const target = uid('follower');
    await audit.append({ actor: 'op:1', action: 'follower.halt', target });
    const second = await audit.append({ actor: 'op:1', action: 'follower.resume', target, detail: { reason: 'manual' } });
    expect(second.detail).toEqual({ reason: 'manual' });
    expect((await audit.list({ target })).map((a) => a.action)).toEqual(['follower.resume', 'follower.halt']);
  });

  test('webhook journal: idempotency key unique among accepted rows only', async () => {
    const { webhooks } = env().store;
    const key = uid('idem');
    const entry = { strategy: 's1', idempotencyKey: key, accepted: true, sourceIp: '52.89.214.238', body: '{"a":1}' };
    const first = await webhooks.record(entry);
    expect(first.duplicate).toBe(false);
    expect(first.record.accepted).toBe(true);
    const replay = await webhooks.record(entry);
    expect(replay.duplicate).toBe(true);
    expect(replay.record).toMatchObject({ accepted: false, reason: 'duplicate idempotency key' });
    await webhooks.record({ ...entry, accepted: false, reason: 'bad secret' });
    const rows = await env().rows<{ accepted: boolean }>(sql`select accepted from webhook_journal where idempotency_key = ${key}`);
    expect(rows.filter((r) => r.accepted).length).toBe(1);
    expect(rows.length).toBe(3);
  });
});
