// Operator overview page: the engine's trading-state switch, the live overview widget (feeds, whales,
// followers online, orders/s, latency per hop, shard lag, dead letters) and the latest live events.
import type { Overview, TradingState } from '../../shared/events';
import { html, jsonAttr } from '../../server/html';
import { notice } from '../widgets';

export function overviewMain(input: { overview: Overview | null; engineState: TradingState; unavailable?: string }) {
  return html`
<section class="card" aria-labelledby="engine-state-h">
  <h2 id="engine-state-h">Engine trading state</h2>
  <wc-state-switch scope="engine" state="${input.engineState}" action="/console/state"></wc-state-switch>
</section>
${input.unavailable === undefined ? '' : notice('error', input.unavailable)}
<section class="card" aria-labelledby="overview-h">
  <h2 id="overview-h">Engine</h2>
  <wc-overview overview="${jsonAttr(input.overview)}"></wc-overview>
</section>
<section class="card" aria-labelledby="feed-h">
  <h2 id="feed-h">Latest events</h2>
  <wc-live-feed limit="50" style="--feed-height: 18rem"></wc-live-feed>
  <p><a href="/console/feed">Full live feed</a></p>
</section>`;
}
