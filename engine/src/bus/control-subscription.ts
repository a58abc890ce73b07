// Broadcast reader of the control stream: every subscriber sees every command, in order, from its start id.
// No consumer group and no acknowledgement; a failing handler is reported and the reader moves on.
import type { ConsumerSession, StreamBackend } from './backend';
import { BusConsumerStoppedError, BusHandlerFailedError, errorMessage } from './errors';
import { Backoff, Deferred, toError } from './loop-util';
import type { BusConsumer, ControlSubscriptionOptions, EntryHandler, StreamEntryId } from './types';

const CONTROL_BATCH = 64;
const DEFAULT_CONTROL_BLOCK_MS = 2_000;

export class ControlSubscription implements BusConsumer {
  readonly consumer = 'control';
  private readonly readyGate = new Deferred();
  private readonly session: ConsumerSession;
  private readonly backoff = new Backoff();
  private readonly done: Promise<void>;
  private readonly onError: (error: Error) => void;
  private reading = false;
  private state: 'running' | 'stopping' | 'aborted' = 'running';

  constructor(
    backend: StreamBackend,
    private readonly stream: string,
    private readonly handler: EntryHandler,
    private readonly options: ControlSubscriptionOptions,
    private readonly onExit: (subscription: ControlSubscription) => void,
  ) {
    this.onError = options.onError ?? ((error) => console.warn(`[bus] control: ${error.message}`));
    this.session = backend.openSession(options.blockMs ?? DEFAULT_CONTROL_BLOCK_MS);
    this.done = this.run().finally(() => {
      this.readyGate.reject(new BusConsumerStoppedError('control subscription stopped before it was ready'));
      this.session.close();
      this.onExit(this);
    });
  }

  get ready(): Promise<void> {
    return this.readyGate.promise;
  }

  stop(): Promise<void> {
    if (this.state === 'running') this.state = 'stopping';
    // Only a blocked read is cut short; a batch in hand still needs the session to be acknowledged.
    if (this.reading) this.session.close();
    this.backoff.interrupt();
    return this.done;
  }

  abort(): void {
    this.state = 'aborted';
    this.session.close();
    this.backoff.interrupt();
    this.onExit(this);
  }

  /** A method, not an inline test: state changes across awaits, which TypeScript's narrowing ignores. */
  private isAborted(): boolean {
    return this.state === 'aborted';
  }

  private async run(): Promise<void> {
    let lastId: StreamEntryId | null = this.options.fromId ?? null;
    const blockMs = this.options.blockMs ?? DEFAULT_CONTROL_BLOCK_MS;
    while (this.state === 'running') {
      try {
        if (lastId === null) lastId = await this.session.lastId(this.stream);
        this.readyGate.resolve();
        if (this.state !== 'running') break;
        this.reading = true;
        const entries = await this.session
          .readAfter(this.stream, lastId, CONTROL_BATCH, blockMs)
          .finally(() => (this.reading = false));
        for (const entry of entries) {
          if (this.isAborted()) return;
          try {
            await this.handler(entry);
          } catch (error) {
            this.onError(
              new BusHandlerFailedError(`control handler failed on ${entry.id}: ${errorMessage(error)}`, {
                cause: error,
                ids: { entryId: entry.id, stream: this.stream },
              }),
            );
          }
          lastId = entry.id;
        }
        this.backoff.reset();
      } catch (error) {
        if (this.state !== 'running') break;
        this.onError(toError(error));
        await this.backoff.wait();
      }
    }
  }
}
