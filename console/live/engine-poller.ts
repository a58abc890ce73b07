// Polls the engine's overview (every second) and latency curves (every two) once for all browsers,
// only while some browser is watching, and publishes them to the LiveHub. A failed poll is skipped.
import type { EngineApi } from '../engine/api';
import type { LiveHub } from './live-hub';

export interface PollerOptions {
  api: EngineApi;
  token: string;
  hub: LiveHub;
  overviewMs?: number;
  latencyMs?: number;
  nowMs?: () => number;
  onError?: (what: 'overview' | 'latency', error: unknown) => void;
}

export class EnginePoller {
  private timers: ReturnType<typeof setInterval>[] = [];
  private inFlight = new Set<string>();

  constructor(private readonly options: PollerOptions) {}

  start(): void {
    this.stop();
    this.timers.push(setInterval(() => void this.poll('overview'), this.options.overviewMs ?? 1000));
    this.timers.push(setInterval(() => void this.poll('latency'), this.options.latencyMs ?? 2000));
    void this.poll('overview');
    void this.poll('latency');
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }

  /** One poll; skipped while no browser listens or while the previous one of the same kind runs. */
  async poll(what: 'overview' | 'latency'): Promise<void> {
    const { api, token, hub } = this.options;
    if (this.inFlight.has(what) || (hub.subscriberCount === 0 && hub.snapshot(what) !== undefined)) return;
    this.inFlight.add(what);
    const ts = Math.floor((this.options.nowMs ?? Date.now)());
    try {
      if (what === 'overview') hub.publish({ type: 'overview', ts, overview: await api.overview(token) });
      else hub.publish({ type: 'latency', ts, curves: await api.latency(token) });
    } catch (error) {
      this.options.onError?.(what, error);
    } finally {
      this.inFlight.delete(what);
    }
  }
}
