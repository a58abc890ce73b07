// <wc-state-switch>: the trading-state switch of the engine, a whale or a follower: halt, reducing-only,
// resume or flatten, each behind a confirmation dialog, posted with the page's CSRF token.
// Attributes: scope, entity-id, state, label, action (POST URL). Listens to `wc-live` state events.
// Emits `state-changed` (detail: {scope, id, state}) after the console accepted a change.
import { html, LitElement } from 'lit';
import type { StateScope, TradingState } from '../../../shared/events';
import { onLive } from '../../live-source';
import { sharedStyles } from '../shared-styles';
import { ACTION_LABEL, changeFor, confirmationText, isCurrent, STATE_ACTIONS, type StateAction } from './state-model';
import { stateSwitchStyles } from './styles';

const csrfToken = () => document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';

export class StateSwitch extends LitElement {
  static override styles = [sharedStyles, stateSwitchStyles];
  static override properties = {
    scope: { type: String },
    entityId: { type: String, attribute: 'entity-id' },
    state: { type: String, reflect: true },
    label: { type: String },
    action: { type: String },
    pending: { state: true },
    busy: { state: true },
    error: { state: true },
  };

  declare scope: StateScope;
  declare entityId: string;
  declare state: TradingState;
  declare label: string;
  declare action: string;
  declare pending: StateAction | undefined;
  declare busy: boolean;
  declare error: string;
  private unsubscribe: (() => void) | undefined;

  constructor() {
    super();
    this.scope = 'engine';
    this.entityId = '';
    this.state = 'active';
    this.label = '';
    this.action = '/console/state';
    this.pending = undefined;
    this.busy = false;
    this.error = '';
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

  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  private ask(action: StateAction): void {
    this.pending = action;
    this.error = '';
    void this.updateComplete.then(() => {
      this.dialog.showModal();
      this.renderRoot.querySelector<HTMLButtonElement>('dialog button.cancel')?.focus();
    });
  }

  private cancel(): void {
    this.dialog.close();
    this.pending = undefined;
  }

  private async confirm(): Promise<void> {
    const action = this.pending;
    if (action === undefined) return;
    this.busy = true;
    try {
      const change = changeFor(action, this.scope, this.entityId);
      const response = await fetch(this.action, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrfToken() },
        body: JSON.stringify(change),
        credentials: 'same-origin',
      });
      const reply = await response.json().catch(() => ({})) as { error?: string; state?: TradingState };
      if (!response.ok) {
        this.error = reply.error ?? `The change was refused (${response.status}).`;
        return;
      }
      this.state = reply.state ?? change.state;
      this.dialog.close();
      this.pending = undefined;
      this.dispatchEvent(new CustomEvent('state-changed', { detail: { scope: this.scope, id: this.entityId, state: this.state }, bubbles: true, composed: true }));
    } catch {
      this.error = 'The console could not be reached.';
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const pending = this.pending;
    return html`
      <div class="row" role="group" aria-label="Trading state of ${this.scope === 'engine' ? 'the engine' : `${this.scope} ${this.label || this.entityId}`}">
        <span class="current">State: <span class="badge state-${this.state}" data-state=${this.state}>${this.state === 'reducing' ? 'reducing only' : this.state}</span></span>
        ${STATE_ACTIONS.map((action) => html`<button type="button" class=${action} data-action=${action}
          aria-pressed=${isCurrent(action, this.state) ? 'true' : 'false'} ?disabled=${isCurrent(action, this.state)}
          @click=${() => this.ask(action)}>${ACTION_LABEL[action]}</button>`)}
      </div>
      <div class="error" role="alert">${pending === undefined ? this.error : ''}</div>
      <dialog aria-labelledby="confirm-title" @cancel=${() => { this.pending = undefined; }}>
        <h2 id="confirm-title">${pending === undefined ? '' : `${ACTION_LABEL[pending]}?`}</h2>
        <p>${pending === undefined ? '' : confirmationText(pending, this.scope, this.entityId, this.label)}</p>
        <div class="error" role="alert">${this.error}</div>
        <div class="actions">
          <button type="button" class="cancel" @click=${() => this.cancel()}>Cancel</button>
          <button type="button" class="confirm" ?disabled=${this.busy} @click=${() => this.confirm()}>${pending === undefined ? '' : `Confirm ${ACTION_LABEL[pending].toLowerCase()}`}</button>
        </div>
      </dialog>`;
  }
}
