// Operator operations pages: the full live feed, the latency panel, the trading-state board, the
// dead-letter stream (retry, discard) and the audit log.
import type { AuditView, DeadLetterView, FollowerView, StateSnapshot, WhaleView } from '../../engine/types';
import type { LatencyCurves } from '../../shared/events';
import { html, jsonAttr, type SafeHtml } from '../../server/html';
import { count, csrfField, notice, shortId, table, time } from '../widgets';

export const feedMain = () => html`<section class="card"><p class="muted">Signals, orders, denials, skips and state changes as the engine emits them.
  A page that falls behind skips the oldest events and says so; the engine is never slowed down.</p>
  <wc-live-feed limit="500" style="--feed-height: 70vh"></wc-live-feed></section>`;

export const latencyMain = (curves: LatencyCurves | null, unavailable?: string) => html`<section class="card">
  <p class="muted">HDR percentile curves per hop: the x axis spreads 90%, 99%, 99.9% evenly; the y axis is logarithmic.</p>
  ${unavailable === undefined ? '' : notice('error', unavailable)}
  <wc-latency-chart curves="${jsonAttr(curves ?? {})}"></wc-latency-chart></section>`;

export function stateMain(input: { states: StateSnapshot; whales: WhaleView[]; followers: FollowerView[] }): SafeHtml {
  const sw = (scope: 'whale' | 'follower', id: string, label: string, state: string) =>
    html`<wc-state-switch scope="${scope}" entity-id="${id}" label="${label}" state="${state}" action="/console/state"></wc-state-switch>`;
  return html`
<section class="card" aria-labelledby="engine-h"><h2 id="engine-h">Engine</h2>
  <wc-state-switch scope="engine" state="${input.states.engine}" action="/console/state"></wc-state-switch>
  <p class="muted">Every change asks for confirmation and is recorded in the <a href="/console/audit">audit log</a>.</p></section>
<section class="card"><h2>Whales</h2>
  ${table(count(input.whales.length, 'whale'), html`<tr><th>Whale</th><th>State switch</th></tr>`,
    input.whales.map((w) => html`<tr><td><a href="/console/whales/${encodeURIComponent(w.id)}">${w.name}</a></td><td>${sw('whale', w.id, w.name, input.states.whales[w.id] ?? w.state)}</td></tr>`), 'No whales.')}
</section>
<section class="card"><h2>Followers</h2>
  ${table(count(input.followers.length, 'follower'), html`<tr><th>Follower</th><th>State switch</th></tr>`,
    input.followers.map((f) => html`<tr><td><a href="/console/followers/${encodeURIComponent(f.id)}">${f.name}</a></td><td>${sw('follower', f.id, f.name, input.states.followers[f.id] ?? f.state)}</td></tr>`), 'No followers.')}
</section>`;
}

export function deadLetterRow(d: DeadLetterView, csrf: string, outcome?: string): SafeHtml {
  const base = `/console/dead-letters/${d.shard}/${encodeURIComponent(d.deadId)}`;
  const orders = d.batch === null ? 'undecodable payload' : d.batch.signals.map((s) => `${s.side} ${s.amount} ${s.symbol} → ${shortId(s.followerId)}`).join('; ');
  return html`<tr id="dl-${d.shard}-${d.deadId}" data-dead-id="${d.deadId}">
  <td class="num">${d.shard}</td><td><code>${d.deadId}</code></td><td>${time(d.deadAtMs)}</td><td>${d.reason}</td><td class="num">${d.deliveries}</td>
  <td class="wrap">${d.batch === null ? '' : html`whale ${shortId(d.batch.whaleId)} seq ${d.batch.whaleSeq}: `}${orders}</td><td class="wrap">${d.error}</td>
  <td>${outcome !== undefined ? html`<span class="badge">${outcome}</span>` : html`<div class="actions">
    <button type="button" hx-post="${base}/retry" hx-target="closest tr" hx-swap="outerHTML">Retry</button>
    <button type="button" class="danger" hx-post="${base}/discard" hx-target="closest tr" hx-swap="outerHTML">Discard</button></div>`}
    ${csrfField(csrf)}</td></tr>`;
}

export function deadLettersMain(input: { letters: DeadLetterView[]; csrf: string }): SafeHtml {
  return html`<section class="card"><p class="muted">Signal batches the executors gave up on, oldest first. Retry puts one back on its shard stream; discard drops it.</p>
  ${table(count(input.letters.length, 'dead letter'), html`<tr><th class="num">Shard</th><th>Id</th><th>Dead since (UTC)</th><th>Reason</th><th class="num">Deliveries</th><th>Orders</th><th>Error</th><th>Action</th></tr>`,
    input.letters.map((d) => deadLetterRow(d, input.csrf)), 'The dead-letter streams are empty.')}</section>`;
}

export function auditMain(input: { items: AuditView[]; next: number | null }): SafeHtml {
  return html`<section class="card">
  ${table('Audit log, newest first', html`<tr><th>Time (UTC)</th><th>Actor</th><th>Action</th><th>Target</th><th>Detail</th></tr>`,
    input.items.map((a) => html`<tr data-action="${a.action}"><td>${time(a.ts)}</td><td><code>${a.actor}</code></td><td>${a.action}</td><td><code>${a.target}</code></td>
      <td class="wrap"><code>${a.detail === null ? '' : JSON.stringify(a.detail)}</code></td></tr>`), 'Nothing recorded yet.')}
  ${input.next === null ? '' : html`<p><a href="/console/audit?beforeId=${String(input.next)}">Older entries</a></p>`}
</section>`;
}
