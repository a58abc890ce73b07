// The one statement behind WebhookJournalRepository.recordMany: a multi-row insert of the webhook journal
// with record()'s duplicate rule per row. SQL and row decoding only; no other table, no retries.
import { sql, type SQL } from 'drizzle-orm';
import type { WebhookEntry, WebhookRecord } from '../types';

/** What the batch statement returns per row (driver types vary); the rest of the row is the input. */
export interface BatchInsertRow {
  ord: number | string;
  id: number | string;
  accepted: boolean;
  ts_ms: number | string;
}

/** An entry as it is sent and stored: lone surrogates become U+FFFD, as the drivers do for record(). */
export interface NormalizedEntry {
  ord: number;
  strategy: string;
  idempotency_key: string;
  accepted: boolean;
  reason: string | null;
  source_ip: string | null;
  body: string;
}

export function normalizeEntries(entries: readonly WebhookEntry[]): NormalizedEntry[] {
  const text = (value: string) => value.toWellFormed();
  const optional = (value: string | null | undefined) => (value === undefined || value === null ? null : text(value));
  return entries.map((entry, ord) => ({
    ord, strategy: text(entry.strategy), idempotency_key: text(entry.idempotencyKey), accepted: entry.accepted,
    reason: optional(entry.reason), source_ip: optional(entry.sourceIp), body: text(entry.body),
  }));
}

/**
 * One statement: ids are drawn in input order; the first accepted row of each key is inserted as accepted
 * unless an accepted row with that key exists (ON CONFLICT on the partial unique index, as record() does);
 * every other row (refused, later in the batch with the same key, or in conflict) is inserted refused, an
 * accepted one with `duplicateReason`. Returns (ord, id, accepted, ts) per row, in input order; bodies are
 * not sent back.
 */
export function batchInsertStatement(json: string, duplicateReason: string): SQL {
  return sql`
with input as (
  select nextval(pg_get_serial_sequence('webhook_journal', 'id')) as id, e.*
  from (
    select * from json_to_recordset(${json}::json) as r(ord int, strategy text, idempotency_key text,
      accepted boolean, reason text, source_ip text, body text)
    order by ord
  ) e
),
first_accepted as (
  select distinct on (idempotency_key) id from input where accepted order by idempotency_key, ord
),
inserted as (
  insert into webhook_journal (id, strategy, idempotency_key, accepted, reason, source_ip, body)
  select id, strategy, idempotency_key, true, reason, source_ip, body from input
  where id in (select id from first_accepted)
  on conflict (idempotency_key) where accepted do nothing
  returning id, accepted, ts
),
refused as (
  insert into webhook_journal (id, strategy, idempotency_key, accepted, reason, source_ip, body)
  select id, strategy, idempotency_key, false, case when accepted then ${duplicateReason} else reason end, source_ip, body
  from input where id not in (select id from inserted)
  returning id, accepted, ts
),
stored as (select * from inserted union all select * from refused)
select input.ord, stored.id, stored.accepted, floor(extract(epoch from stored.ts) * 1000)::float8 as ts_ms
from stored join input on input.id = stored.id
order by input.ord`;
}

/** The rows of a drizzle `execute` result: postgres.js gives an array, PGlite `{ rows }`. */
export function resultRows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The journaled record of `entry` from what the statement returned for it; `duplicate` as record() says. */
export function decodeRow(entry: NormalizedEntry, row: BatchInsertRow, duplicateReason: string): { record: WebhookRecord; duplicate: boolean } {
  const duplicate = entry.accepted && !row.accepted;
  return {
    record: {
      id: Number(row.id), strategy: entry.strategy, idempotencyKey: entry.idempotency_key, accepted: row.accepted,
      reason: duplicate ? duplicateReason : entry.reason, sourceIp: entry.source_ip, body: entry.body, ts: new Date(Number(row.ts_ms)),
    },
    duplicate,
  };
}
