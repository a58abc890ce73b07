// Table `api_tokens`: bearer tokens for the operator API and the follower portal, stored as
// SHA-256 hashes only (the token itself is shown once at issue time).
import { sql } from 'drizzle-orm';
import { check, pgTable, text } from 'drizzle-orm/pg-core';
import type { TokenScope } from '../types';
import { followers } from './followers';
import { oneOf, timestampTz } from './columns';

export const apiTokens = pgTable('api_tokens', {
  id: text('id').primaryKey(),
  tokenHash: text('token_hash').notNull().unique('api_tokens_token_hash_unique'),
  scope: text('scope').$type<TokenScope>().notNull(),
  followerId: text('follower_id').references(() => followers.id, { onDelete: 'cascade' }),
  createdAt: timestampTz('created_at').notNull().defaultNow(),
  lastUsedAt: timestampTz('last_used_at'),
}, (t) => [
  check('api_tokens_scope_check', oneOf(t.scope, ['operator', 'follower'])),
  check('api_tokens_follower_scope_check', sql`(${t.scope} = 'follower') = (${t.followerId} is not null)`),
]);
