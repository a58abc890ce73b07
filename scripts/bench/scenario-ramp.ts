// Scenario 3: the whale frame rate the copy path sustains with 100 followers: ramp the whale's order rate
// until the p99 of (intended send -> XADD ack) exceeds twice its low-rate value. Engine side only.
import { sustainedRate } from './joins';
import { xaddStep, type WhaleRig } from './scenario-frame-xadd';

export const RAMP_RATES = [50, 100, 200, 300, 400, 600, 800] as const;
const QUICK_RATES = [50, 100, 200, 400] as const;
export const RAMP_FOLLOWERS = 100;

/** One run of the ramp; stops after the first step over 10x the baseline or with failed publishes. */
export async function runRamp(rig: WhaleRig, quick: boolean, log: (s: string) => void): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const steps: { rate: number; p99: number }[] = [];
  for (const rate of quick ? QUICK_RATES : RAMP_RATES) {
    const count = Math.round(rate * (quick ? 0.75 : 3));
    const s = await xaddStep(rig, RAMP_FOLLOWERS, rate, count);
    const p99 = s.publishFailures > 0 || s.missing > 0 ? Number.POSITIVE_INFINITY : s.intendedToAck.p99;
    steps.push({ rate, p99 });
    out[`ramp_p99_ms_${rate}`] = p99;
    out[`ramp_frame_to_xadd_p99_ms_${rate}`] = s.frameToXadd.p99;
    out[`ramp_frames_per_sec_${rate}`] = s.frames / (count / rate);
    log(`ramp @${rate}/s: intended->XADD p99 ${p99.toFixed(2)} ms, frame->XADD p99 ${s.frameToXadd.p99.toFixed(2)} ms, ${s.frames} frames for ${s.intendedToAck.n} orders, ${s.publishFailures} failed publishes`);
    // Baseline: the better of the two lowest rates (a single low-rate p99 is noisy on a shared machine).
    const baseline = Math.min(...steps.slice(0, 2).map((x) => x.p99));
    if (steps.length >= 2 && !(p99 <= 10 * baseline)) break;
  }
  const base = steps.slice(0, 2).reduce((a, b) => (b.p99 < a.p99 ? b : a));
  const baseline = base.p99;
  out.sustained_frames_per_sec_100 = sustainedRate(steps.filter((x) => x.rate >= base.rate), 2, baseline).rate ?? 0;
  out.ramp_baseline_p99_ms = baseline;
  return out;
}
