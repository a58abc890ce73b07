// The browser bundle's entry: htmx for forms and fragments, the Lit widgets, the CSRF header on every
// htmx request, copy buttons, and the page's one live event stream. Bundled by Bun.build at startup.
import 'htmx.org';
import './components/latency-chart/define';
import './components/live-feed/define';
import './components/overview-panel/define';
import './components/positions-table/define';
import './components/small/define';
import './components/state-switch/define';
import { startLiveSource } from './live-source';

const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';

document.addEventListener('htmx:config:request', (event) => {
  const ctx = (event as CustomEvent<{ ctx: { request: { headers: Record<string, string> } } }>).detail.ctx;
  ctx.request.headers['X-CSRF-Token'] = meta('csrf-token');
});

// <button data-copy="#id">: copies the text of #id and says so in the button itself.
document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-copy]');
  if (button === null || button === undefined) return;
  const source = document.querySelector(button.dataset.copy ?? '');
  if (source === null) return;
  const label = button.textContent;
  void navigator.clipboard.writeText(source.textContent ?? '').then(
    () => { button.textContent = 'Copied'; },
    () => { button.textContent = 'Select and copy by hand'; },
  ).finally(() => setTimeout(() => { button.textContent = label; }, 1500));
});

const events = meta('wc-events');
if (events !== '') startLiveSource(events);
