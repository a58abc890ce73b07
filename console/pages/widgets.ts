// Small server-rendered pieces shared by the pages: numbers and times cells, state badges, messages,
// form fields and the CSRF field. Pure template functions; no data fetching.
import { contractDecimals, formatNumber, formatSigned, formatUtc, relativeAge } from '../shared/format';
import type { TradingState } from '../shared/events';
import { html, type HtmlValue, type SafeHtml } from '../server/html';

export const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}">`;

export const num = (value: number | null | undefined, decimals: number) => html`<td class="num">${formatNumber(value, decimals)}</td>`;
export const signedNum = (value: number | null | undefined, decimals: number) => html`<td class="num">${formatSigned(value, decimals)}</td>`;
export const contracts = (symbol: string, value: number) => signedNum(value, contractDecimals(symbol));

/** UTC time with a live relative age (wc-time refreshes the age every second). */
export function time(iso: string | number, nowMs = Date.now()): SafeHtml {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  return html`<wc-time ts="${String(ms)}"><time datetime="${new Date(ms).toISOString()}">${formatUtc(ms)}</time> <span class="age">${relativeAge(ms, nowMs)}</span></wc-time>`;
}

const STATE_LABEL: Record<TradingState, string> = { active: 'active', reducing: 'reducing only', halted: 'halted' };
export const stateBadge = (state: TradingState) => html`<span class="badge state-${state}">${STATE_LABEL[state]}</span>`;

export const notice = (kind: 'error' | 'ok' | 'info', message: HtmlValue) =>
  html`<div class="notice ${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${message}</div>`;

export interface FieldInput {
  name: string;
  label: string;
  type?: string;
  value?: string;
  required?: boolean;
  autocomplete?: string;
  hint?: string;
  attrs?: SafeHtml;
}

export function field(input: FieldInput): SafeHtml {
  const id = `f-${input.name}`;
  return html`<div class="field">
  <label for="${id}">${input.label}</label>
  <input id="${id}" name="${input.name}" type="${input.type ?? 'text'}" ${input.value === undefined ? '' : html`value="${input.value}"`}
    ${input.required ? html`required` : ''} ${input.autocomplete === undefined ? '' : html`autocomplete="${input.autocomplete}"`}
    ${input.hint === undefined ? '' : html`aria-describedby="${id}-hint"`} ${input.attrs ?? ''}>
  ${input.hint === undefined ? '' : html`<small id="${id}-hint" class="hint">${input.hint}</small>`}
</div>`;
}

export function select(name: string, label: string, options: [value: string, text: string][], selected?: string): SafeHtml {
  return html`<div class="field"><label for="f-${name}">${label}</label><select id="f-${name}" name="${name}">${options.map(([value, text]) =>
    html`<option value="${value}" ${value === selected ? html`selected` : ''}>${text}</option>`)}</select></div>`;
}

let tableCount = 0;

/**
 * A titled table in a scrolling wrapper (phones scroll the table, never the page), with an empty-state
 * row. The title sits outside the scroller so it always reads whole; the table is labelled by it.
 */
export function table(caption: string, head: SafeHtml, rows: SafeHtml[], empty: string, attrs?: SafeHtml): SafeHtml {
  const id = `tbl-${++tableCount}`;
  return html`<p class="table-title" id="${id}">${caption}</p><div class="table-wrap"><table aria-labelledby="${id}" ${attrs ?? ''}><thead>${head}</thead>
<tbody>${rows.length === 0 ? html`<tr class="empty"><td colspan="99">${empty}</td></tr>` : rows}</tbody></table></div>`;
}

/** `1 whale`, `2 whales`. */
export const count = (n: number, singular: string, plural = `${singular}s`) => `${n} ${n === 1 ? singular : plural}`;

export const shortId = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…` : id);
