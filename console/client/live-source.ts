// The page's one EventSource to the console server: every live message is re-dispatched on `document`
// as a `wc-live` CustomEvent. Widgets subscribe with onLive(); none of them opens its own connection.
import type { LiveMessage } from '../shared/events';

export const LIVE_EVENT = 'wc-live';

/** A message of the browser's own link to the console (EventSource open or retrying). */
export interface BrowserLink { type: 'browser-link'; connected: boolean }
export type LiveDetail = LiveMessage | BrowserLink;

export function onLive(handler: (message: LiveDetail) => void): () => void {
  const listener = (event: Event) => handler((event as CustomEvent<LiveDetail>).detail);
  document.addEventListener(LIVE_EVENT, listener);
  return () => document.removeEventListener(LIVE_EVENT, listener);
}

const emit = (detail: LiveDetail) => document.dispatchEvent(new CustomEvent<LiveDetail>(LIVE_EVENT, { detail }));

export function startLiveSource(url: string): EventSource {
  const source = new EventSource(url);
  source.onopen = () => emit({ type: 'browser-link', connected: true });
  source.onerror = () => emit({ type: 'browser-link', connected: false });
  source.onmessage = (event: MessageEvent<string>) => {
    let message: LiveMessage;
    try {
      message = JSON.parse(event.data) as LiveMessage;
    } catch {
      return;
    }
    emit(message);
  };
  return source;
}

/** Calls `flush` at most once per animation frame with everything received since the last call. */
export function frameBatcher<T>(flush: (items: T[]) => void): (item: T) => void {
  let pending: T[] = [];
  let scheduled = false;
  return (item) => {
    pending.push(item);
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      const items = pending;
      pending = [];
      flush(items);
    });
  };
}
