// Trading states of the engine, each whale and each follower (the kill switch), and how they combine.
// In-memory holder only: it does not persist states or listen to the control stream itself.
import type { TradingState } from '../model';

export type TradingScope = 'engine' | 'whale' | 'follower';

const RANK: Readonly<Record<TradingState, number>> = { active: 0, reducing: 1, halted: 2 };

/** The stricter of two states: halted > reducing > active. */
export function mostRestrictive(a: TradingState, b: TradingState): TradingState {
  return RANK[b] > RANK[a] ? b : a;
}

/** True when `state` lets an order through: halted lets nothing, reducing only reduce-only orders. */
export function stateAllows(state: TradingState, reduceOnly: boolean): boolean {
  return state === 'active' || (state === 'reducing' && reduceOnly);
}

/**
 * Engine, whale and follower states. Unknown ids are 'active'; setting 'active' forgets the id,
 * so the maps hold only the restricted ones.
 */
export class TradingStates {
  private engine: TradingState = 'active';
  private readonly whales = new Map<string, TradingState>();
  private readonly followers = new Map<string, TradingState>();

  /** Apply a control command (TradingStateChange): `id` is ignored for the engine scope. */
  set(scope: TradingScope, id: string, state: TradingState): void {
    if (scope === 'engine') {
      this.engine = state;
      return;
    }
    const map = scope === 'whale' ? this.whales : this.followers;
    if (state === 'active') map.delete(id);
    else map.set(id, state);
  }

  get(scope: TradingScope, id: string): TradingState {
    if (scope === 'engine') return this.engine;
    return (scope === 'whale' ? this.whales : this.followers).get(id) ?? 'active';
  }

  /** The state an order of this whale for this follower trades under: the most restrictive of the three. */
  effective(whaleId: string, followerId: string): TradingState {
    if (this.engine === 'halted') return 'halted';
    // Asked once per order of a 10,000-follower pass: empty maps (the usual case) are not hashed into.
    const whale = this.whales.size === 0 ? 'active' : this.whales.get(whaleId) ?? 'active';
    const follower = this.followers.size === 0 ? 'active' : this.followers.get(followerId) ?? 'active';
    return mostRestrictive(this.engine, mostRestrictive(whale, follower));
  }

  /** Restricted whales and followers, for display and persistence. */
  restricted(scope: 'whale' | 'follower'): ReadonlyMap<string, TradingState> {
    return scope === 'whale' ? this.whales : this.followers;
  }
}
