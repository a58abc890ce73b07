// <wc-drift follower-id="…">: how far a follower is from its targets, live: "in sync", "n off target"
// or "no live book". Listens to `wc-live` follower messages for its id.
import { html, LitElement } from 'lit';
import { driftOf, type FollowerPosition } from '../../../shared/events';
import { onLive } from '../../live-source';
import { sharedStyles } from '../shared-styles';

export class DriftBadge extends LitElement {
  static override styles = [sharedStyles];
  static override properties = { followerId: { type: String, attribute: 'follower-id' }, positions: { type: Array } };

  declare followerId: string;
  declare positions: FollowerPosition[] | null;
  private unsubscribe: (() => void) | undefined;

  constructor() {
    super();
    this.followerId = '';
    this.positions = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onLive((message) => {
      if (message.type === 'follower' && message.followerId === this.followerId) this.positions = message.positions;
    });
  }

  override disconnectedCallback(): void {
    this.unsubscribe?.();
    super.disconnectedCallback();
  }

  override render() {
    if (this.positions === null) return html`<span class="muted">no live book</span>`;
    const off = this.positions.filter((p) => Math.abs(driftOf(p)) > 1e-9).length;
    return off === 0 ? html`<span class="state-active">in sync</span>` : html`<span class="state-reducing">${off} off target</span>`;
  }
}
