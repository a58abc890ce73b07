// Venue key fields (Binance API key + secret, or Hyperliquid address + private key), the "check the key"
// result, and parsing the submitted fields. Keys are never rendered back into a page. Pure.
import type { KeyCheck, VenueKey } from '../engine/types';
import { formatNumber } from '../shared/format';
import { html, type SafeHtml } from '../server/html';
import { field, notice, select } from './widgets';

export function keyFields(checkUrl: string): SafeHtml {
  return html`${select('venue', 'Venue', [['binanceusdm', 'Binance USD-M futures'], ['hyperliquid', 'Hyperliquid']])}
  <fieldset><legend>Binance USD-M</legend>
    ${field({ name: 'apiKey', label: 'API key', attrs: html`autocomplete="off" spellcheck="false"` })}
    ${field({ name: 'secret', label: 'API secret', type: 'password', attrs: html`autocomplete="off"` })}
  </fieldset>
  <fieldset><legend>Hyperliquid</legend>
    ${field({ name: 'address', label: 'Account address', hint: '0x followed by 40 hex digits.', attrs: html`autocomplete="off" spellcheck="false"` })}
    ${field({ name: 'privateKey', label: 'Private key (API wallet or account)', type: 'password', attrs: html`autocomplete="off"` })}
  </fieldset>
  <div class="actions">
    <button type="button" hx-post="${checkUrl}" hx-target="#key-check" hx-swap="innerHTML">Check the key</button>
    <span class="htmx-indicator muted">checking…</span>
  </div>
  <div id="key-check" aria-live="polite"></div>`;
}

export class KeyFormError extends Error {
  readonly code = 'key_form_invalid' as const;
  constructor(message: string) {
    super(message);
    this.name = 'KeyFormError';
  }
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const PRIVATE_KEY = /^0x[0-9a-fA-F]{64}$/;
const TOKEN = /^\S{1,512}$/;

export function parseKeyForm(form: Map<string, string>): VenueKey {
  const venue = form.get('venue');
  const value = (name: string) => form.get(name)?.trim() ?? '';
  if (venue === 'binanceusdm') {
    const apiKey = value('apiKey');
    const secret = value('secret');
    if (!TOKEN.test(apiKey) || !TOKEN.test(secret)) throw new KeyFormError('Enter the API key and its secret (no spaces).');
    return { venue, apiKey, secret };
  }
  if (venue === 'hyperliquid') {
    const address = value('address');
    const privateKey = value('privateKey');
    if (!ADDRESS.test(address)) throw new KeyFormError('The address must be 0x followed by 40 hex digits.');
    if (!PRIVATE_KEY.test(privateKey)) throw new KeyFormError('The private key must be 0x followed by 64 hex digits.');
    return { venue, address, privateKey };
  }
  throw new KeyFormError('Pick a venue.');
}

export function keyCheckResult(check: KeyCheck): SafeHtml {
  if (check.ok && check.balance !== undefined) {
    return notice('ok', html`The key works. Balance: <span class="num" data-balance="${String(check.balance.total)}">${formatNumber(check.balance.total, 2)}</span> ${check.balance.currency}
      (${formatNumber(check.balance.free, 2)} free).`);
  }
  return notice('error', `The key does not work: ${check.error ?? 'unknown reason'}.`);
}
