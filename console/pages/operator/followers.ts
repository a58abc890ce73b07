// Operator followers pages: the list (state, live drift, last error) with the add-follower form (key
// checked before saving), and one follower (state switch, live target vs actual, follows, orders).
import type { FollowView, FollowerPositions, FollowerView, OrderView, WhaleView } from '../../engine/types';
import { html, jsonAttr, type SafeHtml } from '../../server/html';
import { capsText, followForm, sizingText } from '../follow-form';
import { keyFields } from '../key-form';
import { count, csrfField, field, notice, num, shortId, stateBadge, table, time } from '../widgets';

export interface FollowerFormState {
  error?: string;
  name?: string;
  created?: string;
}

function followerRow(f: FollowerView): SafeHtml {
  return html`<tr data-follower-id="${f.id}">
  <td><a href="/console/followers/${encodeURIComponent(f.id)}">${f.name}</a></td><td>${f.venue}</td><td>${stateBadge(f.state)}</td>
  <td><wc-drift follower-id="${f.id}"></wc-drift></td><td class="wrap">${f.lastError ?? html`<span class="muted">none</span>`}</td><td>${time(f.createdAt)}</td></tr>`;
}

export function followersSection(input: { followers: FollowerView[]; csrf: string; form: FollowerFormState }): SafeHtml {
  const f = input.form;
  return html`<div id="followers-section" class="grid-2">
<section class="card" aria-labelledby="followers-h">
  <h2 id="followers-h">Followers</h2>
  ${table(count(input.followers.length, 'follower'), html`<tr><th>Name</th><th>Venue</th><th>State</th><th>Positions</th><th>Last error</th><th>Added (UTC)</th></tr>`,
    input.followers.map(followerRow), 'No followers yet.')}
</section>
<section class="card" aria-labelledby="add-follower-h">
  <h2 id="add-follower-h">Add a follower</h2>
  ${f.created === undefined ? '' : notice('ok', html`Added <a href="/console/followers/${encodeURIComponent(f.created)}">${f.created}</a>; the key was checked first.`)}
  <form class="stack" method="post" action="/console/followers" hx-post="/console/followers" hx-target="#followers-section" hx-swap="outerHTML">
    ${csrfField(input.csrf)}
    ${f.error === undefined ? '' : notice('error', f.error)}
    ${field({ name: 'name', label: 'Name', value: f.name, required: true, attrs: html`maxlength="100"` })}
    ${keyFields('/console/followers/check')}
    <div class="actions"><button type="submit" class="primary">Check and add follower</button></div>
  </form>
</section>
</div>`;
}

export function orderRows(orders: OrderView[]): SafeHtml[] {
  return orders.map((o) => html`<tr data-client-order-id="${o.clientOrderId}">
    <td>${time(o.createdAt)}</td><td>${o.symbol}</td><td class="${o.side}">${o.side}</td>${num(o.amount, 5)}${num(o.filledAmount, 5)}${num(o.avgPrice, 2)}
    <td>${o.status}</td><td class="wrap">${o.error ?? ''}</td></tr>`);
}

export const ORDER_HEAD = html`<tr><th>Time (UTC)</th><th>Symbol</th><th>Side</th><th class="num">Amount</th><th class="num">Filled</th><th class="num">Avg price</th><th>Status</th><th>Error</th></tr>`;

export function followsSection(input: { follows: FollowView[]; whales: WhaleView[]; followerId: string; csrf: string; error?: string; deleteBase: string; createUrl: string }): SafeHtml {
  const names = new Map(input.whales.map((w) => [w.id, w.name]));
  return html`<div id="follows-section" class="grid-2">
<section class="card">
  ${table(`Follows (${input.follows.length})`, html`<tr><th>Whale</th><th>Sizing</th><th>Caps</th><th>State</th><th><span class="visually-hidden">Actions</span></th></tr>`,
    input.follows.map((f) => html`<tr data-follow-id="${f.id}"><td>${names.get(f.whaleId) ?? shortId(f.whaleId)}</td><td>${sizingText(f.sizing)}</td>
      <td class="wrap">${capsText(f.caps)}</td><td>${stateBadge(f.state)}</td>
      <td><form class="inline" method="post" action="${input.deleteBase}/${encodeURIComponent(f.id)}/delete" hx-post="${input.deleteBase}/${encodeURIComponent(f.id)}/delete" hx-target="#follows-section" hx-swap="outerHTML">
        ${csrfField(input.csrf)}<button type="submit" class="danger">Unfollow</button></form></td></tr>`), 'Not following any whale.')}
</section>
<section class="card"><h2>Follow a whale</h2>
  ${followForm({ action: input.createUrl, target: '#follows-section', whales: input.whales, csrf: input.csrf, error: input.error, followerId: input.followerId })}
</section>
</div>`;
}

export function followerMain(input: {
  follower: FollowerView; positions: FollowerPositions; follows: SafeHtml; orders: OrderView[];
}): SafeHtml {
  const { follower } = input;
  return html`
<section class="card" aria-labelledby="follower-h">
  <h2 id="follower-h">${follower.venue} account</h2>
  <dl class="kv"><dt>Id</dt><dd><code>${follower.id}</code></dd>
    ${follower.address === null ? '' : html`<dt>Address</dt><dd><code>${follower.address}</code></dd>`}
    <dt>Live book</dt><dd>${input.positions.loaded ? 'loaded' : 'not running in the engine'}</dd>
    <dt>Last error</dt><dd>${follower.lastError ?? 'none'}</dd><dt>Added</dt><dd>${time(follower.createdAt)}</dd></dl>
  <h3>Trading state</h3>
  <wc-state-switch scope="follower" entity-id="${follower.id}" label="${follower.name}" state="${follower.state}" action="/console/state"></wc-state-switch>
</section>
<section class="card"><wc-positions-table kind="follower" entity-id="${follower.id}" positions="${jsonAttr(input.positions.positions)}"></wc-positions-table></section>
${input.follows}
<section class="card"><h2>Live events of this follower</h2><wc-live-feed follower-id="${follower.id}" limit="100" style="--feed-height: 16rem"></wc-live-feed></section>
<section class="card">${table('Latest orders', ORDER_HEAD, orderRows(input.orders), 'No orders yet.')}</section>`;
}
