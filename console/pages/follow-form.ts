// The follow form shared by the operator's follower page and the portal: which whale, sizing mode and
// its factor, and optional caps. Also parses the submitted fields into a follow. Pure.
import type { Caps, Sizing, WhaleView } from '../engine/types';
import { html, type SafeHtml } from '../server/html';
import { csrfField, field, notice, select } from './widgets';

export interface FollowFormInput {
  action: string;
  target: string;
  whales: WhaleView[];
  csrf: string;
  error?: string;
  /** Operators pick the follower; the portal sends its own. */
  followerId?: string;
}

export function followForm(input: FollowFormInput): SafeHtml {
  return html`<form class="stack" method="post" action="${input.action}" hx-post="${input.action}" hx-target="${input.target}" hx-swap="outerHTML">
  ${csrfField(input.csrf)}
  ${input.followerId === undefined ? '' : html`<input type="hidden" name="followerId" value="${input.followerId}">`}
  ${input.error === undefined ? '' : notice('error', input.error)}
  ${input.whales.length === 0 ? notice('info', 'There are no whales to follow yet.')
    : select('whaleId', 'Whale', input.whales.map((w) => [w.id, `${w.name} (${w.kind})`]))}
  ${select('mode', 'Sizing', [['proportional', 'Proportional: k × whale contracts'], ['equity', 'Equity: k × whale contracts × my equity / whale equity'], ['fixed_notional', 'Fixed notional: USD per position']])}
  ${field({ name: 'factor', label: 'k or USD', type: 'number', value: '1', required: true, attrs: html`step="any" min="0" inputmode="decimal"` })}
  <fieldset><legend>Caps (optional)</legend>
    ${field({ name: 'maxOrderNotional', label: 'Largest order (USD)', type: 'number', attrs: html`step="any" min="0" inputmode="decimal"` })}
    ${field({ name: 'maxPositionNotional', label: 'Largest position (USD)', type: 'number', attrs: html`step="any" min="0" inputmode="decimal"` })}
    ${field({ name: 'maxLeverage', label: 'Largest leverage', type: 'number', attrs: html`step="any" min="0" inputmode="decimal"` })}
  </fieldset>
  <div class="actions"><button type="submit" class="primary" ${input.whales.length === 0 ? html`disabled` : ''}>Follow</button></div>
</form>`;
}

export class FollowFormError extends Error {
  readonly code = 'follow_form_invalid' as const;
  constructor(message: string) {
    super(message);
    this.name = 'FollowFormError';
  }
}

const positive = (text: string | undefined, label: string): number | undefined => {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new FollowFormError(`${label} must be a number above 0.`);
  return value;
};

/** The follow the form describes; throws FollowFormError with a readable message. */
export function parseFollowForm(form: Map<string, string>): { whaleId: string; sizing: Sizing; caps: Caps } {
  const whaleId = form.get('whaleId')?.trim() ?? '';
  if (whaleId === '') throw new FollowFormError('Pick a whale.');
  const factor = positive(form.get('factor'), 'k or USD');
  if (factor === undefined) throw new FollowFormError('k or USD is required.');
  const mode = form.get('mode');
  const sizing: Sizing = mode === 'proportional' ? { mode, k: factor } : mode === 'equity' ? { mode, k: factor }
    : mode === 'fixed_notional' ? { mode, usd: factor } : (() => { throw new FollowFormError('Pick a sizing mode.'); })();
  const caps: Caps = {};
  const order = positive(form.get('maxOrderNotional'), 'Largest order');
  const position = positive(form.get('maxPositionNotional'), 'Largest position');
  const leverage = positive(form.get('maxLeverage'), 'Largest leverage');
  if (order !== undefined) caps.maxOrderNotional = order;
  if (position !== undefined) caps.maxPositionNotional = position;
  if (leverage !== undefined) caps.maxLeverage = leverage;
  return { whaleId, sizing, caps };
}

export const sizingText = (s: Sizing): string => (s.mode === 'fixed_notional' ? `fixed ${s.usd} USD` : `${s.mode} × ${s.k}`);
export const capsText = (c: Caps): string => [
  c.maxOrderNotional === undefined ? '' : `order ≤ ${c.maxOrderNotional} USD`,
  c.maxPositionNotional === undefined ? '' : `position ≤ ${c.maxPositionNotional} USD`,
  c.maxLeverage === undefined ? '' : `leverage ≤ ${c.maxLeverage}`,
].filter((s) => s !== '').join(', ') || 'none';
