// Styles of <wc-state-switch>: the state badge, the action buttons and the confirmation dialog.
import { css } from 'lit';

export const stateSwitchStyles = css`
  :host { display: block; }
  .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; min-height: 2.4rem; }
  .current { min-width: 8rem; }
  button.halted, button.flatten { border-color: #b3261e; color: #b3261e; }
  button[aria-pressed='true'] { background: #eef2f8; font-weight: 600; }
  dialog { border: 1px solid #8792a2; border-radius: 8px; padding: 1.2rem; max-width: 32rem; }
  dialog::backdrop { background: rgb(0 0 0 / 0.35); }
  dialog .actions { display: flex; gap: 0.6rem; justify-content: flex-end; margin-top: 1rem; }
  dialog button.confirm { background: #b3261e; color: #fff; border-color: #b3261e; }
  .error { color: #b3261e; min-height: 1.3rem; font-size: 0.875rem; }
`;
