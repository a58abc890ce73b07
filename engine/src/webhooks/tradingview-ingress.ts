// TradingView webhook ingress: source checks, parse, secret, age, replay and order checks, then the
// strategy's whale book and the copy engine; the reply waits only for the bus (XADD). Every request is
// journaled write-behind with its outcome. No HTTP framework types and no database call on the hot path.
import type { WhaleBook } from '../book';
import type { Clock } from '../core';
import type { WhaleChange } from '../copy';
import type { BatchQueueOptions, WebhookEntry, WebhookJournalRepository } from '../store';
import { parseAlert, type TradingViewAlert } from './alert';
import { DEFAULT_WEBHOOK_OPTIONS, type WebhookOptions } from './options';
import { bookWithPosition } from './position-book';
import { journalReason, refusal, refusalBody, type Refusal } from './refusals';
import { AlertClock, ReplayWindow, idempotencyKey } from './replay-guard';
import { appliedReason, restoreStrategy } from './restore';
import { SourceRateLimiter } from './source-guard';
import { StrategyRegistry, type StrategyStore } from './strategies';
import { baseOfSymbol, resolveTicker } from './ticker';
import { redactAlert, redactRawBody, WebhookJournal, MAX_REFUSED_BODY_CHARS, type WebhookSink } from './webhook-journal';

export interface TradingViewIngressDeps {
  readonly whales: WhaleBook;
  readonly copy: { onWhaleChange(change: WhaleChange): Promise<number> };
  readonly store: { readonly whales: StrategyStore; readonly webhooks: Pick<WebhookJournalRepository, 'list'> & WebhookSink };
  readonly clock: Clock;
  readonly options?: Partial<WebhookOptions>;
  /** Whether some venue lists this base asset; unknown bases are refused as unknown tickers. */
  readonly knownBase?: (base: string) => boolean;
  /** The alert's close price, a mark for `symbol`. */
  readonly onMark?: (symbol: string, price: number) => void;
  /** The whale book of a strategy changed (live events). */
  readonly onWhaleChanged?: (whaleId: string) => void;
  /** The bus refused the signals of an accepted alert (the reply is a 503). */
  readonly onPublishFailed?: (whaleId: string, error: unknown) => void;
  /** Every reply: its status and the time from receipt to reply (the webhook_ack metric). */
  readonly onReplied?: (status: number, elapsedMs: number) => void;
  /** Write-behind settings of the webhook journal (batching, buffer bound, write concurrency). */
  readonly journal?: BatchQueueOptions & { concurrency?: number };
}

/** One HTTP request as the ingress needs it. */
export interface WebhookRequest {
  /** Client address (already resolved through a trusted proxy header), if known. */
  readonly source: string | undefined;
  /** Declared Content-Length, if any. */
  readonly contentLength: number | undefined;
  /** The body as text, or undefined when it exceeds `maxBytes`. */
  readBody(maxBytes: number): Promise<string | undefined>;
}

export interface WebhookReply {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export class TradingViewIngress {
  readonly options: WebhookOptions;
  readonly strategies: StrategyRegistry;
  private readonly journal: WebhookJournal;
  private readonly replays: ReplayWindow;
  /** How long an accepted key is remembered: any replay within it would still pass the age check. */
  private readonly replayWindowMs: number;
  private readonly alertClock = new AlertClock();
  private readonly limiter: SourceRateLimiter;

  constructor(private readonly d: TradingViewIngressDeps) {
    this.options = { ...DEFAULT_WEBHOOK_OPTIONS, ...d.options };
    this.strategies = new StrategyRegistry(d.store.whales);
    this.journal = new WebhookJournal(d.store.webhooks, d.journal);
    this.replayWindowMs = this.options.maxAgeMs + this.options.futureSkewMs;
    this.replays = new ReplayWindow(this.replayWindowMs);
    this.limiter = new SourceRateLimiter(this.options.ratePerSource);
  }

