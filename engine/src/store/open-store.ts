// openStore: picks the driver (PGlite without a database URL, postgres.js with one), applies
// migrations, and wires repositories and the write-behind journal. Holds no global state.
import { connect, IN_MEMORY, type Connection } from './db/connect';
import type { DriverName } from './db/database';
import { JournalWriter, type JournalOptions } from './journal';
import { createAuditRepository, type AuditRepository } from './repos/audit';
import { repositoryContext } from './repos/context';
import { createFillRepository, type FillRepository } from './repos/fills';
import { createFollowerRepository, type FollowerRepository } from './repos/followers';
import { createFollowRepository, type FollowRepository } from './repos/follows';
import { createLoginSessionRepository, type LoginSessionRepository } from './repos/login-sessions';
import { createOperatorRepository, type OperatorRepository } from './repos/operators';
import { createOrderRepository, type OrderRepository } from './repos/orders';
import { createFollowerAccountRepository, type FollowerAccountRepository } from './repos/portal-accounts';
import { createSignalJournalRepository, type SignalJournalRepository } from './repos/signals';
import { createApiTokenRepository, type ApiTokenRepository } from './repos/tokens';
import { createWebhookJournalRepository, type WebhookJournalRepository } from './repos/webhooks';
import { createWhaleRepository, type WhaleRepository } from './repos/whales';
import type { Keyring } from './secrets';

export const DEFAULT_DATA_DIR = '.data/pglite';

export interface StoreConfig {
  /** postgres:// URL (DATABASE_URL); when absent the store is PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite data folder, default `.data/pglite`; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  /** Keys for secrets at rest; without it only credential/secret operations fail (MasterKeyMissingError). */
  keyring?: Keyring;
  /** postgres.js pool size, default 10. */
  poolSize?: number;
  /** Batching of the write-behind journal (default 200 rows or 50 ms). */
  journal?: JournalOptions;
}

export interface Store {
  readonly driver: DriverName;
  readonly whales: WhaleRepository;
  readonly followers: FollowerRepository;
  readonly follows: FollowRepository;
  readonly orders: OrderRepository;
  readonly fills: FillRepository;
  readonly signals: SignalJournalRepository;
  readonly tokens: ApiTokenRepository;
  readonly operators: OperatorRepository;
  /** Follower portal sign-in accounts. */
  readonly followerAccounts: FollowerAccountRepository;
  /** Expiring sign-ins of operators and follower accounts. */
  readonly loginSessions: LoginSessionRepository;
  readonly audit: AuditRepository;
  readonly webhooks: WebhookJournalRepository;
  /** Write-behind journal for signals, order updates and fills (the hot path's only way in). */
  readonly journal: JournalWriter;
  /** Flushes the journal, then closes the database; idempotent. */
  close(): Promise<void>;
}

/** Connects (PGlite or postgres.js), migrates and returns the store. */
export async function openStore(config: StoreConfig = {}): Promise<Store> {
  const connection = await connect({
    databaseUrl: config.databaseUrl || undefined,
    dataDir: config.dataDir ?? DEFAULT_DATA_DIR,
    poolSize: config.poolSize ?? 10,
  });
  return assembleStore(connection, config);
}

/** Builds the store on an open, migrated connection (tests use it to keep raw access to the database). */
export function assembleStore(connection: Connection, config: Pick<StoreConfig, 'keyring' | 'journal'> = {}): Store {
  const ctx = repositoryContext(connection.db, config.keyring);
  const orders = createOrderRepository(ctx);
  const fills = createFillRepository(ctx);
  const signals = createSignalJournalRepository(ctx);
  const journal = new JournalWriter({
    appendSignals: (rows) => signals.append(rows),
    upsertOrders: (rows) => orders.upsert(rows),
    insertFills: (rows) => fills.insert(rows),
  }, config.journal);
  let closing: Promise<void> | undefined;
  return {
    driver: connection.driver,
    whales: createWhaleRepository(ctx),
    followers: createFollowerRepository(ctx),
    follows: createFollowRepository(ctx),
    orders,
    fills,
    signals,
    tokens: createApiTokenRepository(ctx),
    operators: createOperatorRepository(ctx),
    followerAccounts: createFollowerAccountRepository(ctx),
    loginSessions: createLoginSessionRepository(ctx),
    audit: createAuditRepository(ctx),
    webhooks: createWebhookJournalRepository(ctx),
    journal,
    close() {
      closing ??= journal.close().finally(() => connection.close());
      return closing;
    },
  };
}

export { IN_MEMORY };
