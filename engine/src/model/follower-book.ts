// Per (follow, symbol) state the diff reads: the follower's position and in-flight orders, and the
// sizing memo that freezes the target between whale changes. Shapes and constructors only.
import type { ExistingPositionPolicy } from './follow';

/** A follower's position in one symbol as the engine knows it. */
export interface FollowerBookEntry {
  /** Signed contracts reported by the follower's venue stream. */
  readonly actual: number;
  /** Signed contracts of orders sent and not yet reported (buys +, sells -). */
  readonly inFlight: number;
}

/**
 * What the diff remembers per (follow, symbol) between calls; the caller stores it and passes it
 * back. The target is sized only when the whale's contracts change, so price or equity drift alone
 * never moves it. Reset it (FRESH_SIZING_MEMO) when the follow's sizing or caps change.
 */
export interface SizingMemo {
  /** false until the first sizing (new follow, restart without a persisted memo, config change). */
  readonly sized: boolean;
  /** Whale contracts at the last sizing, or at follow start while waiting. */
  readonly whaleContracts: number;
  /** Follower target contracts from the last sizing, caps applied, not yet rounded to the step. */
  readonly target: number;
  /** fixed_notional only: follower contracts per whale contract, set when the whale opens; 0 = unset. */
  readonly fixedK: number;
  /** wait_next_change: the symbol is ignored until the whale's contracts differ from whaleContracts. */
  readonly waiting: boolean;
}

export const FRESH_SIZING_MEMO: SizingMemo = Object.freeze({
  sized: false,
  whaleContracts: 0,
  target: 0,
  fixedK: 0,
  waiting: false,
});

/**
 * The memo for a symbol when a follow starts. With 'wait_next_change' and a whale already holding
 * the symbol, the symbol is ignored until the whale's contracts change; otherwise sizing is immediate.
 */
export function startSizingMemo(existing: ExistingPositionPolicy, whaleContractsAtStart: number): SizingMemo {
  if (existing === 'copy_now' || whaleContractsAtStart === 0) return FRESH_SIZING_MEMO;
  return Object.freeze({ sized: false, whaleContracts: whaleContractsAtStart, target: 0, fixedK: 0, waiting: true });
}
