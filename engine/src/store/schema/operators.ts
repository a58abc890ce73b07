// Table `operators`: console/API operator accounts with lockout counters. Holds password hashes
// produced by the caller; this table never sees a password.
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { timestampTz } from './columns';

export const operators = pgTable('operators', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique('operators_email_unique'),
  passwordHash: text('password_hash').notNull(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: timestampTz('locked_until'),
});
