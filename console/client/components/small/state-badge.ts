// <wc-state-badge scope="engine|whale|follower" entity-id="…" state="…">: a trading-state badge that
// follows `wc-live` state events for its scope and id. Read-only (the switch is <wc-state-switch>).
import { html, LitElement } from 'lit';
import type { StateScope, TradingState } from '../../../shared/events';
import { onLive } from '../../live-source';
import { sharedStyles } from '../shared-styles';

export class StateBadge extends LitElement {
  static override styles = [sharedStyles];
  static override properties = {
    scope: { type: String },
    entityId: { type: String, attribute: 'entity-id' },
    state: { type: String, reflect: true },
  };

  declare scope: StateScope;
  declare entityId: string;
  declare state: TradingState;
  private unsubscribe: (() => void) | undefined;

  constructor() {
    super();
    this.scope = 'engine';
    this.entityId = '';
    this.state = 'active';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onLive((message) => {
      if (message.type === 'state' && message.scope === this.scope && (this.scope === 'engine' || message.id === this.entityId)) this.state = message.state;
    });
  }

  override disconnectedCallback(): void {
    this.unsubscribe?.();
    super.disconnectedCallback();
  }

  override render() {
    return html`<span class="badge state-${this.state}" data-state=${this.state}>${this.state === 'reducing' ? 'reducing only' : this.state}</span>`;
  }
}
