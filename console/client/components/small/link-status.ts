// <wc-link-status>: "live" while the page's event stream and the console's engine link are both up,
// otherwise says which one is down. Listens to `wc-live` link messages; fixed width.
import { css, html, LitElement } from 'lit';
import { onLive } from '../../live-source';

export class LinkStatus extends LitElement {
  static override styles = css`
    :host { display: inline-block; min-width: 9rem; font-size: 0.8rem; }
    .dot { display: inline-block; width: 0.55rem; height: 0.55rem; border-radius: 50%; margin-right: 0.35rem; background: #b3261e; }
    .up .dot { background: #0a6b36; }
  `;
  static override properties = { browser: { state: true }, engine: { state: true } };

  declare browser: boolean;
  declare engine: boolean;
  private unsubscribe: (() => void) | undefined;

  constructor() {
    super();
    this.browser = false;
    this.engine = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onLive((message) => {
      if (message.type === 'browser-link') this.browser = message.connected;
      if (message.type === 'link') this.engine = message.connected;
    });
  }

  override disconnectedCallback(): void {
    this.unsubscribe?.();
    super.disconnectedCallback();
  }

  override render() {
    const up = this.browser && this.engine;
    const text = up ? 'live' : !this.browser ? 'reconnecting…' : 'engine link down';
    return html`<span class=${up ? 'up' : 'down'} role="status" data-live=${up ? 'true' : 'false'}><span class="dot"></span>${text}</span>`;
  }
}
