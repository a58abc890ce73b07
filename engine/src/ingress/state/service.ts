// Trading-state use cases: persist (whale and follower rows; the engine's state lives in the audit log),
// apply to the running engine, announce it (live event, control stream), optionally flatten. No HTTP here.
import { encodeControl } from '../../bus';
import type { Clock } from '../../core';
import type { EventHub } from '../../events';
import type { TradingState } from '../../model';
import type { AuditRepository } from '../../store';
import { requireFollowerAccess, requireOperator, requireStateChangeAllowed, type Principal } from '../auth/principal';
import type { StateScope } from '../engine-control';
import { InvalidRequestError } from '../http/errors';
import type { ApiBus } from '../ports';
import { applyToEngine, audit, type ServiceDeps } from '../service-support';
import type { SetStateBody, StateChanged, StatesView } from './model';

export const STATE_AUDIT_ACTION = 'state.set';
export const ENGINE_AUDIT_TARGET = 'engine';

/** The engine state last set through the API (audit log), 'active' when never set. */
export async function persistedEngineState(auditLog: Pick<AuditRepository, 'list'>): Promise<TradingState> {
  const entries = await auditLog.list({ target: ENGINE_AUDIT_TARGET, limit: 50 });
  const last = entries.find((entry) => entry.action === STATE_AUDIT_ACTION);
  const state = last?.detail?.state;
  return state === 'reducing' || state === 'halted' ? state : 'active';
}

export interface StateServiceDeps extends ServiceDeps {
  readonly bus: Pick<ApiBus, 'publishControl'>;
  readonly clock: Clock;
  readonly events?: EventHub;
  /** Told when announcing a change on the control stream fails (the change itself stands). */
  readonly onControlError?: (error: unknown) => void;
}

export class StateService {
  constructor(private readonly deps: StateServiceDeps) {}

  async set(principal: Principal, input: SetStateBody): Promise<StateChanged> {
    const { scope, state } = input;
    const flatten = input.flatten ?? false;
    if (flatten && state === 'active') {
      throw new InvalidRequestError('flatten needs state reducing or halted', { details: [{ path: '/flatten', message: 'not with state active' }] });
    }
    const id = scope === 'engine' ? '' : this.requireId(input.id);
    await this.persist(principal, scope, id, state);
    const { control } = this.deps;
    control.setTradingState(scope, id, state);
    this.deps.events?.publish({ type: 'state', ts: Math.floor(this.deps.clock.nowMs()), scope, id, state });
    this.announce(scope, id, state, flatten);
    const target = scope === 'engine' ? ENGINE_AUDIT_TARGET : id;
    await audit(this.deps, principal, STATE_AUDIT_ACTION, target, { scope, state, flatten });
    const flattened = flatten ? await this.flatten(scope, id) : 0;
    if (flatten) await audit(this.deps, principal, 'state.flatten', target, { scope, orders: flattened });
    return { scope, id: scope === 'engine' ? null : id, state, flattened };
  }

  /** Operators: every whale and follower; a follower token: the engine and itself. */
  async get(principal: Principal): Promise<StatesView> {
    const { store, control } = this.deps;
    const engine = control.tradingState('engine', '');
    if (principal.scope === 'follower') {
      return { engine, whales: {}, followers: { [principal.followerId]: control.tradingState('follower', principal.followerId) } };
    }
    const [whales, followers] = await Promise.all([store.whales.list(), store.followers.list()]);
    return {
      engine,
      whales: Object.fromEntries(whales.map((w) => [w.id, control.tradingState('whale', w.id)])),
      followers: Object.fromEntries(followers.map((f) => [f.id, control.tradingState('follower', f.id)])),
    };
  }

  private requireId(id: string | undefined): string {
    if (id === undefined) throw new InvalidRequestError('id is required for the whale and follower scopes', { details: [{ path: '/id', message: 'required' }] });
    return id;
  }

  private async persist(principal: Principal, scope: StateScope, id: string, state: TradingState): Promise<void> {
    const { store, control } = this.deps;
    if (scope === 'follower') {
      requireFollowerAccess(principal, id);
      const follower = await store.followers.get(id);
      if (follower !== null) requireStateChangeAllowed(principal, control.tradingState('follower', id), state);
      await store.followers.setState(id, state);
      return;
    }
    requireOperator(principal);
    if (scope === 'whale') await store.whales.setState(id, state);
  }

  private async flatten(scope: StateScope, id: string): Promise<number> {
    let sent = 0;
    await applyToEngine(scope, id || ENGINE_AUDIT_TARGET, 'flatten', async () => {
      sent = await this.deps.control.flatten(scope, id);
    });
    return sent;
  }

  /** Best effort: other processes may follow the control stream; the change stands without it. */
  private announce(scope: StateScope, id: string, state: TradingState, flatten: boolean): void {
    let bytes: Uint8Array;
    try {
      bytes = encodeControl({ kind: 'trading_state_change', scope, id, state, flatten });
    } catch (error) {
      this.deps.onControlError?.(error);
      return;
    }
    this.deps.bus.publishControl(bytes).catch((error: unknown) => this.deps.onControlError?.(error));
  }
}