  /** Loads the strategies and rebuilds their books from the journal; call before the copy engine runs. */
  async start(): Promise<void> {
    await this.strategies.load();
    const now = this.d.clock.nowMs();
    for (const id of [...this.strategies.ids()]) {
      const strategy = this.strategies.get(id)!;
      const restored = await restoreStrategy(this.d.store.webhooks, strategy, { sinceMs: now - this.replayWindowMs });
      for (const key of restored.recentKeys) this.replays.remember(key, now);
      for (const [symbol, timeMs] of restored.lastTimeMs) this.alertClock.record(id, symbol, timeMs);
      if (restored.positions.size > 0) this.d.whales.apply({ whaleId: id, seq: this.nextSeq(id), positions: restored.positions });
    }
  }

  /** A whale was created or changed through the API. */
  strategyChanged(whaleId: string): Promise<void> {
    return this.strategies.refresh(whaleId);
  }

  strategyRemoved(whaleId: string): void {
    this.strategies.remove(whaleId);
    this.alertClock.forget(whaleId);
  }

  async receive(request: WebhookRequest): Promise<WebhookReply> {
    const rxMs = this.d.clock.nowMs();
    const reply = await this.handle(request, rxMs);
    this.d.onReplied?.(reply.status, this.d.clock.nowMs() - rxMs);
    return reply;
  }

  private async handle(request: WebhookRequest, rxMs: number): Promise<WebhookReply> {
    const source = request.source;
    const { allowlist, maxBodyBytes } = this.options;
    if (allowlist !== null && (source === undefined || !allowlist.has(source))) {
      return this.refuse(refusal('source_not_allowed', 'this source address may not send webhooks'), source);
    }
    if (!this.limiter.allow(source ?? 'unknown', rxMs)) return this.refuse(refusal('rate_limited', 'too many webhooks from this source'), source);
    const tooLarge = refusal('payload_too_large', `the body exceeds ${maxBodyBytes} bytes`);
    if (request.contentLength !== undefined && request.contentLength > maxBodyBytes) return this.refuse(tooLarge, source);
    const text = await request.readBody(maxBodyBytes);
    if (text === undefined) return this.refuse(tooLarge, source);
    return this.receiveText(text, source, rxMs);
  }

  /** Flushes and stops the journal. */
  close(): Promise<void> {
    return this.journal.close();
  }

  flushJournal(): Promise<void> {
    return this.journal.flush();
  }

  journalStats() {
    return this.journal.stats();
  }

  private async receiveText(text: string, source: string | undefined, rxMs: number): Promise<WebhookReply> {
    const parsed = parseAlert(text);
    if (!parsed.ok) {
      const strategy = typeof parsed.raw?.strategy === 'string' ? parsed.raw.strategy.slice(0, 64) : '';
      const body = parsed.raw === undefined ? redactRawBody(text) : redactAlert(parsed.raw).slice(0, MAX_REFUSED_BODY_CHARS);
      return this.refuse(parsed.refusal, source, { strategy, body });
    }
    const alert = parsed.alert;
    const refused = (r: Refusal, key = '') => this.refuse(r, source, { strategy: alert.strategy, body: redactAlert(alert.raw), key });
    const strategy = this.strategies.get(alert.strategy);
    const unauthorized = (reason: string) => refusal('unauthorized', 'unknown strategy or wrong secret', { reason });
    if (strategy === undefined) return refused(unauthorized('unknown_strategy'));
    let verified = this.strategies.verify(strategy.id, alert.secret);
    if (typeof verified !== 'boolean') {
      try {
        verified = await verified;
      } catch {
        return refused(refusal('engine_unavailable', 'the secret could not be checked; try again', { reason: 'secret_check_failed' }));
      }
    }
    if (!verified) return refused(unauthorized('wrong_secret'));
    const now = this.d.clock.nowMs();
    if (alert.timeMs < now - this.options.maxAgeMs) {
      return refused(refusal('alert_too_old', `the alert time is more than ${this.options.maxAgeMs} ms old`, { field: 'time' }));
    }
    if (alert.timeMs > now + this.options.futureSkewMs) {
      return refused(refusal('alert_from_future', `the alert time is more than ${this.options.futureSkewMs} ms ahead of the engine's clock`, { field: 'time' }));
    }
    const key = idempotencyKey(alert);
    if (this.replays.has(key, now)) return this.settle(alert, source, key, 'duplicate', { accepted: false, duplicate: true });
    const symbol = resolveTicker(alert.ticker, strategy.tickers);
    if (symbol === undefined || (this.d.knownBase !== undefined && !this.d.knownBase(baseOfSymbol(symbol)))) {
      return refused(refusal('unknown_ticker', `no market for ticker ${alert.ticker}: add it to the strategy's tickerMap`, { field: 'ticker' }), key);
    }
    if (this.alertClock.isStale(strategy.id, symbol, alert.timeMs)) {
      return this.settle(alert, source, key, 'stale: an alert with a later time was applied', { accepted: false, stale: true, symbol });
    }
    return this.apply(alert, strategy.id, symbol, key, source, rxMs, now);
  }

