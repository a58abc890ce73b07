// One write-behind queue: push() is synchronous and O(1); rows are written in batches (by size or
// after an interval) by a single async writer, retried with backoff on failure. Never throws at callers.
import { isRowError } from '../repos/sql-errors';

export interface BatchQueueOptions {
  /** Rows per write (one multi-row statement); a full batch is flushed at once. Default 200. */
  maxRows?: number;
  /** Longest a row waits before a flush starts, in ms. Default 50. */
  intervalMs?: number;
  /** Rows held at most while the database is failing; further rows are dropped and counted. Default 100000. */
  maxBuffered?: number;
  /** Longest wait between retries of a failing write, in ms. Default 5000. */
  maxBackoffMs?: number;
  /** Told about every failed write (for metrics/logs); must not throw. */
  onError?: (error: unknown, info: { queue: string; rows: number; attempt: number; dropped: boolean }) => void;
}

export interface BatchQueueStats {
  buffered: number;
  written: number;
  batches: number;
  flushErrors: number;
  /** Rows refused because the buffer was full. */
  overflowed: number;
  /** Rows dropped because the database rejects them as such (data or constraint errors). */
  rejected: number;
}

export class BatchQueue<T> {
  readonly #name: string;
  readonly #write: (rows: T[]) => Promise<unknown>;
  readonly #maxRows: number;
  readonly #intervalMs: number;
  readonly #maxBuffered: number;
  readonly #maxBackoffMs: number;
  readonly #onError: BatchQueueOptions['onError'];
  #buffer: T[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #draining: Promise<void> | undefined;
  #failures = 0;
  #closed = false;
  readonly #stats = { written: 0, batches: 0, flushErrors: 0, overflowed: 0, rejected: 0 };

  constructor(name: string, write: (rows: T[]) => Promise<unknown>, options: BatchQueueOptions = {}) {
    this.#name = name;
    this.#write = write;
    this.#maxRows = options.maxRows ?? 200;
    this.#intervalMs = options.intervalMs ?? 50;
    this.#maxBuffered = options.maxBuffered ?? 100_000;
    this.#maxBackoffMs = options.maxBackoffMs ?? 5_000;
    this.#onError = options.onError;
  }

  /** Buffers a row; returns false (and counts it) when closed or full. Never awaits, never throws. */
  push(row: T): boolean {
    if (this.#closed || this.#buffer.length >= this.#maxBuffered) {
      this.#stats.overflowed += 1;
      return false;
    }
    this.#buffer.push(row);
    // While a drain runs it takes new rows itself; after a failure the retry timer is already set.
    if (this.#draining === undefined && this.#failures === 0) {
      if (this.#buffer.length >= this.#maxRows) this.#schedule(0);
      else if (this.#timer === undefined) this.#schedule(this.#intervalMs);
    }
    return true;
  }

  stats(): BatchQueueStats {
    return { buffered: this.#buffer.length, ...this.#stats };
  }

  /** Writes everything buffered now; resolves when done or when a write failed (rows stay buffered). */
  async flush(): Promise<void> {
    this.#cancelTimer();
    while (this.#draining !== undefined) await this.#draining;
    if (this.#buffer.length > 0) await this.#startDrain();
  }

  /** Refuses new rows, then flushes, retrying failed writes up to `attempts` times. */
  async close(attempts = 3): Promise<void> {
    this.#closed = true;
    for (let attempt = 0; attempt < attempts && this.#buffer.length > 0; attempt += 1) await this.flush();
    this.#cancelTimer();
  }

  #schedule(delayMs: number): void {
    this.#cancelTimer();
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#startDrain();
    }, delayMs);
  }

  #cancelTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #startDrain(): Promise<void> {
    this.#draining ??= this.#drain().finally(() => {
      this.#draining = undefined;
      if (this.#buffer.length > 0 && this.#timer === undefined && this.#failures === 0) {
        this.#schedule(this.#buffer.length >= this.#maxRows ? 0 : this.#intervalMs);
      }
    });
    return this.#draining;
  }

  async #drain(): Promise<void> {
    while (this.#buffer.length > 0) {
      const batch = this.#take();
      try {
        await this.#write(batch);
        this.#succeeded(batch.length);
      } catch (error) {
        this.#report(error, batch.length, false);
        if (isRowError(error)) {
          await this.#writeOneByOne(batch);
        } else {
          this.#buffer = batch.concat(this.#buffer);
          this.#retryLater();
          return;
        }
      }
    }
  }

  /** A batch the database refused because of its rows: keep the good rows, drop the bad ones. */
  async #writeOneByOne(batch: T[]): Promise<void> {
    const keep: T[] = [];
    for (const row of batch) {
      try {
        await this.#write([row]);
        this.#succeeded(1);
      } catch (error) {
        if (isRowError(error)) {
          this.#stats.rejected += 1;
          this.#report(error, 1, true);
        } else {
          keep.push(row);
        }
      }
    }
    if (keep.length > 0) {
      this.#buffer = keep.concat(this.#buffer);
      this.#retryLater();
    }
  }

  #take(): T[] {
    if (this.#buffer.length <= this.#maxRows) {
      const all = this.#buffer;
      this.#buffer = [];
      return all;
    }
    return this.#buffer.splice(0, this.#maxRows);
  }

  #succeeded(rows: number): void {
    this.#stats.written += rows;
    this.#stats.batches += 1;
    this.#failures = 0;
  }

  #report(error: unknown, rows: number, dropped: boolean): void {
    if (!dropped) {
      this.#stats.flushErrors += 1;
      this.#failures += 1;
    }
    try {
      this.#onError?.(error, { queue: this.#name, rows, attempt: this.#failures, dropped });
    } catch {
      // A failing observer must not stop the journal.
    }
  }

  #retryLater(): void {
    if (this.#closed) return;
    const backoff = Math.min(this.#maxBackoffMs, this.#intervalMs * 2 ** Math.min(this.#failures, 16));
    this.#schedule(backoff);
  }
}
