// Write-behind journal of every webhook request, accepted or refused: append() is synchronous and never
// throws; rows reach the store's webhook journal in batches. Bodies are journaled with the secret removed.
import { BatchQueue, type BatchQueueOptions, type BatchQueueStats, type WebhookEntry, type WebhookJournalRepository } from '../store';

/** What replaces a secret in a journaled body. */
export const REDACTED = '[redacted]';
/** Refused bodies are journaled up to this many characters. */
export const MAX_REFUSED_BODY_CHARS = 512;

const SECRET_KEY = /secret|passw|token/i;

/** The parsed alert as JSON with every secret-like member ("secret", "Secret", "api_secret", ...) replaced. */
export function redactAlert(raw: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(raw).filter((key) => SECRET_KEY.test(key));
  if (keys.length === 0) return JSON.stringify(raw);
  const copy: Record<string, unknown> = { ...raw };
  for (const key of keys) copy[key] = REDACTED;
  return JSON.stringify(copy);
}

const SECRET_MEMBER = /("[^"]*(?:secret|passw|token)[^"]*"\s*:\s*)("(?:[^"\\]|\\.)*"?|[^,}\s]*)/gi;

/**
 * A body that may not parse, for the journal: every "secret" member's value replaced, then cut to
 * `maxChars` (a truncated body may end inside a secret value; the replacement runs first).
 */
export function redactRawBody(text: string, maxChars = MAX_REFUSED_BODY_CHARS): string {
  return text.replace(SECRET_MEMBER, `$1"${REDACTED}"`).slice(0, maxChars);
}

/** Rows written at once (one per connection of the store's pool); order between them is not kept. */
export const JOURNAL_WRITE_CONCURRENCY = 8;

/**
 * Writes `rows` with at most `concurrency` calls in flight. On failure the rows written are taken out
 * of the array (so a retry does not journal them twice) and the first error is thrown.
 */
async function writeAll(rows: WebhookEntry[], write: (row: WebhookEntry) => Promise<unknown>, concurrency: number): Promise<void> {
  const done = new Array<boolean>(rows.length).fill(false);
  let firstError: unknown;
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const i = next++;
      try {
        await write(rows[i]!);
        done[i] = true;
      } catch (error) {
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
  if (done.every(Boolean)) return;
  const left = rows.filter((_, i) => !done[i]);
  rows.splice(0, rows.length, ...left);
  throw firstError;
}

/**
 * Where rows go: the store's webhook journal. `recordMany` (one multi-row statement, all or nothing, with
 * record()'s duplicate rule) is used when the repository offers it; otherwise rows are written one per call.
 */
export type WebhookSink = Pick<WebhookJournalRepository, 'record'> & {
  recordMany?(entries: readonly WebhookEntry[]): Promise<unknown>;
};

export class WebhookJournal {
  private readonly queue: BatchQueue<WebhookEntry>;

  constructor(sink: WebhookSink, options: BatchQueueOptions & { concurrency?: number } = {}) {
    // One row per call needs a few calls at once to keep up with the webhook rate. Restore orders
    // accepted rows by alert time and apply sequence, never by row id, so the write order does not matter.
    const { concurrency = JOURNAL_WRITE_CONCURRENCY, ...queueOptions } = options;
    const write = sink.recordMany !== undefined
      ? (rows: WebhookEntry[]) => sink.recordMany!(rows)
      : (rows: WebhookEntry[]) => writeAll(rows, (row) => sink.record(row), concurrency);
    this.queue = new BatchQueue('webhooks', write, { maxBuffered: 50_000, ...queueOptions });
  }

  /** Queues one entry; false when dropped (closed or the buffer is full). */
  append(entry: WebhookEntry): boolean {
    return this.queue.push(entry);
  }

  stats(): BatchQueueStats {
    return this.queue.stats();
  }

  flush(): Promise<void> {
    return this.queue.flush();
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
