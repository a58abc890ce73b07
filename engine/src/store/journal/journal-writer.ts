// Write-behind journal for the hot path: signals, order updates and fills are appended synchronously
// and written in batches by three BatchQueues. It never awaits in append and never throws at callers.
import type { FillEntry, OrderUpdate, SignalEntry } from '../types';
import { BatchQueue, type BatchQueueOptions, type BatchQueueStats } from './batch-queue';

/** Where batches go: one multi-row statement per call (the store's repositories in production). */
export interface JournalSink {
  appendSignals(rows: SignalEntry[]): Promise<unknown>;
  upsertOrders(rows: OrderUpdate[]): Promise<unknown>;
  insertFills(rows: FillEntry[]): Promise<unknown>;
}

export type JournalOptions = BatchQueueOptions;

export interface JournalStats {
  signals: BatchQueueStats;
  orders: BatchQueueStats;
  fills: BatchQueueStats;
}

export class JournalWriter {
  readonly #signals: BatchQueue<SignalEntry>;
  readonly #orders: BatchQueue<OrderUpdate>;
  readonly #fills: BatchQueue<FillEntry>;

  constructor(sink: JournalSink, options: JournalOptions = {}) {
    this.#signals = new BatchQueue('signals', (rows) => sink.appendSignals(rows), options);
    this.#orders = new BatchQueue('orders', (rows) => sink.upsertOrders(rows), options);
    this.#fills = new BatchQueue('fills', (rows) => sink.insertFills(rows), options);
  }

  /** Journals a signal/denial/skip; stamps `ts` now if absent. False when dropped (closed or full). */
  appendSignal(entry: SignalEntry): boolean {
    if (entry.ts === undefined) entry.ts = Date.now();
    return this.#signals.push(entry);
  }

  /** Queues an outbox upsert (intent or report); stamps `at` now if absent. */
  appendOrder(update: OrderUpdate): boolean {
    if (update.at === undefined) update.at = Date.now();
    return this.#orders.push(update);
  }

  appendFill(entry: FillEntry): boolean {
    return this.#fills.push(entry);
  }

  stats(): JournalStats {
    return { signals: this.#signals.stats(), orders: this.#orders.stats(), fills: this.#fills.stats() };
  }

  /** Writes everything buffered now (failed writes stay buffered and are retried later). */
  async flush(): Promise<void> {
    await Promise.all([this.#signals.flush(), this.#orders.flush(), this.#fills.flush()]);
  }

  /** Stops accepting rows and flushes what is buffered (a few attempts); idempotent. */
  async close(): Promise<void> {
    await Promise.all([this.#signals.close(), this.#orders.close(), this.#fills.close()]);
  }
}
