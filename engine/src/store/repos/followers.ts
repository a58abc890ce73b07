// Repository of followers. Credentials are sealed with additional data `${followerId}|${venue}` and
// are returned decrypted only by credentials(id); get/list return the public fields only.
import { and, asc, eq } from 'drizzle-orm';
import { StoreNotFoundError } from '../errors';
import { followers } from '../schema';
import {
  assertCredentialsFit, decodeCredentials, encodeCredentials, open, seal, type Keyring, type VenueCredentials,
} from '../secrets';
import type { Follower, TradingState, Venue } from '../types';
import { newId, type RepositoryContext } from './context';

export interface NewFollower {
  id?: string;
  name: string;
  venue: Venue;
  credentials: VenueCredentials;
  state?: TradingState;
}

export interface FollowerRepository {
  create(input: NewFollower): Promise<Follower>;
  get(id: string): Promise<Follower | null>;
  list(filter?: { venue?: Venue; state?: TradingState }): Promise<Follower[]>;
  rename(id: string, name: string): Promise<Follower>;
  setState(id: string, state: TradingState): Promise<Follower>;
  /** Records the last venue/account error (null clears it). */
  recordError(id: string, error: string | null): Promise<void>;
  delete(id: string): Promise<boolean>;
  /** The decrypted venue credentials (redacting object); throws SecretDecryptError if tampered. */
  credentials(id: string): Promise<VenueCredentials>;
  setCredentials(id: string, credentials: VenueCredentials): Promise<void>;
  /** Re-seals credentials sealed under an older key version with the current one; returns how many. */
  resealCredentials(): Promise<number>;
}

type Row = typeof followers.$inferSelect;
type PublicRow = Omit<Row, 'credentials'>;

const toFollower = (row: PublicRow): Follower => ({
  id: row.id,
  name: row.name,
  venue: row.venue,
  address: row.address,
  state: row.state,
  lastError: row.lastError,
  createdAt: row.createdAt,
});

/** Only the public columns: list/get never read the sealed credentials. */
const publicColumns = {
  id: followers.id, name: followers.name, venue: followers.venue, address: followers.address,
  state: followers.state, lastError: followers.lastError, createdAt: followers.createdAt,
};

async function sealFor(keyring: Keyring, id: string, venue: Venue, credentials: VenueCredentials): Promise<Uint8Array> {
  assertCredentialsFit(id, venue, credentials);
  const plain = encodeCredentials(credentials);
  try {
    return await seal(keyring, plain, id, venue);
  } finally {
    plain.fill(0);
  }
}

export function createFollowerRepository(ctx: RepositoryContext): FollowerRepository {
  const { db } = ctx;

  async function updateRow(id: string, values: Partial<Row>): Promise<Follower> {
    const [row] = await db.update(followers).set(values).where(eq(followers.id, id)).returning(publicColumns);
    if (row === undefined) throw new StoreNotFoundError('follower', id);
    return toFollower(row);
  }

  async function sealedRow(id: string): Promise<{ venue: Venue; credentials: Uint8Array }> {
    const [row] = await db.select({ venue: followers.venue, credentials: followers.credentials })
      .from(followers).where(eq(followers.id, id));
    if (row === undefined) throw new StoreNotFoundError('follower', id);
    return row;
  }

  return {
    async create(input) {
      const id = input.id ?? newId();
      const credentials = await sealFor(ctx.keyring(), id, input.venue, input.credentials);
      const address = input.credentials.kind === 'wallet' ? input.credentials.address : null;
      const [row] = await db.insert(followers).values({
        id, name: input.name, venue: input.venue, address, credentials, state: input.state ?? 'active',
      }).returning(publicColumns);
      return toFollower(row!);
    },
    async get(id) {
      const [row] = await db.select(publicColumns).from(followers).where(eq(followers.id, id));
      return row === undefined ? null : toFollower(row);
    },
    async list(filter = {}) {
      const rows = await db.select(publicColumns).from(followers)
        .where(filter.venue === undefined && filter.state === undefined ? undefined : and(
          filter.venue === undefined ? undefined : eq(followers.venue, filter.venue),
          filter.state === undefined ? undefined : eq(followers.state, filter.state),
        ))
        .orderBy(asc(followers.createdAt), asc(followers.id));
      return rows.map(toFollower);
    },
    rename: (id, name) => updateRow(id, { name }),
    setState: (id, state) => updateRow(id, { state }),
    async recordError(id, error) {
      await updateRow(id, { lastError: error });
    },
    async delete(id) {
      return (await db.delete(followers).where(eq(followers.id, id)).returning({ id: followers.id })).length > 0;
    },
    async credentials(id) {
      const row = await sealedRow(id);
      const plain = await open(ctx.keyring(), row.credentials, id, row.venue);
      try {
        return decodeCredentials(plain);
      } finally {
        plain.fill(0);
      }
    },
    async setCredentials(id, credentials) {
      const row = await sealedRow(id);
      const sealed = await sealFor(ctx.keyring(), id, row.venue, credentials);
      await updateRow(id, { credentials: sealed, address: credentials.kind === 'wallet' ? credentials.address : null });
    },
    async resealCredentials() {
      const keyring = ctx.keyring();
      const rows = await db.select({ id: followers.id, venue: followers.venue, credentials: followers.credentials }).from(followers);
      let resealed = 0;
      for (const row of rows) {
        if (row.credentials[0] === keyring.current.version) continue;
        const plain = await open(keyring, row.credentials, row.id, row.venue);
        try {
          await updateRow(row.id, { credentials: await seal(keyring, plain, row.id, row.venue) });
        } finally {
          plain.fill(0);
        }
        resealed += 1;
      }
      return resealed;
    },
  };
}