  private async apply(
    alert: TradingViewAlert, whaleId: string, symbol: string, key: string, source: string | undefined, rxMs: number, now: number,
  ): Promise<WebhookReply> {
    this.replays.remember(key, now);
    this.alertClock.record(whaleId, symbol, alert.timeMs);
    const positions = bookWithPosition(this.d.whales.positions(whaleId), symbol, alert.contracts, alert.price);
    const seq = this.nextSeq(whaleId);
    this.d.whales.apply({ whaleId, seq, positions, venueTs: alert.timeMs, rxTs: rxMs });
    if (alert.price !== undefined) this.d.onMark?.(symbol, alert.price);
    // The XADD goes out first; the journal row and the live event follow while it is in flight.
    const publishing = this.d.copy.onWhaleChange({ whaleId, changed: [symbol], venueTs: alert.timeMs, rxTs: rxMs });
    this.journalEntry({ strategy: whaleId, idempotencyKey: key, accepted: true, reason: appliedReason(seq), sourceIp: source ?? null, body: redactAlert(alert.raw) });
    this.d.onWhaleChanged?.(whaleId);
    let orders: number;
    try {
      orders = await publishing;
    } catch (error) {
      this.d.onPublishFailed?.(whaleId, error);
      const r = refusal('engine_unavailable', 'the alert was applied but its orders could not be queued; followers catch up on the next alert');
      return { status: r.status, body: refusalBody(r) };
    }
    return { status: 200, body: { accepted: true, whaleId, symbol, contracts: alert.contracts, orders } };
  }

  /** A 200 that changes nothing (duplicate or stale), journaled as not accepted. */
  private settle(alert: TradingViewAlert, source: string | undefined, key: string, reason: string, body: Record<string, unknown>): WebhookReply {
    this.journalEntry({ strategy: alert.strategy, idempotencyKey: key, accepted: false, reason, sourceIp: source ?? null, body: redactAlert(alert.raw) });
    return { status: 200, body };
  }

  private refuse(r: Refusal, source: string | undefined, entry: { strategy?: string; body?: string; key?: string } = {}): WebhookReply {
    this.journalEntry({
      strategy: entry.strategy ?? '', idempotencyKey: entry.key ?? '', accepted: false, reason: journalReason(r),
      sourceIp: source ?? null, body: entry.body ?? '',
    });
    return { status: r.status, body: refusalBody(r) };
  }

  private journalEntry(entry: WebhookEntry): void {
    this.journal.append(entry);
  }

  private nextSeq(whaleId: string): number {
    return Math.max((this.d.whales.lastSeq(whaleId) ?? 0) + 1, Math.floor(this.d.clock.nowMs() * 1000));
  }

}
