// <wc-overview>: the engine at a glance (feeds, whales, followers online, orders/s, shard lag, dead
// letters, p50/p99 per hop, shards). Attribute: overview (initial JSON). Listens to `wc-live` overview
// messages; fixed tile and table sizes so updates never move the page.
import { css, html, LitElement } from 'lit';
import type { Overview } from '../../../shared/events';
import { formatNumber, formatUtcClock } from '../../../shared/format';
import { onLive } from '../../live-source';
import { sharedStyles } from '../shared-styles';
import { hopsOf, tilesOf } from './overview-model';

export class OverviewPanel extends LitElement {
  static override styles = [sharedStyles, css`
    .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(10.5rem, 1fr)); gap: 0.75rem; margin-bottom: 1rem; }
    .tile { border: 1px solid var(--wc-line, #d5dae1); border-radius: 8px; padding: 0.6rem 0.8rem; background: #fff; }
    .tile .label { font-size: 0.8rem; color: #4a5563; }
    .tile .value { font-size: 1.5rem; font-weight: 600; text-align: right; font-variant-numeric: tabular-nums; }
    .tile.bad .value { color: #b3261e; }
    .tables { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
    @media (max-width: 60rem) { .tables { grid-template-columns: 1fr; } }
  `];
  static override properties = { overview: { type: Object }, updatedAt: { state: true } };

  declare overview: Overview | null;
  declare updatedAt: number;
  private unsubscribe: (() => void) | undefined;

  constructor() {
    super();
    this.overview = null;
    this.updatedAt = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onLive((message) => {
      if (message.type !== 'overview') return;
      this.overview = message.overview;
      this.updatedAt = message.ts;
    });
  }

  override disconnectedCallback(): void {
    this.unsubscribe?.();
    super.disconnectedCallback();
  }

  private tile(label: string, value: string, key: string, bad = false) {
    return html`<div class="tile ${bad ? 'bad' : ''}" data-tile=${key}><div class="label">${label}</div><div class="value">${value}</div></div>`;
  }

  override render() {
    if (this.overview === null) return html`<p class="muted">Waiting for the engine's overview…</p>`;
    const o = this.overview;
    const t = tilesOf(o);
    return html`
      <div class="tiles">
        ${this.tile('Feeds connected', t.feeds, 'feeds', (o.feeds?.connected ?? 0) < (o.feeds?.total ?? 0))}
        ${this.tile('Whales', String(t.whales), 'whales')}
        ${this.tile('Followers online', t.followersOnline, 'followers')}
        ${this.tile('Orders / s', formatNumber(t.ordersPerSec, 1), 'orders')}
        ${this.tile('Max shard lag', formatNumber(t.maxLag, 0), 'lag', t.maxLag > 1000)}
        ${this.tile('Dead letters', formatNumber(t.deadLetters, 0), 'dead', t.deadLetters > 0)}
      </div>
      <div class="tables">
        <table><caption>Latency per hop</caption>
          <colgroup><col><col style="width:7rem"><col style="width:7rem"></colgroup>
          <thead><tr><th>Hop</th><th class="num">p50 (ms)</th><th class="num">p99 (ms)</th></tr></thead>
          <tbody>${hopsOf(o).map((hop) => html`<tr data-hop=${hop}><td>${hop}</td>
            <td class="num">${formatNumber(o.latency[hop]?.p50Ms, 2)}</td><td class="num">${formatNumber(o.latency[hop]?.p99Ms, 2)}</td></tr>`)}</tbody>
        </table>
        <table><caption>Shards</caption>
          <thead><tr><th class="num">Shard</th><th class="num">Stream</th><th class="num">Pending</th><th class="num">Lag</th><th class="num">Dead</th></tr></thead>
          <tbody>${(o.shards ?? []).map((s) => html`<tr><td class="num">${s.shard}</td><td class="num">${formatNumber(s.length, 0)}</td>
            <td class="num">${formatNumber(s.pending, 0)}</td><td class="num">${formatNumber(s.lag, 0)}</td><td class="num">${formatNumber(s.deadLetters, 0)}</td></tr>`)}</tbody>
        </table>
      </div>
      <p class="muted">${this.updatedAt > 0 ? `Updated ${formatUtcClock(this.updatedAt)} UTC` : ''}</p>`;
  }
}
