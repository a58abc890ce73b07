// Styles of <wc-live-feed>: a fixed-layout table with fixed column widths and row heights, so rows
// arriving at any rate never move anything but the rows below. CSS only.
import { css } from 'lit';

export const liveFeedStyles = css`
  .toolbar { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin-bottom: 0.5rem; font-size: 0.875rem; }
  .toolbar label { display: inline-flex; gap: 0.3rem; align-items: center; }
  .body { height: var(--feed-height, 24rem); overflow: auto; border: 1px solid var(--wc-line, #d5dae1); border-radius: 6px; }
  table { min-width: 52rem; }
  thead th { position: sticky; top: 0; }
  col.time { width: 7.5rem; } col.type { width: 5.5rem; } col.id { width: 7rem; } col.symbol { width: 9rem; }
  col.side { width: 3.5rem; } col.amount { width: 7.5rem; }
  .type-denied td.type, .type-skipped td.type { color: #8a5300; }
  .type-report td.type { color: #1d5fd1; }
  .dropped { min-height: 1.4rem; font-size: 0.8rem; color: #8a5300; }
`;
