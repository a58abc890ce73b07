// <wc-time ts="epoch ms">: keeps the server-rendered UTC time and refreshes its `.age` child ("12 s
// ago") once a second from one shared ticker. Light DOM (no shadow root), so nothing moves on upgrade.
import { relativeAge } from '../../../shared/format';

const live = new Set<TimeAgo>();
let ticker: ReturnType<typeof setInterval> | undefined;

export class TimeAgo extends HTMLElement {
  connectedCallback(): void {
    live.add(this);
    ticker ??= setInterval(() => { for (const el of live) el.refresh(); }, 1000);
  }

  disconnectedCallback(): void {
    live.delete(this);
    if (live.size === 0 && ticker !== undefined) {
      clearInterval(ticker);
      ticker = undefined;
    }
  }

  refresh(): void {
    const age = this.querySelector('.age');
    const ts = Number(this.getAttribute('ts'));
    if (age !== null && Number.isFinite(ts)) age.textContent = relativeAge(ts, Date.now());
  }
}
