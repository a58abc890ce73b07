// Decimal step math on JS numbers: rounding to a venue step through integer step counts, and
// formatting to the step's decimals. Pure; no venue knowledge beyond the step it is given.
import { InvalidArgumentError, InvalidStepError } from './errors';

/** A step decomposed as units / 10^decimals with integer units (0.001 -> 1/10^3, 0.25 -> 25/10^2). */
export interface StepScale {
  readonly step: number;
  readonly decimals: number;
  readonly units: number;
  readonly pow: number;
}

export type StepRounding = 'toward_zero' | 'nearest' | 'floor';

const MAX_DECIMALS = 20;
/** Counts within this many steps (plus a relative part) of an integer are float drift, not a remainder. */
const ABS_TOLERANCE_STEPS = 1e-9;
const REL_TOLERANCE = 1e-12;
const SCALE_CACHE_LIMIT = 1024;
const scaleCache = new Map<number, StepScale>();
/** The last scale handed out (NaN step: none yet); NaN never equals a step, so a NaN step still fails below. */
let lastScale: StepScale = Object.freeze({ step: NaN, decimals: 0, units: 0, pow: 1 });

/** Decimals of a step as written by its shortest decimal form: 0.001 -> 3, 1e-8 -> 8, 5 -> 0. */
export function stepDecimals(step: number): number {
  assertStep(step);
  const text = String(step);
  const e = text.indexOf('e');
  const mantissa = e < 0 ? text : text.slice(0, e);
  const exponent = e < 0 ? 0 : Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const fraction = dot < 0 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, fraction - exponent);
}

/** The cached decomposition of a step; throws InvalidStepError for unusable steps. */
export function stepScale(step: number): StepScale {
  if (step === lastScale.step) return lastScale; // a pass asks for the same market's step thousands of times
  const cached = scaleCache.get(step);
  if (cached !== undefined) {
    lastScale = cached;
    return cached;
  }
  return scaleOf(step);
}

function scaleOf(step: number): StepScale {
  const decimals = stepDecimals(step);
  if (decimals > MAX_DECIMALS) throw new InvalidStepError(`step ${step} has more than ${MAX_DECIMALS} decimals`);
  const pow = 10 ** decimals;
  const units = Math.round(step * pow);
  if (units < 1 || !Number.isSafeInteger(units)) throw new InvalidStepError(`step ${step} cannot be scaled to integer units`);
  const scale: StepScale = Object.freeze({ step, decimals, units, pow });
  if (scaleCache.size >= SCALE_CACHE_LIMIT) scaleCache.clear();
  scaleCache.set(step, scale);
  lastScale = scale;
  return scale;
}

/**
 * Whole steps in `x`, rounded by `mode`; a count within float drift of an integer snaps to it
 * (0.3 / 0.1 = 2.9999999999999996 counts as 3 steps, also toward zero).
 */
export function stepCount(x: number, step: number, mode: StepRounding): number {
  return countSteps(x, stepScale(step), mode);
}

/** stepCount with the scale already looked up (hot loops look it up once per market). */
export function countSteps(x: number, scale: StepScale, mode: StepRounding): number {
  assertFinite(x);
  const ratio = x / scale.step;
  const nearest = Math.sign(ratio) * Math.round(Math.abs(ratio));
  if (mode === 'nearest') return nearest + 0;
  if (Math.abs(ratio - nearest) <= ABS_TOLERANCE_STEPS + Math.abs(ratio) * REL_TOLERANCE) return nearest + 0;
  return (mode === 'floor' ? Math.floor(ratio) : Math.trunc(ratio)) + 0;
}

/** The amount of `count` steps, as the double nearest to its exact decimal value (3 x 0.1 -> 0.3). */
export function fromSteps(count: number, step: number): number {
  return stepsToAmount(count, stepScale(step));
}

/** fromSteps with the scale already looked up. */
export function stepsToAmount(count: number, scale: StepScale): number {
  const scaled = count * scale.units;
  if (!Number.isSafeInteger(scaled)) return count * scale.step;
  return scaled / scale.pow + 0;
}

/** `x` rounded to a multiple of `step`: 'toward_zero' (default, never larger in size), 'nearest' or 'floor'. */
export function roundToStep(x: number, step: number, mode: StepRounding = 'toward_zero'): number {
  if (Math.abs(x / step) >= Number.MAX_SAFE_INTEGER) return onGridAlready(x, step);
  return fromSteps(stepCount(x, step, mode), step);
}

/** `x` rounded down (toward minus infinity) to a multiple of `step`. */
export function floorToStep(x: number, step: number): number {
  return roundToStep(x, step, 'floor');
}

/** True when `x` is a whole number of steps up to float drift (0.1 + 0.2 is a multiple of 0.1). */
export function isMultipleOfStep(x: number, step: number): boolean {
  assertFinite(x);
  stepScale(step);
  const ratio = x / step;
  if (Math.abs(ratio) >= Number.MAX_SAFE_INTEGER) return true;
  const nearest = Math.round(ratio);
  return Math.abs(ratio - nearest) <= ABS_TOLERANCE_STEPS + Math.abs(ratio) * REL_TOLERANCE;
}

/**
 * `x` rounded to the nearest step and written with exactly the step's decimals, no exponent:
 * formatToStep(0.1 + 0.2, 0.001) === '0.300', formatToStep(2, 1e-8) === '2.00000000'.
 */
export function formatToStep(x: number, step: number): string {
  const scale = stepScale(step);
  assertFinite(x);
  const count = Math.abs(x / scale.step) < Number.MAX_SAFE_INTEGER ? stepCount(x, step, 'nearest') : NaN;
  const scaled = count * scale.units;
  if (Number.isSafeInteger(scaled)) return withPoint(Math.abs(scaled).toString(), scaled < 0, scale.decimals);
  return formatHuge(x, scale.decimals);
}

function withPoint(digits: string, negative: boolean, decimals: number): string {
  const sign = negative ? '-' : '';
  if (decimals === 0) return sign + digits;
  const padded = digits.length > decimals ? digits : '0'.repeat(decimals - digits.length + 1) + digits;
  const cut = padded.length - decimals;
  return `${sign}${padded.slice(0, cut)}.${padded.slice(cut)}`;
}

/** Beyond 2^53 steps a double cannot resolve the step: print the double itself, fixed-point. */
function formatHuge(x: number, decimals: number): string {
  if (Math.abs(x) < 1e21) return x.toFixed(decimals);
  const whole = BigInt(x).toString();
  return decimals === 0 ? whole : `${whole}.${'0'.repeat(decimals)}`;
}

function onGridAlready(x: number, step: number): number {
  stepScale(step);
  assertFinite(x);
  return x;
}

function assertStep(step: number): void {
  if (!(step > 0) || !Number.isFinite(step)) throw new InvalidStepError(`step must be a positive finite number, got ${step}`);
}

function assertFinite(x: number): void {
  if (!Number.isFinite(x)) throw new InvalidArgumentError(`amount must be finite, got ${x}`);
}
