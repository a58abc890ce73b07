// <wc-live-feed>: the live feed of signals, orders (reports), denials, skips and state changes.
// Attributes: follower-id / whale-id (filter), limit (rows kept, default 200).
// Events: none emitted; it listens to `wc-live` on document. Rendering is batched once per frame.
import { html, LitElement } from 'lit';
import { formatNumber, formatUtcClock } from '../../../shared/format';
import type { LiveMessage } from '../../../shared/events';
import { frameBatcher, onLive, type LiveDetail } from '../../live-source';
import { sharedStyles } from '../shared-styles';
import { FEED_TYPES, keepRow, prependRows, toFeedRow, type FeedRow, type FeedType } from './feed-model';
import { liveFeedStyles } from './styles';

const short = (id: string) => (id.length > 10 ? `${id.slice(0, 8)}…` : id);

export class LiveFeed extends LitElement {
  static override styles = [sharedStyles, liveFeedStyles];
  static override properties = {
    followerId: { type: String, attribute: 'follower-id' },
    whaleId: { type: String, attribute: 'whale-id' },
    limit: { type: Number },
    rows: { state: true },
    types: { state: true },
    paused: { state: true },
    dropped: { state: true },
  };

  declare followerId: string;
  declare whaleId: string;
  declare limit: number;
  declare rows: FeedRow[];
  declare types: Set<FeedType>;
  declare paused: boolean;
  declare dropped: number;
  private unsubscribe: (() => void) | undefined;
  private readonly enqueue = frameBatcher<LiveMessage>((messages) => this.absorb(messages));

  constructor() {
    super();
    this.followerId = '';
    this.whaleId = '';
    this.limit = 200;
    this.rows = [];
    this.types = new Set(FEED_TYPES);
    this.paused = false;
    this.dropped = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onLive((message: LiveDetail) => {
      if (message.type === 'browser-link') return;
      if (message.type === 'dropped') this.dropped += message.count;
      else this.enqueue(message);
    });
  }

  override disconnectedCallback(): void {
    this.unsubscribe?.();
    super.disconnectedCallback();
  }

  private absorb(messages: LiveMessage[]): void {
    if (this.paused) return;
    const filter = { types: new Set<FeedType>(FEED_TYPES), followerId: this.followerId, whaleId: this.whaleId };
    const incoming: FeedRow[] = [];
    for (const message of messages) {
      const row = toFeedRow(message);
      if (row !== undefined && keepRow(row, filter)) incoming.push(row);
    }
    if (incoming.length > 0) this.rows = prependRows(this.rows, incoming, this.limit);
  }

  private toggle(type: FeedType, on: boolean): void {
    const next = new Set(this.types);
    if (on) next.add(type);
    else next.delete(type);
    this.types = next;
  }

  override render() {
    const visible = this.rows.filter((row) => this.types.has(row.type));
    return html`
      <div class="toolbar" role="group" aria-label="Feed filters">
        ${FEED_TYPES.map((type) => html`<label><input type="checkbox" .checked=${this.types.has(type)}
          @change=${(e: Event) => this.toggle(type, (e.target as HTMLInputElement).checked)}>${type}</label>`)}
        <button type="button" aria-pressed=${this.paused ? 'true' : 'false'} @click=${() => { this.paused = !this.paused; }}>
          ${this.paused ? 'Resume feed' : 'Pause feed'}</button>
        <span class="muted">${visible.length} rows</span>
      </div>
      <div class="dropped" aria-live="polite">${this.dropped > 0 ? `${this.dropped} events were skipped because this page fell behind.` : ''}</div>
      <div class="body" tabindex="0" role="region" aria-label="Live events">
        <table>
          <colgroup><col class="time"><col class="type"><col class="id"><col class="id"><col class="symbol"><col class="side"><col class="amount"><col></colgroup>
          <thead><tr><th>Time (UTC)</th><th>Type</th><th>Whale</th><th>Follower</th><th>Symbol</th><th>Side</th><th class="num">Amount</th><th>Detail</th></tr></thead>
          <tbody>
            ${visible.length === 0 ? html`<tr><td colspan="8" class="muted">Waiting for events…</td></tr>` : visible.map((row) => html`
              <tr class="type-${row.type}" data-type=${row.type} data-client-order-id=${row.clientOrderId} data-follower-id=${row.followerId}>
                <td class="num">${formatUtcClock(row.ts)}</td><td class="type">${row.type}</td>
                <td title=${row.whaleId}>${short(row.whaleId)}</td><td title=${row.followerId}>${short(row.followerId)}</td>
                <td>${row.symbol}</td><td class=${row.side}>${row.side}</td>
                <td class="num">${row.amount === null ? '' : formatNumber(row.amount, row.symbol.startsWith('BTC/') ? 5 : 4)}</td>
                <td title=${row.detail}>${row.detail}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`;
  }
}
