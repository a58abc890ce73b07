// The drizzle schema: one table per aggregate file; drizzle-kit reads this to generate migrations.
// Only the store folder imports it; no drizzle type leaves engine/src/store.
export { whales } from './whales';
export { followers } from './followers';
export { follows } from './follows';
export { orders } from './orders';
export { fills } from './fills';
export { signals } from './signals';
export { apiTokens } from './api-tokens';
export { operators } from './operators';
export { auditLog } from './audit-log';
export { webhookJournal } from './webhook-journal';
export { followerAccounts, loginSessions } from './portal-accounts';
