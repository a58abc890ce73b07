// Styles of <wc-latency-chart>: a fixed aspect-ratio SVG (no layout jump when curves change), axis
// text, one colour per hop, the legend grid. CSS only.
import { css } from 'lit';

export const HOP_COLORS = ['#1d5fd1', '#b3261e', '#0a6b36', '#8a5300', '#6b2fb3', '#0e7490', '#9d174d', '#374151'];

export const latencyChartStyles = css`
  svg { width: 100%; height: auto; aspect-ratio: 760 / 360; display: block; background: #fff; border: 1px solid var(--wc-line, #d5dae1); border-radius: 6px; }
  .axis text { font-size: 11px; fill: #4a5563; font-family: inherit; }
  .grid line { stroke: #e5e8ee; }
  path.curve { fill: none; stroke-width: 2; }
  .legend { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 0.25rem 1rem; margin-top: 0.6rem; font-size: 0.875rem; }
  .legend .swatch { display: inline-block; width: 0.9rem; height: 0.25rem; vertical-align: middle; margin-right: 0.4rem; }
  .legend .num { display: inline-block; min-width: 5.5rem; }
`;
