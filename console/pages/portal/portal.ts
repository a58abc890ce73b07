// Follower portal pages: home (own state with pause, live target vs actual, own live events), the
// venue key form (checked before it is saved, never echoed), and orders, fills and PnL.
import type { FillView, FollowerPositions, FollowerView, OrderView } from '../../engine/types';
import type { TradingState } from '../../shared/events';
import { formatNumber } from '../../shared/format';
import { html, jsonAttr, type SafeHtml } from '../../server/html';
import { keyFields } from '../key-form';
import { ORDER_HEAD, orderRows } from '../operator/followers';
import { csrfField, notice, num, signedNum, stateBadge, table, time } from '../widgets';
import { fillsFromOrders, realizedPnl } from './pnl';

export function noKeyYet(): SafeHtml {
  return html`<section class="card"><h2>Connect your venue account</h2>
  <p>Copying starts once your venue key is saved. The key is checked first (connectivity and balance), stored encrypted and never shown again.</p>
  <p><a href="/portal/key">Add your venue key</a></p></section>`;
}

export function pauseSection(follower: FollowerView, engineState: TradingState, csrf: string, message?: SafeHtml): SafeHtml {
  const paused = follower.state === 'halted';
  return html`<section id="pause-section" class="card" aria-labelledby="state-h"><h2 id="state-h">Copying</h2>
  <dl class="kv"><dt>My copying</dt><dd><wc-state-badge scope="follower" entity-id="${follower.id}" state="${follower.state}">${stateBadge(follower.state)}</wc-state-badge></dd>
    <dt>Engine</dt><dd><wc-state-badge scope="engine" state="${engineState}">${stateBadge(engineState)}</wc-state-badge></dd></dl>
  <p class="muted">Orders are sent only while both are active (reducing only: orders that shrink positions).</p>
  ${message ?? ''}
  ${paused ? html`<p class="muted">Copying is paused: no new orders are sent for you. Only an operator can resume it.</p>`
    : html`<form method="post" action="/portal/pause" hx-post="/portal/pause" hx-target="#pause-section" hx-swap="outerHTML" class="stack">
      ${csrfField(csrf)}
      <p class="muted">Pausing stops every new order for your account at once; open positions stay. Resuming is done by an operator.</p>
      <label class="check"><input type="checkbox" name="confirm" value="yes" required> I want to pause my copying</label>
      <div class="actions"><button type="submit" class="danger">Pause my copying</button></div></form>`}
</section>`;
}

export function portalHome(input: { follower: FollowerView; engineState: TradingState; positions: FollowerPositions; csrf: string }): SafeHtml {
  return html`${pauseSection(input.follower, input.engineState, input.csrf)}
<section class="card"><wc-positions-table kind="follower" entity-id="${input.follower.id}" positions="${jsonAttr(input.positions.positions)}"></wc-positions-table>
  ${input.positions.loaded ? '' : html`<p class="muted">The engine has not loaded your account yet.</p>`}</section>
<section class="card"><h2>My live events</h2><wc-live-feed follower-id="${input.follower.id}" limit="100" style="--feed-height: 16rem"></wc-live-feed></section>`;
}

export function keySection(input: { csrf: string; venue: string | null; error?: string; saved?: { currency: string; total: number } }): SafeHtml {
  return html`<section id="key-section" class="card">
  ${input.venue === null ? html`<p>Add the API key of your futures account. It is checked before it is saved.</p>`
    : html`<p>Your ${input.venue} key is saved. Enter a new one to replace it (same venue).</p>`}
  ${input.saved === undefined ? '' : notice('ok', html`Saved. Balance ${formatNumber(input.saved.total, 2)} ${input.saved.currency}. <a href="/portal">Go to my copying</a>`)}
  <form class="stack" method="post" action="/portal/key" hx-post="/portal/key" hx-target="#key-section" hx-swap="outerHTML" autocomplete="off">
    ${csrfField(input.csrf)}
    ${input.error === undefined ? '' : notice('error', input.error)}
    ${keyFields('/portal/key/check')}
    <div class="actions"><button type="submit" class="primary">Check and save the key</button></div>
  </form></section>`;
}

export function historyMain(input: { orders: OrderView[]; fills: FillView[] }): SafeHtml {
  // The venue's fills when the engine journals them; otherwise the filled orders (average price, no fees).
  const fromFills = input.fills.length > 0;
  const pnl = realizedPnl(fromFills ? input.fills : fillsFromOrders(input.orders));
  const caption = fromFills ? 'Realized PnL from fills (average cost; fees in the quote currency)' : 'Realized PnL from filled orders (average cost; fees not included)';
  return html`
<section class="card">${table(caption,
    html`<tr><th>Symbol</th><th class="num">Position</th><th class="num">Avg entry</th><th class="num">Realized</th><th class="num">Fees</th><th class="num">Net</th></tr>`,
    pnl.map((p) => html`<tr data-symbol="${p.symbol}"><td>${p.symbol}</td>${signedNum(p.position, 5)}${num(p.avgEntry, 2)}${signedNum(p.realized, 2)}${num(p.fees, 2)}${signedNum(p.net, 2)}</tr>`),
    'No fills yet.')}</section>
<section class="card">${table('Fills', html`<tr><th>Time (UTC)</th><th>Symbol</th><th>Side</th><th class="num">Amount</th><th class="num">Price</th><th class="num">Fee</th></tr>`,
    input.fills.map((f) => html`<tr><td>${time(f.ts)}</td><td>${f.symbol}</td><td class="${f.side}">${f.side}</td>${num(f.amount, 5)}${num(f.price, 2)}${num(f.fee, 4)}</tr>`), 'No fills yet.')}</section>
<section class="card">${table('Orders', ORDER_HEAD, orderRows(input.orders), 'No orders yet.')}</section>`;
}
