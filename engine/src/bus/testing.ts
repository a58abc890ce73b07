// Test helpers for the bus suites: a harness per implementation, polling assertions, a gate to hold a handler.
// Test-only code (imported by *.test.ts and the shared suites); production code never imports it.
import type { Bus, BusConsumer, BusEntry, ConsumerOptions } from './types';

/** How the shared suites create and clean up one implementation. */
export interface BusHarness {
  readonly name: string;
  /** A fresh bus whose keys all start with `prefix`. */
  create(prefix: string): Bus;
  /** Removes everything under keys starting with `prefix` (no-op in memory). */
  cleanup(prefix: string): Promise<void>;
}

/** Waits until `check` stops throwing (or returns true), polling every 10 ms; rethrows the last failure. */
export async function eventually(check: () => unknown, timeoutMs = 3_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    let failure: unknown;
    try {
      const result = await check();
      if (result !== false) return;
      failure = new Error('condition still false');
    } catch (error) {
      failure = error;
    }
    if (performance.now() > deadline) throw failure;
    await Bun.sleep(10);
  }
}

/** A promise a test opens by hand: holds a handler "in flight". */
export class Gate {
  readonly opened: Promise<void>;
  open: () => void = () => undefined;

  constructor() {
    this.opened = new Promise<void>((resolve) => (this.open = resolve));
  }
}

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function textOf(entry: { readonly bytes: Uint8Array }): string {
  return new TextDecoder().decode(entry.bytes);
}

/** Fast-moving consumer defaults for tests: short blocks, short retry, no claiming unless asked. */
export function testConsumer(consumer: string, overrides: Partial<ConsumerOptions> = {}): ConsumerOptions {
  return { consumer, blockMs: 100, retryDelayMs: 30, claimIdleMs: 60_000, onError: () => undefined, ...overrides };
}

/** Starts a consumer on `shard` that records every entry it is handed, then acks it. */
export function recordingConsumer(
  bus: Bus,
  shard: number,
  name: string,
  overrides: Partial<ConsumerOptions> = {},
): { consumer: BusConsumer; seen: BusEntry[] } {
  const seen: BusEntry[] = [];
  const consumer = bus.consumeSignals(shard, testConsumer(name, overrides), async (entry) => {
    seen.push(entry);
  });
  return { consumer, seen };
}

let prefixCounter = 0;

/** A key prefix unique to this process and call (no braces: the hash tag follows it). */
export function uniquePrefix(label: string): string {
  prefixCounter += 1;
  return `wctest-${label}-${process.pid}-${Date.now().toString(36)}-${prefixCounter}`;
}
