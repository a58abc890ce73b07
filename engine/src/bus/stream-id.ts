// Redis stream entry ids ('<ms>-<seq>'): parsing, ordering, successor and the safe trim point.
// Pure functions; exact for any 64-bit ms and seq (BigInt), so they agree with Redis byte for byte.
import { BusConfigError } from './errors';

export const ZERO_ID = '0-0';
const UINT64_MAX = (1n << 64n) - 1n;
const ID_PATTERN = /^(\d{1,20})-(\d{1,20})$/;

export interface ParsedStreamId {
  readonly ms: bigint;
  readonly seq: bigint;
}

export function parseStreamId(id: string): ParsedStreamId {
  const match = ID_PATTERN.exec(id);
  const ms = match?.[1] === undefined ? -1n : BigInt(match[1]);
  const seq = match?.[2] === undefined ? -1n : BigInt(match[2]);
  if (ms < 0n || seq < 0n || ms > UINT64_MAX || seq > UINT64_MAX) {
    throw new BusConfigError(`not a stream entry id: ${JSON.stringify(id)}`);
  }
  return { ms, seq };
}

export function compareStreamIds(a: string, b: string): number {
  const left = parseStreamId(a);
  const right = parseStreamId(b);
  if (left.ms !== right.ms) return left.ms < right.ms ? -1 : 1;
  if (left.seq !== right.seq) return left.seq < right.seq ? -1 : 1;
  return 0;
}

/** Epoch ms at which the bus accepted the entry (the id's first part, from the Redis server clock). */
export function streamIdTimeMs(id: string): number {
  return Number(parseStreamId(id).ms);
}

/** The smallest id greater than `id` ('5-3' -> '5-4', '5-<max>' -> '6-0'). */
export function nextStreamId(id: string): string {
  const { ms, seq } = parseStreamId(id);
  if (seq < UINT64_MAX) return `${ms}-${seq + 1n}`;
  if (ms < UINT64_MAX) return `${ms + 1n}-0`;
  throw new BusConfigError(`stream id ${id} has no successor`);
}

/** What trimming needs to know about one consumer group of a stream. */
export interface GroupPosition {
  /** Last entry id handed to any consumer of the group ('0-0' if none). */
  readonly lastDeliveredId: string;
  /** Smallest id delivered but not yet acknowledged; null when nothing is pending. */
  readonly oldestPendingId: string | null;
}

/**
 * The MINID for XTRIM that drops only entries every group has acknowledged: per group the oldest
 * pending id, or (nothing pending) the successor of its last delivered id, whichever is lower; then
 * the lowest over all groups. Null when the stream has no group: nobody has read it, trim nothing.
 */
export function safeTrimMinId(groups: readonly GroupPosition[]): string | null {
  let lowest: string | null = null;
  for (const group of groups) {
    const afterDelivered = nextStreamId(group.lastDeliveredId);
    const bound =
      group.oldestPendingId !== null && compareStreamIds(group.oldestPendingId, afterDelivered) < 0
        ? group.oldestPendingId
        : afterDelivered;
    if (lowest === null || compareStreamIds(bound, lowest) < 0) lowest = bound;
  }
  return lowest;
}
