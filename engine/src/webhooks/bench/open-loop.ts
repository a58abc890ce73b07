// Open-loop load generator that does not omit coordinated delays: request i is due at start + i/rate
// whatever happened before, and its latency is measured from that due time, so a stall shows up in every
// request it delayed. Benchmark tooling only; the engine never imports it.

export interface OpenLoopOptions {
  readonly ratePerSec: number;
  readonly durationMs: number;
  /** Results of requests due in the first warmupMs are not counted (JIT and connection warm-up). */
  readonly warmupMs?: number;
  /** Sends request i; resolves true on success. */
  send(i: number): Promise<boolean>;
}

export interface OpenLoopResult {
  readonly scheduled: number;
  readonly measured: number;
  readonly failed: number;
  /** Due time to completion, ms, of every measured request (unsorted). */
  readonly latenciesMs: Float64Array;
  /** Longest the generator itself fell behind a due time. */
  readonly maxSendLagMs: number;
  readonly achievedPerSec: number;
}

export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const interval = 1000 / options.ratePerSec;
  const total = Math.max(1, Math.round((options.ratePerSec * options.durationMs) / 1000));
  const warmup = options.warmupMs ?? 0;
  const latencies = new Float64Array(total);
  let measured = 0;
  let failed = 0;
  let maxSendLagMs = 0;
  const pending = new Set<Promise<void>>();
  const start = performance.now() + 5;
  let next = 0;
  while (next < total) {
    // Sleep until the next due time (timer granularity is about 1 ms; lateness is charged to the
    // requests, since latency counts from the due time). No busy-waiting: the client must not take
    // the CPU the server under test needs.
    const wait = start + next * interval - performance.now();
    if (wait > 0) await Bun.sleep(wait);
    const now = performance.now();
    while (next < total && start + next * interval <= now) {
      const i = next++;
      const due = start + i * interval;
      maxSendLagMs = Math.max(maxSendLagMs, now - due);
      const counted = i * interval >= warmup;
      const request = options.send(i).then(
        (ok) => {
          if (!ok) failed++;
          else if (counted) latencies[measured++] = performance.now() - due;
        },
        () => { failed++; },
      ).finally(() => pending.delete(request));
      pending.add(request);
    }
  }
  await Promise.all(pending);
  const elapsed = performance.now() - start;
  return { scheduled: total, measured, failed, latenciesMs: latencies.subarray(0, measured), maxSendLagMs, achievedPerSec: (total / elapsed) * 1000 };
}

/** p-th percentile (0..100) of samples, nearest rank. */
export function percentileOf(samples: Float64Array, p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
