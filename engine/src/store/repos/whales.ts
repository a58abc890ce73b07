// Repository of whales. Lead-account credentials are sealed with additional data `whale:<id>|<venue>`
// and come back only through credentials(id); the TradingView secret is kept as a keyed hash.
import { asc, eq, isNotNull } from 'drizzle-orm';
import { CredentialsVenueMismatchError, StoreNotFoundError, StoreValidationError } from '../errors';
import { whales } from '../schema';
import {
  assertCredentialsFit, decodeCredentials, encodeCredentials, hashSecret, open, seal, verifySecret,
  type ApiKeyCredentials,
} from '../secrets';
import type { TickerMap, TradingState, Whale, WhaleKind } from '../types';
import { newId, type RepositoryContext } from './context';

export interface NewWhale {
  id?: string;
  kind: WhaleKind;
  name: string;
  address?: string | null;
  /** Read-only API key of a Binance lead account (binanceusdm whales). */
  credentials?: ApiKeyCredentials | null;
  /** TradingView webhook secret (tradingview whales); stored as a keyed hash. */
  tradingViewSecret?: string | null;
  tickerMap?: TickerMap | null;
  state?: TradingState;
}
export interface WhalePatch { name?: string; address?: string | null; tickerMap?: TickerMap | null }

export interface WhaleRepository {
  create(input: NewWhale): Promise<Whale>;
  get(id: string): Promise<Whale | null>;
  list(): Promise<Whale[]>;
  update(id: string, patch: WhalePatch): Promise<Whale>;
  setState(id: string, state: TradingState): Promise<Whale>;
  delete(id: string): Promise<boolean>;
  /** Decrypted lead-account credentials, or null when none are stored. */
  credentials(id: string): Promise<ApiKeyCredentials | null>;
  setCredentials(id: string, credentials: ApiKeyCredentials | null): Promise<void>;
  setTradingViewSecret(id: string, secret: string | null): Promise<void>;
  /** Constant-time check of a presented TradingView secret; false when none is stored. */
  verifyTradingViewSecret(id: string, presented: string): Promise<boolean>;
  /**
   * Re-seals credentials sealed under an older key version with the current one; returns how many.
   * Secret hashes cannot be re-keyed without the secret: keep the old version until they are reset.
   */
  resealCredentials(): Promise<number>;
}

type Row = typeof whales.$inferSelect;

const toWhale = (row: Row): Whale => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  address: row.address,
  tickerMap: row.tickerMap,
  state: row.state,
  hasCredentials: row.credentials !== null,
  hasSecret: row.secretHash !== null,
  createdAt: row.createdAt,
});

const owner = (id: string) => `whale:${id}`;

export function createWhaleRepository(ctx: RepositoryContext): WhaleRepository {
  const { db } = ctx;

  async function sealCredentials(id: string, kind: WhaleKind, credentials: ApiKeyCredentials): Promise<Uint8Array> {
    if (kind !== 'binanceusdm') throw new CredentialsVenueMismatchError(owner(id), kind, credentials.kind);
    assertCredentialsFit(owner(id), kind, credentials);
    const plain = encodeCredentials(credentials);
    try {
      return await seal(ctx.keyring(), plain, owner(id), kind);
    } finally {
      plain.fill(0);
    }
  }

  async function hashTradingViewSecret(id: string, kind: WhaleKind, secret: string): Promise<Uint8Array> {
    if (kind !== 'tradingview') throw new StoreValidationError('whale', id, 'tradingViewSecret', `is only for tradingview whales, not ${kind}`);
    return hashSecret(ctx.keyring(), owner(id), secret);
  }

  async function requireRow(id: string): Promise<Row> {
    const [row] = await db.select().from(whales).where(eq(whales.id, id));
    if (row === undefined) throw new StoreNotFoundError('whale', id);
    return row;
  }

  async function updateRow(id: string, values: Partial<Row>): Promise<Row> {
    const [row] = await db.update(whales).set(values).where(eq(whales.id, id)).returning();
    if (row === undefined) throw new StoreNotFoundError('whale', id);
    return row;
  }

  return {
    async create(input) {
      const id = input.id ?? newId();
      const credentials = input.credentials ? await sealCredentials(id, input.kind, input.credentials) : null;
      const secretHash = input.tradingViewSecret ? await hashTradingViewSecret(id, input.kind, input.tradingViewSecret) : null;
      const [row] = await db.insert(whales).values({
        id, kind: input.kind, name: input.name, address: input.address ?? null, credentials, secretHash,
        tickerMap: input.tickerMap ?? null, state: input.state ?? 'active',
      }).returning();
      return toWhale(row!);
    },
    async get(id) {
      const [row] = await db.select().from(whales).where(eq(whales.id, id));
      return row === undefined ? null : toWhale(row);
    },
    async list() {
      return (await db.select().from(whales).orderBy(asc(whales.createdAt), asc(whales.id))).map(toWhale);
    },
    async update(id, patch) {
      const values: Partial<Row> = {};
      if (patch.name !== undefined) values.name = patch.name;
      if (patch.address !== undefined) values.address = patch.address;
      if (patch.tickerMap !== undefined) values.tickerMap = patch.tickerMap;
      return toWhale(Object.keys(values).length === 0 ? await requireRow(id) : await updateRow(id, values));
    },
    async setState(id, state) {
      return toWhale(await updateRow(id, { state }));
    },
    async delete(id) {
      return (await db.delete(whales).where(eq(whales.id, id)).returning({ id: whales.id })).length > 0;
    },
    async credentials(id) {
      const row = await requireRow(id);
      if (row.credentials === null) return null;
      const plain = await open(ctx.keyring(), row.credentials, owner(id), row.kind);
      try {
        return decodeCredentials(plain) as ApiKeyCredentials;
      } finally {
        plain.fill(0);
      }
    },
    async setCredentials(id, credentials) {
      const row = await requireRow(id);
      await updateRow(id, { credentials: credentials ? await sealCredentials(id, row.kind, credentials) : null });
    },
    async setTradingViewSecret(id, secret) {
      const row = await requireRow(id);
      await updateRow(id, { secretHash: secret ? await hashTradingViewSecret(id, row.kind, secret) : null });
    },
    async verifyTradingViewSecret(id, presented) {
      const [row] = await db.select({ secretHash: whales.secretHash }).from(whales).where(eq(whales.id, id));
      if (row?.secretHash == null) return false;
      return verifySecret(ctx.keyring(), owner(id), row.secretHash, presented);
    },
    async resealCredentials() {
      const keyring = ctx.keyring();
      const rows = await db.select().from(whales).where(isNotNull(whales.credentials));
      let resealed = 0;
      for (const row of rows) {
        if (row.credentials === null || row.credentials[0] === keyring.current.version) continue;
        const plain = await open(keyring, row.credentials, owner(row.id), row.kind);
        try {
          await updateRow(row.id, { credentials: await seal(keyring, plain, owner(row.id), row.kind) });
        } finally {
          plain.fill(0);
        }
        resealed += 1;
      }
      return resealed;
    },
  };
}
