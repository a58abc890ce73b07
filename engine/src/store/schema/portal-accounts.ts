// Tables `follower_accounts` (portal sign-in of followers, with lockout counters; linked to a follower
// once a venue key is saved) and `login_sessions` (expiring sign-ins). Holds hashes only, never passwords.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { apiTokens } from './api-tokens';
import { timestampTz, oneOf } from './columns';
import { followers } from './followers';
import { operators } from './operators';

export const followerAccounts = pgTable('follower_accounts', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique('follower_accounts_email_unique'),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  followerId: text('follower_id').unique('follower_accounts_follower_unique').references(() => followers.id, { onDelete: 'set null' }),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: timestampTz('locked_until'),
  createdAt: timestampTz('created_at').notNull().defaultNow(),
});

export const loginSessions = pgTable('login_sessions', {
  id: text('id').primaryKey(),
  /** SHA-256 of the session token (follower sessions); null for operator sessions (their API token is the key). */
  tokenHash: text('token_hash').unique('login_sessions_token_hash_unique'),
  kind: text('kind').$type<'operator' | 'follower'>().notNull(),
  operatorId: text('operator_id').references(() => operators.id, { onDelete: 'cascade' }),
  accountId: text('account_id').references(() => followerAccounts.id, { onDelete: 'cascade' }),
  /** The API token this sign-in issued; revoked when the session ends or expires. */
  apiTokenId: text('api_token_id').references(() => apiTokens.id, { onDelete: 'set null' }),
  createdAt: timestampTz('created_at').notNull().defaultNow(),
  expiresAt: timestampTz('expires_at').notNull(),
}, (t) => [
  check('login_sessions_kind_check', oneOf(t.kind, ['operator', 'follower'])),
  check('login_sessions_subject_check', sql`(${t.kind} = 'operator') = (${t.operatorId} is not null) and (${t.kind} = 'follower') = (${t.accountId} is not null)`),
  index('login_sessions_expires_idx').on(t.expiresAt),
  index('login_sessions_api_token_idx').on(t.apiTokenId),
]);
