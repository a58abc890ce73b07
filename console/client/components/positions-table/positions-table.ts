// <wc-positions-table>: live positions of one whale (contracts, entry) or one follower (target vs
// actual, in flight, drift). Attributes: kind ('whale' | 'follower'), entity-id, positions (initial
// JSON). Listens to `wc-live` whale/follower events for its id; changed rows flash without moving.
import { css, html, LitElement } from 'lit';
import { contractDecimals, formatNumber, formatSigned, formatUtcClock } from '../../../shared/format';
import { onLive } from '../../live-source';
import { sharedStyles } from '../shared-styles';
import { changedSymbols, COLUMNS, offTarget, rowsOf, type AnyPosition, type PositionRow, type PositionsKind } from './positions-model';

export class PositionsTable extends LitElement {
  static override styles = [sharedStyles, css`th:first-child, td:first-child { width: 9.5rem; }`];
  static override properties = {
    kind: { type: String },
    entityId: { type: String, attribute: 'entity-id' },
    positions: { type: Array },
    updatedAt: { type: Number, attribute: 'updated-at' },
    changed: { state: true },
  };

  declare kind: PositionsKind;
  declare entityId: string;
  declare positions: AnyPosition[];
  declare updatedAt: number;
  declare changed: Set<string>;
  private unsubscribe: (() => void) | undefined;
  private clearTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.kind = 'whale';
    this.entityId = '';
    this.positions = [];
    this.updatedAt = 0;
    this.changed = new Set();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onLive((message) => {
      if (this.kind === 'whale' && message.type === 'whale' && message.whaleId === this.entityId) this.apply(message.positions, message.ts);
      if (this.kind === 'follower' && message.type === 'follower' && message.followerId === this.entityId) this.apply(message.positions, message.ts);
    });
  }

  override disconnectedCallback(): void {
    this.unsubscribe?.();
    if (this.clearTimer !== undefined) clearTimeout(this.clearTimer);
    super.disconnectedCallback();
  }

  private apply(positions: AnyPosition[], ts: number): void {
    const before = rowsOf(this.kind, this.positions);
    this.positions = positions;
    this.updatedAt = ts;
    this.changed = changedSymbols(before, rowsOf(this.kind, positions));
    if (this.clearTimer !== undefined) clearTimeout(this.clearTimer);
    this.clearTimer = setTimeout(() => { this.changed = new Set(); }, 1200);
    this.dispatchEvent(new CustomEvent('positions-changed', { detail: { positions }, bubbles: true, composed: true }));
  }

  private cell(row: PositionRow, value: number, index: number) {
    const decimals = this.kind === 'whale' && index === 1 ? 2 : contractDecimals(row.symbol);
    return html`<td class="num">${this.kind === 'whale' && index === 1 ? formatNumber(value, decimals) : formatSigned(value, decimals)}</td>`;
  }

  override render() {
    const rows = rowsOf(this.kind, this.positions);
    const columns = COLUMNS[this.kind];
    return html`<div class="scroll"><table data-kind=${this.kind} data-entity-id=${this.entityId}>
      <caption>${this.kind === 'whale' ? 'Whale positions' : 'Target vs actual'}
        <span class="muted">${this.updatedAt > 0 ? `· updated ${formatUtcClock(this.updatedAt)} UTC` : ''}</span></caption>
      <thead><tr><th>Symbol</th>${columns.map((c) => html`<th class="num">${c}</th>`)}</tr></thead>
      <tbody>
        ${rows.length === 0 ? html`<tr><td colspan=${columns.length + 1} class="muted">No open positions</td></tr>` : rows.map((row) => html`
          <tr class=${this.changed.has(row.symbol) ? 'changed' : ''} data-symbol=${row.symbol} data-off-target=${offTarget(row) ? 'true' : 'false'}>
            <td>${row.symbol}</td>${row.cells.map((value, i) => this.cell(row, value, i))}
          </tr>`)}
      </tbody>
    </table></div>`;
  }
}
