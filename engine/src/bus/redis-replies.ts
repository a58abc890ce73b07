// Shapes of the Redis stream replies the bus reads (RESP2 arrays, binary-safe Buffers) and ioredis errors.
// Parsing only: unexpected shapes throw BusCommandError instead of being guessed at.
import type { DeadLetterRecord } from './backend';
import { EngineError } from '../core';
import { BusCommandError, BusUnavailableError, type PublishOutcome } from './errors';
import type { BusEntry, DeadLetter, DeadLetterReason, StreamEntryId } from './types';

/** Field name of the payload in every bus stream entry. */
export const PAYLOAD_FIELD = 'p';
const PAYLOAD_BYTE = 0x70; // 'p'

export interface RawEntry {
  readonly id: StreamEntryId;
  readonly fields: readonly Buffer[];
}

function shapeError(what: string): BusCommandError {
  return new BusCommandError(`unexpected Redis reply shape for ${what}`);
}

function asArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw shapeError(what);
  return value;
}

export function asText(value: unknown, what: string): string {
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw shapeError(what);
}

/** [[id, [field, value, ...] | null], ...]; entries whose fields are null (deleted) are dropped. */
export function parseEntries(reply: unknown, what: string): RawEntry[] {
  const entries: RawEntry[] = [];
  for (const item of asArray(reply, what)) {
    const [id, fields] = asArray(item, what);
    if (fields === null) continue;
    entries.push({ id: asText(id, what), fields: asArray(fields, what) as Buffer[] });
  }
  return entries;
}

export function payloadOf(entry: RawEntry): Buffer {
  const fields = entry.fields;
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const name = fields[i] as Buffer;
    if (name.length === 1 && name[0] === PAYLOAD_BYTE) return fields[i + 1] as Buffer;
  }
  throw new BusCommandError(`stream entry ${entry.id} has no '${PAYLOAD_FIELD}' field`);
}

/** XREAD / XREADGROUP: null on timeout, else [[key, entries]] for the one stream read. */
export function parseReadReply(reply: unknown): RawEntry[] {
  if (reply === null) return [];
  const streams = asArray(reply, 'XREADGROUP');
  if (streams.length === 0) return [];
  const [, entries] = asArray(streams[0], 'XREADGROUP');
  return parseEntries(entries, 'XREADGROUP');
}

/** XAUTOCLAIM (Redis 7): [next cursor, claimed entries, ids deleted from the stream]. */
export function parseAutoClaimReply(reply: unknown): { cursor: StreamEntryId; entries: RawEntry[] } {
  const [cursor, entries] = asArray(reply, 'XAUTOCLAIM');
  return { cursor: asText(cursor, 'XAUTOCLAIM'), entries: parseEntries(entries, 'XAUTOCLAIM') };
}

/** Extended XPENDING of one id: [[id, consumer, idle ms, deliveries]] or []. */
export function parseDeliveryCount(reply: unknown): number | null {
  const rows = asArray(reply, 'XPENDING');
  const row = rows[0];
  if (row === undefined) return null;
  const [, , , deliveries] = asArray(row, 'XPENDING');
  return Number(asText(deliveries, 'XPENDING'));
}

/** Summary XPENDING: [count, smallest id | null, greatest id | null, consumers | null]. */
export function parseOldestPending(reply: unknown): StreamEntryId | null {
  const [count, smallest] = asArray(reply, 'XPENDING');
  return Number(count) === 0 || smallest === null ? null : asText(smallest, 'XPENDING');
}

/** XINFO GROUPS: one flat [name, value, ...] list per group. */
export function parseGroups(reply: unknown): Array<Map<string, unknown>> {
  return asArray(reply, 'XINFO GROUPS').map((group) => {
    const flat = asArray(group, 'XINFO GROUPS');
    const fields = new Map<string, unknown>();
    for (let i = 0; i + 1 < flat.length; i += 2) fields.set(asText(flat[i], 'XINFO GROUPS'), flat[i + 1]);
    return fields;
  });
}

export function deadLetterFields(record: DeadLetterRecord): Array<string | number> {
  return [
    'id', record.originalId,
    'group', record.group,
    'consumer', record.consumer,
    'deliveries', record.deliveries,
    'reason', record.reason,
    'error', record.error,
    'at', record.deadAtMs,
  ];
}

export function parseDeadLetter(entry: RawEntry): DeadLetter {
  const fields = new Map<string, Buffer>();
  for (let i = 0; i + 1 < entry.fields.length; i += 2) {
    fields.set(asText(entry.fields[i], 'dead letter'), entry.fields[i + 1] as Buffer);
  }
  const text = (name: string): string => asText(fields.get(name) ?? '', 'dead letter');
  return {
    deadId: entry.id,
    originalId: text('id'),
    group: text('group'),
    consumer: text('consumer'),
    deliveries: Number(text('deliveries')),
    reason: text('reason') as DeadLetterReason,
    error: text('error'),
    deadAtMs: Number(text('at')),
    bytes: payloadOf(entry),
  };
}

export function toEntry(raw: RawEntry, deliveryCount: number): BusEntry {
  return { id: raw.id, bytes: payloadOf(raw), deliveryCount };
}

/** Bytes as a Buffer without copying (protobufjs already returns Buffers under Bun/Node). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Whether a failed command's entry may have been added: not when Redis refused it (an error reply) or it was
 * never written (the connection was not writable); otherwise (a timeout, a connection lost after the write) unknown.
 */
export function publishOutcomeOf(error: unknown): PublishOutcome {
  if (error instanceof Error && error.name === 'ReplyError') return 'not_added';
  if (error instanceof Error && error.message.startsWith("Stream isn't writeable")) return 'not_added';
  return 'unknown';
}

/** ioredis failures: a Redis error reply is a command error; anything else means Redis is not usable now. */
export function toBusError(error: unknown): Error {
  if (error instanceof EngineError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.name === 'ReplyError') return new BusCommandError(message, { cause: error });
  return new BusUnavailableError(`Redis unavailable: ${message}`, { cause: error });
}
