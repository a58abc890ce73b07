// The Bus behaviour common to RedisBus and InProcessBus: key naming, consumers, dead-letter and stats API.
// Holds no connection itself; everything stream-level goes through a StreamBackend.
import type { StreamBackend } from './backend';
import { StreamConsumer } from './consumer';
import { resolveConsumerOptions, type ResolvedConsumerOptions } from './consumer-options';
import { ControlSubscription } from './control-subscription';
import { BusConfigError, DeadLetterNotFoundError } from './errors';
import { BusKeys, DEFAULT_REPORT_GROUP, DEFAULT_SIGNAL_GROUP, type StreamKeys } from './keys';
import { parseStreamId } from './stream-id';
import type {
  Bus,
  BusConsumer,
  ConsumerOptions,
  ControlSubscriptionOptions,
  DeadLetter,
  EntryHandler,
  ListDeadLettersOptions,
  ShardPayload,
  StreamEntryId,
  StreamStats,
} from './types';

export abstract class StreamBus implements Bus {
  abstract readonly kind: 'redis' | 'in_process';
  readonly keys: BusKeys;
  private readonly consumers = new Set<BusConsumer>();
  private closing: Promise<void> | null = null;

  protected constructor(
    protected readonly backend: StreamBackend,
    keyPrefix: string | undefined,
  ) {
    this.keys = new BusKeys(keyPrefix);
  }

  get keyPrefix(): string {
    return this.keys.prefix;
  }

  abstract ready(timeoutMs?: number): Promise<void>;

  async publishSignals(shard: number, bytes: Uint8Array): Promise<StreamEntryId> {
    return this.backend.append(this.keys.signals(shard).stream, bytes);
  }

  publishBatch(items: readonly ShardPayload[]): Promise<StreamEntryId[]> {
    return items.length === 0 ? Promise.resolve([]) : this.backend.appendSignals(this.keys, items);
  }

  publishReport(bytes: Uint8Array): Promise<StreamEntryId> {
    return this.backend.append(this.keys.reports.stream, bytes);
  }

  publishReports(payloads: readonly Uint8Array[]): Promise<StreamEntryId[]> {
    return this.backend.appendMany(this.keys.reports.stream, payloads);
  }

  publishControl(bytes: Uint8Array): Promise<StreamEntryId> {
    return this.backend.append(this.keys.control, bytes);
  }

  consumeSignals(shard: number, options: ConsumerOptions, handler: EntryHandler): BusConsumer {
    return this.startConsumer(this.keys.signals(shard), resolveConsumerOptions(options, DEFAULT_SIGNAL_GROUP), handler);
  }

  consumeReports(options: ConsumerOptions, handler: EntryHandler): BusConsumer {
    return this.startConsumer(this.keys.reports, resolveConsumerOptions(options, DEFAULT_REPORT_GROUP), handler);
  }

  subscribeControl(handler: EntryHandler, options: ControlSubscriptionOptions = {}): BusConsumer {
    if (options.fromId !== undefined) parseStreamId(options.fromId);
    this.assertOpen();
    const subscription = new ControlSubscription(this.backend, this.keys.control, handler, options, (done) =>
      this.consumers.delete(done),
    );
    this.consumers.add(subscription);
    return subscription;
  }

  async listDeadLetters(shard: number, options: ListDeadLettersOptions = {}): Promise<DeadLetter[]> {
    if (options.afterId !== undefined) parseStreamId(options.afterId);
    const count = options.count ?? 100;
    if (!Number.isSafeInteger(count) || count < 1) throw new BusConfigError(`count ${count} must be a positive integer`);
    return this.backend.listDead(this.keys.signals(shard).dead, options.afterId ?? null, count);
  }

  async retryDeadLetter(shard: number, deadId: StreamEntryId): Promise<StreamEntryId> {
    parseStreamId(deadId);
    const id = await this.backend.requeueDead(this.keys.signals(shard), deadId);
    if (id === null) throw new DeadLetterNotFoundError(`no dead letter ${deadId} on shard ${shard}`, { ids: { shard, deadId } });
    return id;
  }

  async discardDeadLetter(shard: number, deadId: StreamEntryId): Promise<boolean> {
    parseStreamId(deadId);
    return this.backend.deleteDead(this.keys.signals(shard).dead, deadId);
  }

  async shardStats(shard: number, group: string = DEFAULT_SIGNAL_GROUP): Promise<StreamStats> {
    return this.backend.stats(this.keys.signals(shard), group);
  }

  reportStats(group: string = DEFAULT_REPORT_GROUP): Promise<StreamStats> {
    return this.backend.stats(this.keys.reports, group);
  }

  async trimSignals(shard: number): Promise<number> {
    return this.backend.trimAcknowledged(this.keys.signals(shard).stream);
  }

  trimReports(): Promise<number> {
    return this.backend.trimAcknowledged(this.keys.reports.stream);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
      await this.backend.close();
    })();
    return this.closing;
  }

  private startConsumer(keys: StreamKeys, options: ResolvedConsumerOptions, handler: EntryHandler): BusConsumer {
    this.assertOpen();
    const consumer = new StreamConsumer(this.backend, keys, options, handler, (done) => this.consumers.delete(done));
    this.consumers.add(consumer);
    return consumer;
  }

  private assertOpen(): void {
    if (this.closing !== null) throw new BusConfigError('bus is closed');
  }
}
