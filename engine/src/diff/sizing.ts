// Sizing: follower target contracts from the whale's position and the follow's sizing and caps.
// Pure; sizes only when told to (on a whale change), so price or equity drift never moves a target.
import { InvalidArgumentError } from '../core';
import type { Caps, Sizing, SizingMemo } from '../model';

/** The per-call numbers sizing reads; FollowerDiffInput satisfies it, so no object is built per call. */
export interface SizingInputs {
  /** The whale's signed contracts in the symbol now (0 = flat). */
  readonly whaleContracts: number;
  /** Whale account equity (quote currency); read by 'equity' sizing only. NaN when unknown. */
  readonly whaleEquity: number;
  /** Follower account equity (quote currency); read by 'equity' sizing only. NaN when unknown. */
  readonly followerEquity: number;
  /** Mark price of the symbol; NaN or <= 0 when unknown. */
  readonly mark: number;
}

export type SizingFailure = 'price_missing' | 'equity_missing';

export function isUsablePrice(price: number): boolean {
  return price > 0 && price < Infinity;
}

/** Follower contracts per whale contract so that the follower's notional is `usd` at `mark`. */
export function fixedNotionalK(usd: number, whaleContracts: number, mark: number): number {
  return usd / (Math.abs(whaleContracts) * mark);
}

/**
 * fixed_notional k after a whale change: 0 when the whale is flat; kept while the whale stays on
 * the same side (adds and reduces follow the same k); set anew when the whale opens from flat or
 * flips side; NaN when it must be set and the mark is missing.
 */
export function nextFixedK(usd: number, memo: SizingMemo, whaleContracts: number, mark: number): number {
  if (whaleContracts === 0) return 0;
  const sameSide = memo.fixedK !== 0 && Math.sign(memo.whaleContracts) === Math.sign(whaleContracts);
  if (sameSide) return memo.fixedK;
  return isUsablePrice(mark) ? fixedNotionalK(usd, whaleContracts, mark) : NaN;
}

/**
 * Uncapped follower target in contracts, signed like the whale. `fixedK` is used by fixed_notional
 * only (see nextFixedK). NaN when equity sizing lacks a usable equity.
 */
export function targetContracts(
  sizing: Sizing,
  whaleContracts: number,
  fixedK: number,
  whaleEquity: number,
  followerEquity: number,
): number {
  if (whaleContracts === 0) return 0;
  switch (sizing.mode) {
    case 'proportional':
      return sizing.k * whaleContracts;
    case 'equity':
      if (!(whaleEquity > 0 && whaleEquity < Infinity) || !(followerEquity >= 0 && followerEquity < Infinity)) return NaN;
      return ((sizing.k * followerEquity) / whaleEquity) * whaleContracts;
    case 'fixed_notional':
      return fixedK * whaleContracts;
  }
}

/** |target| limited to maxPositionNotional at `mark`; NaN when the cap binds and the mark is missing. */
export function capPositionTarget(target: number, caps: Caps, mark: number): number {
  const cap = caps.maxPositionNotional;
  if (cap === undefined || target === 0) return target;
  if (!isUsablePrice(mark)) return NaN;
  const limit = cap / mark;
  return Math.abs(target) > limit ? Math.sign(target) * limit : target;
}

/** A SizingMemo the copy loop may overwrite in place (its own per-(follow, symbol) copy). */
export type MutableSizingMemo = { -readonly [K in keyof SizingMemo]: SizingMemo[K] };

/**
 * Size a (follow, symbol) for the whale's current contracts: the new memo, or why sizing is not
 * possible now (the memo is then kept, so the same whale change is sized again on the next diff).
 * Non-finite whale contracts or a NaN k/usd are caller bugs and throw InvalidArgumentError.
 */
export function sizeMemo(sizing: Sizing, caps: Caps, memo: SizingMemo, inputs: SizingInputs): SizingMemo | SizingFailure {
  const out: MutableSizingMemo = { sized: true, whaleContracts: 0, target: 0, fixedK: 0, waiting: false };
  return sizeMemoInto(sizing, caps, memo, inputs, out) ?? out;
}

/** sizeMemo writing the new memo into `out` (which may be `memo` itself): null on success, else the failure. */
export function sizeMemoInto(sizing: Sizing, caps: Caps, memo: SizingMemo, inputs: SizingInputs, out: MutableSizingMemo): SizingFailure | null {
  const whale = inputs.whaleContracts;
  if (!Number.isFinite(whale)) throw new InvalidArgumentError(`whale contracts must be finite, got ${whale}`);
  const fixedK = sizing.mode === 'fixed_notional' ? nextFixedK(sizing.usd, memo, whale, inputs.mark) : 0;
  if (Number.isNaN(fixedK)) return 'price_missing';
  const uncapped = targetContracts(sizing, whale, fixedK, inputs.whaleEquity, inputs.followerEquity);
  if (Number.isNaN(uncapped)) {
    if (sizing.mode === 'equity') return 'equity_missing';
    throw new InvalidArgumentError(`sizing ${sizing.mode} gave no target (k or usd not a number)`);
  }
  const target = capPositionTarget(uncapped, caps, inputs.mark);
  if (Number.isNaN(target)) return 'price_missing';
  out.sized = true;
  out.whaleContracts = whale;
  out.target = target;
  out.fixedK = fixedK;
  out.waiting = false;
  return null;
}
