// One in-memory stream with Redis semantics: '<ms>-<seq>' ids, consumer groups with a pending list
// (owner, delivery time, delivery count), last-delivered cursor, append notifications. No timers, no I/O.
import type { DeadLetterRecord } from './backend';
import { BusCommandError } from './errors';
import { parseStreamId } from './stream-id';

export interface MemoryEntry {
  readonly id: string;
  readonly ms: number;
  readonly seq: number;
  readonly bytes: Uint8Array;
  /** Set on dead-letter streams only. */
  readonly record: DeadLetterRecord | null;
}

export interface PendingEntry {
  consumer: string;
  deliveredAtMs: number;
  count: number;
}

export interface MemoryGroup {
  lastMs: number;
  lastSeq: number;
  readonly pending: Map<string, PendingEntry>;
  readonly consumers: Set<string>;
}

export function memoryIdParts(id: string): { ms: number; seq: number } {
  const parsed = parseStreamId(id);
  return { ms: Number(parsed.ms), seq: Number(parsed.seq) };
}

export class MemoryStream {
  readonly entries: MemoryEntry[] = [];
  readonly groups = new Map<string, MemoryGroup>();
  private readonly byId = new Map<string, MemoryEntry>();
  private readonly listeners = new Set<() => void>();
  private lastMs = 0;
  private lastSeq = 0;

  constructor(readonly name: string) {}

  /** XADD '*': the id is max(now, last ms) with the next sequence number. */
  append(bytes: Uint8Array, record: DeadLetterRecord | null, nowMs: number): MemoryEntry {
    const ms = Math.max(Math.floor(nowMs), this.lastMs);
    const seq = ms === this.lastMs ? this.lastSeq + 1 : 0;
    this.lastMs = ms;
    this.lastSeq = seq;
    const entry: MemoryEntry = { id: `${ms}-${seq}`, ms, seq, bytes, record };
    this.entries.push(entry);
    this.byId.set(entry.id, entry);
    for (const listener of this.listeners) listener();
    this.listeners.clear();
    return entry;
  }

  /** Calls `listener` once, at the next append. Returns a function that cancels it. */
  onNextAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(id: string): MemoryEntry | undefined {
    return this.byId.get(id);
  }

  /** XDEL. */
  remove(id: string): boolean {
    const entry = this.byId.get(id);
    if (entry === undefined) return false;
    this.byId.delete(id);
    this.entries.splice(this.firstAfter(entry.ms, entry.seq) - 1, 1);
    return true;
  }

  /** Index of the first entry whose id is greater than ms-seq (binary search: entries are in id order). */
  firstAfter(ms: number, seq: number): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const entry = this.entries[middle] as MemoryEntry;
      if (entry.ms < ms || (entry.ms === ms && entry.seq <= seq)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  lastEntryId(): string {
    return this.entries.at(-1)?.id ?? '0-0';
  }

  /** XGROUP CREATE; '$' starts after the last generated id. False when the group already existed. */
  createGroup(name: string, startId: '0' | '$'): boolean {
    if (this.groups.has(name)) return false;
    const atEnd = startId === '$';
    this.groups.set(name, {
      lastMs: atEnd ? this.lastMs : 0,
      lastSeq: atEnd ? this.lastSeq : 0,
      pending: new Map(),
      consumers: new Set(),
    });
    return true;
  }

  group(name: string): MemoryGroup {
    const group = this.groups.get(name);
    if (group === undefined) {
      throw new BusCommandError(`NOGROUP No such key '${this.name}' or consumer group '${name}'`);
    }
    return group;
  }

  /** XTRIM MINID: drops entries with an id lower than ms-seq; returns how many. */
  trimBelow(ms: number, seq: number): number {
    const count = seq === 0 ? this.firstAfter(ms - 1, Number.MAX_SAFE_INTEGER) : this.firstAfter(ms, seq - 1);
    for (const entry of this.entries.splice(0, count)) this.byId.delete(entry.id);
    return count;
  }
}
