// <wc-latency-chart>: HDR percentile curves per hop (x: percentile on the nines scale, y: latency on a
// log scale) drawn as SVG, with p50/p99 per hop in the legend and a data table for screen readers.
// Attribute: curves (initial JSON {hop: [{percentile, ms}]}). Listens to `wc-live` latency messages.
import { html, LitElement, svg } from 'lit';
import type { LatencyCurves } from '../../../shared/events';
import { formatNumber, formatUtcClock } from '../../../shared/format';
import { onLive } from '../../live-source';
import { sharedStyles } from '../shared-styles';
import { chartGeometry, latencyAt } from './curve-geometry';
import { HOP_COLORS, latencyChartStyles } from './styles';

const BOX = { width: 760, height: 360, left: 64, right: 16, top: 16, bottom: 40 };

export class LatencyChart extends LitElement {
  static override styles = [sharedStyles, latencyChartStyles];
  static override properties = {
    curves: { type: Object },
    updatedAt: { state: true },
  };

  declare curves: LatencyCurves;
  declare updatedAt: number;
  private unsubscribe: (() => void) | undefined;

  constructor() {
    super();
    this.curves = {};
    this.updatedAt = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onLive((message) => {
      if (message.type !== 'latency') return;
      this.curves = message.curves;
      this.updatedAt = message.ts;
    });
  }

  override disconnectedCallback(): void {
    this.unsubscribe?.();
    super.disconnectedCallback();
  }

  override render() {
    const g = chartGeometry(this.curves, BOX);
    const color = (i: number) => HOP_COLORS[i % HOP_COLORS.length]!;
    const plotBottom = BOX.height - BOX.bottom;
    return html`
      <svg viewBox="0 0 ${BOX.width} ${BOX.height}" role="img" aria-label="Latency percentile curves per hop">
        <g class="grid">
          ${g.yTicks.map((t) => svg`<line x1=${BOX.left} x2=${BOX.width - BOX.right} y1=${t.at} y2=${t.at}></line>`)}
          ${g.xTicks.map((t) => svg`<line x1=${t.at} x2=${t.at} y1=${BOX.top} y2=${plotBottom}></line>`)}
        </g>
        <g class="axis">
          ${g.yTicks.map((t) => svg`<text x=${BOX.left - 6} y=${t.at + 4} text-anchor="end">${t.label}</text>`)}
          ${g.xTicks.map((t) => svg`<text x=${t.at} y=${plotBottom + 16} text-anchor="middle">${t.label}</text>`)}
          <text x=${BOX.left + (BOX.width - BOX.left - BOX.right) / 2} y=${BOX.height - 4} text-anchor="middle">percentile</text>
        </g>
        ${g.paths.map((p, i) => svg`<path class="curve" data-hop=${p.hop} d=${p.d} stroke=${color(i)}></path>`)}
        ${g.empty ? svg`<text x=${BOX.width / 2} y=${BOX.height / 2} text-anchor="middle" class="muted">No latency samples yet</text>` : ''}
      </svg>
      <div class="legend">
        ${g.paths.map((p, i) => {
          const points = this.curves[p.hop] ?? [];
          return html`<div><span class="swatch" style="background:${color(i)}"></span>${p.hop}
            <span class="num">p50 ${formatNumber(latencyAt(points, 50), 2)} ms</span>
            <span class="num">p99 ${formatNumber(latencyAt(points, 99), 2)} ms</span></div>`;
        })}
      </div>
      <p class="muted">${this.updatedAt > 0 ? `Updated ${formatUtcClock(this.updatedAt)} UTC` : 'Waiting for the first update…'}</p>
      <details><summary>Data table</summary>
        <table><thead><tr><th>Hop</th><th class="num">Percentile</th><th class="num">Latency (ms)</th></tr></thead>
        <tbody>${Object.entries(this.curves).flatMap(([hop, points]) => points.map((pt) => html`
          <tr><td>${hop}</td><td class="num">${formatNumber(pt.percentile, 4)}</td><td class="num">${formatNumber(pt.ms, 3)}</td></tr>`))}</tbody></table>
      </details>`;
  }
}
