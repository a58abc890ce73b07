// Styles every widget's shadow root shares: tables with right-aligned tabular numbers, fixed row
// heights (live updates never move the layout), badges and focus rings. CSS only.
import { css } from 'lit';

export const sharedStyles = css`
  :host { display: block; font: inherit; color: inherit; }
  table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 0.875rem; }
  caption { text-align: left; font-weight: 600; padding: 0 0 0.4rem; }
  th, td { padding: 0 0.5rem; height: 1.9rem; border-bottom: 1px solid var(--wc-line, #d5dae1); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  th { text-align: left; font-weight: 600; color: var(--wc-muted, #4a5563); background: var(--wc-head, #f3f5f8); }
  .num { text-align: right; font-variant-numeric: tabular-nums; font-family: var(--wc-mono, ui-monospace, 'SFMono-Regular', Menlo, monospace); }
  th.num { font-family: inherit; }
  .muted { color: var(--wc-muted, #4a5563); }
  .badge { display: inline-block; padding: 0 0.45rem; border-radius: 999px; font-size: 0.75rem; line-height: 1.35rem; border: 1px solid currentColor; }
  .state-active { color: #0a6b36; } .state-reducing { color: #8a5300; } .state-halted { color: #b3261e; }
  .buy { color: #0a6b36; } .sell { color: #b3261e; }
  button { font: inherit; padding: 0.35rem 0.8rem; border-radius: 6px; border: 1px solid #8792a2; background: #fff; cursor: pointer; }
  button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #1d5fd1; outline-offset: 2px; }
  button[disabled] { opacity: 0.55; cursor: default; }
  .scroll { overflow-x: auto; }
  /* Narrow screens scroll the table sideways instead of cutting numbers short. */
  .scroll table { min-width: 30rem; }
  /* Phone width: columns size to their content (numbers are never cut) and the table scrolls sideways. */
  @media (max-width: 40rem) { table { table-layout: auto; } td.num { overflow: visible; text-overflow: clip; } }
  @media (prefers-reduced-motion: no-preference) { tr.changed td { transition: background-color 1.2s ease-out; } }
  tr.changed td { background: #fff6cc; }
`;
