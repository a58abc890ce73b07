// Public surface of the store: openStore, the Store repositories' types, secrets (keyring,
// redacting credentials), the write-behind journal and error classes. No drizzle type is exported.
export { DEFAULT_DATA_DIR, IN_MEMORY, openStore } from './open-store';
export type { Store, StoreConfig } from './open-store';
export type { DriverName } from './db/database';
export type * from './types';
export { ORDER_STATUSES, REPORT_FILL_PREFIX } from './types';
export { advances, foldOrderUpdates, mergeOrderUpdates, STATUS_RANK, TERMINAL_RANK } from './order-status';
export {
  ApiKeyCredentials, MASTER_KEY_ENV, MASTER_KEY_FILE_ENV, WalletCredentials, generateKeySpec, keyringFromSpec, loadKeyring,
} from './secrets';
export type { Keyring, VenueCredentials } from './secrets';
export { BatchQueue, JournalWriter } from './journal';
export type { BatchQueueOptions, BatchQueueStats, JournalOptions, JournalSink, JournalStats } from './journal';
export type { WhaleRepository, NewWhale, WhalePatch } from './repos/whales';
export type { FollowerRepository, NewFollower } from './repos/followers';
export type { FollowRepository, NewFollow, FollowPatch } from './repos/follows';
export type { OrderRepository, OrderFilter } from './repos/orders';
export type { FillRepository } from './repos/fills';
export type { SignalJournalRepository } from './repos/signals';
export type { ApiTokenRepository } from './repos/tokens';
export type { OperatorRepository } from './repos/operators';
export { AccountEmailTakenError } from './repos/portal-accounts';
export type { FollowerAccount, FollowerAccountRepository } from './repos/portal-accounts';
export type { LoginSession, LoginSessionRepository, LoginSubject } from './repos/login-sessions';
export type { AuditRepository } from './repos/audit';
export type { WebhookJournalRepository } from './repos/webhooks';
export { DUPLICATE_REASON } from './repos/webhooks';
export * from './errors';
