// Operator whales pages: the list with the add-whale form (Binance lead account, Hyperliquid address or
// TradingView strategy, whose webhook URL and alert template are shown ready to copy), and one whale.
import type { FollowView, FollowerView, WhalePositions, WhaleView } from '../../engine/types';
import { html, jsonAttr, type SafeHtml } from '../../server/html';
import { alertTemplate, webhookUrl } from '../tradingview';
import { count, csrfField, field, notice, select, shortId, stateBadge, table, time } from '../widgets';

const KIND_LABEL: Record<WhaleView['kind'], string> = { binanceusdm: 'Binance lead account', hyperliquid: 'Hyperliquid address', tradingview: 'TradingView strategy' };

export interface WhaleFormState {
  error?: string;
  kind?: WhaleView['kind'];
  name?: string;
  address?: string;
  /** Set right after a TradingView strategy was added: its secret is shown this once. */
  created?: { id: string; kind: WhaleView['kind']; secret?: string };
}

export function webhookSetup(enginePublicUrl: string, whaleId: string, secret: string | undefined): SafeHtml {
  const template = alertTemplate(whaleId, secret ?? '<the secret shown when the strategy was added>');
  return html`<div class="webhook">
  <p>Webhook URL <button type="button" data-copy="#wh-url-${whaleId}">Copy</button></p>
  <pre id="wh-url-${whaleId}">${webhookUrl(enginePublicUrl)}</pre>
  <p>Alert message <button type="button" data-copy="#wh-tpl-${whaleId}">Copy</button></p>
  <pre id="wh-tpl-${whaleId}">${template}</pre>
  ${secret === undefined ? '' : notice('info', 'The secret appears only now; the engine keeps only its hash. Copy the template before leaving this page.')}
</div>`;
}

function whaleRow(w: WhaleView): SafeHtml {
  return html`<tr data-whale-id="${w.id}">
  <td><a href="/console/whales/${encodeURIComponent(w.id)}">${w.name}</a></td><td>${KIND_LABEL[w.kind]}</td>
  <td><code>${w.address ?? shortId(w.id)}</code></td><td>${stateBadge(w.state)}</td><td>${time(w.createdAt)}</td></tr>`;
}

export function whalesSection(input: { whales: WhaleView[]; csrf: string; enginePublicUrl: string; form: WhaleFormState }): SafeHtml {
  const f = input.form;
  return html`<div id="whales-section" class="grid-2">
<section class="card" aria-labelledby="whales-h">
  <h2 id="whales-h">Whales</h2>
  ${table(count(input.whales.length, 'whale'), html`<tr><th>Name</th><th>Kind</th><th>Address / id</th><th>State</th><th>Added (UTC)</th></tr>`,
    input.whales.map(whaleRow), 'No whales yet.')}
</section>
<section class="card" aria-labelledby="add-whale-h">
  <h2 id="add-whale-h">Add a whale</h2>
  ${f.created === undefined ? '' : html`${notice('ok', html`Added <a href="/console/whales/${encodeURIComponent(f.created.id)}">${f.created.id}</a>.`)}
    ${f.created.kind === 'tradingview' ? webhookSetup(input.enginePublicUrl, f.created.id, f.created.secret) : ''}`}
  <form class="stack" method="post" action="/console/whales" hx-post="/console/whales" hx-target="#whales-section" hx-swap="outerHTML">
    ${csrfField(input.csrf)}
    ${f.error === undefined ? '' : notice('error', f.error)}
    ${select('kind', 'Kind', [['hyperliquid', KIND_LABEL.hyperliquid], ['binanceusdm', KIND_LABEL.binanceusdm], ['tradingview', KIND_LABEL.tradingview]], f.kind)}
    ${field({ name: 'name', label: 'Name', value: f.name, hint: 'Required for a TradingView strategy.' })}
    <fieldset><legend>Hyperliquid</legend>
      ${field({ name: 'address', label: 'Address', value: f.address, hint: '0x followed by 40 hex digits.', attrs: html`autocomplete="off" spellcheck="false"` })}
    </fieldset>
    <fieldset><legend>Binance lead account (read-only key)</legend>
      ${field({ name: 'apiKey', label: 'API key', attrs: html`autocomplete="off" spellcheck="false"` })}
      ${field({ name: 'secret', label: 'API secret', type: 'password', attrs: html`autocomplete="off"` })}
    </fieldset>
    <p class="muted">A TradingView strategy gets a fresh webhook secret; its URL and alert template appear here after adding.</p>
    <div class="actions"><button type="submit" class="primary">Add whale</button></div>
  </form>
</section>
</div>`;
}

export function whaleMain(input: {
  whale: WhaleView; positions: WhalePositions; follows: FollowView[]; followers: Map<string, FollowerView>; enginePublicUrl: string;
}): SafeHtml {
  const { whale } = input;
  return html`
<section class="card" aria-labelledby="whale-h">
  <h2 id="whale-h">${KIND_LABEL[whale.kind]}</h2>
  <dl class="kv"><dt>Id</dt><dd><code>${whale.id}</code></dd>
    ${whale.address === null ? '' : html`<dt>Address</dt><dd><code>${whale.address}</code></dd>`}
    <dt>Live book</dt><dd>${input.positions.loaded ? 'loaded' : 'not running in the engine'}</dd>
    <dt>Added</dt><dd>${time(whale.createdAt)}</dd></dl>
  <h3>Trading state</h3>
  <wc-state-switch scope="whale" entity-id="${whale.id}" label="${whale.name}" state="${whale.state}" action="/console/state"></wc-state-switch>
</section>
<section class="card"><wc-positions-table kind="whale" entity-id="${whale.id}" positions="${jsonAttr(input.positions.positions)}"></wc-positions-table></section>
${whale.kind === 'tradingview' ? html`<section class="card"><h2>TradingView alert</h2>${webhookSetup(input.enginePublicUrl, whale.id, undefined)}</section>` : ''}
<section class="card">
  ${table(input.follows.length === 1 ? '1 follower copies this whale' : `${input.follows.length} followers copy this whale`, html`<tr><th>Follower</th><th>Sizing</th><th>State</th></tr>`,
    input.follows.map((f) => html`<tr><td><a href="/console/followers/${encodeURIComponent(f.followerId)}">${input.followers.get(f.followerId)?.name ?? f.followerId}</a></td>
      <td>${f.sizing.mode === 'fixed_notional' ? `fixed ${f.sizing.usd} USD` : `${f.sizing.mode} × ${f.sizing.k}`}</td><td>${stateBadge(f.state)}</td></tr>`), 'Nobody follows this whale yet.')}
</section>
<section class="card"><h2>Live events of this whale</h2><wc-live-feed whale-id="${whale.id}" limit="100" style="--feed-height: 16rem"></wc-live-feed></section>`;
}
