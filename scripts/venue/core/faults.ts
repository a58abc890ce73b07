// Injected failures, set through the admin API: added latency, replies dropped or answered 503 after
// an order has filled, closed WebSockets, paused streams. Protocol layers ask; this only keeps counts.
import type { SimVenue } from './markets';

export interface FaultSpec {
  venue?: SimVenue;
  /** Restrict order faults to one account id (admin id). */
  accountId?: string;
  /** Added before every HTTP reply of the venue. */
  latencyMs?: number;
  /** The next N orders fill, then their HTTP reply is never sent (connection closed). */
  dropReplyAfterFill?: number;
  /** The next N orders fill, then the reply is HTTP 503 "Unknown error". */
  unknownErrorAfterFill?: number;
  /** Close every open WebSocket of the venue (one-shot action). */
  closeWebSockets?: boolean;
  /** Withhold every stream push of the venue for this long (pushes are lost, as on a silent feed). */
  pauseStreamMs?: number;
}

interface OrderFault {
  venue?: SimVenue;
  accountId?: string;
  remaining: number;
}

export class Faults {
  private latency = new Map<SimVenue | '*', number>();
  private drops: OrderFault[] = [];
  private unknowns: OrderFault[] = [];
  private pausedUntil = new Map<SimVenue | '*', number>();
  private readonly closeListeners = new Set<(venue: SimVenue | undefined) => void>();

  constructor(private readonly now: () => number = Date.now) {}

  apply(spec: FaultSpec): void {
    const scope = spec.venue ?? '*';
    if (spec.latencyMs !== undefined) this.latency.set(scope, Math.max(0, spec.latencyMs));
    if (spec.dropReplyAfterFill) this.drops.push({ venue: spec.venue, accountId: spec.accountId, remaining: spec.dropReplyAfterFill });
    if (spec.unknownErrorAfterFill) this.unknowns.push({ venue: spec.venue, accountId: spec.accountId, remaining: spec.unknownErrorAfterFill });
    if (spec.pauseStreamMs !== undefined) this.pausedUntil.set(scope, this.now() + spec.pauseStreamMs);
    if (spec.closeWebSockets) for (const l of this.closeListeners) l(spec.venue);
  }

  clear(): void {
    this.latency.clear();
    this.drops = [];
    this.unknowns = [];
    this.pausedUntil.clear();
  }

  onCloseWebSockets(listener: (venue: SimVenue | undefined) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  latencyMs(venue: SimVenue): number {
    return (this.latency.get(venue) ?? 0) + (this.latency.get('*') ?? 0);
  }

  streamPaused(venue: SimVenue): boolean {
    const now = this.now();
    return (this.pausedUntil.get(venue) ?? 0) > now || (this.pausedUntil.get('*') ?? 0) > now;
  }

  /** Consume one "drop the reply" fault matching this order, if any is armed. */
  takeDropReply(venue: SimVenue, accountId: string): boolean {
    return take(this.drops, venue, accountId);
  }

  /** Consume one "503 Unknown error after fill" fault matching this order, if any is armed. */
  takeUnknownError(venue: SimVenue, accountId: string): boolean {
    return take(this.unknowns, venue, accountId);
  }

  describe(): Record<string, unknown> {
    return {
      latencyMs: Object.fromEntries(this.latency),
      dropReplyAfterFill: this.drops.map((d) => ({ ...d })),
      unknownErrorAfterFill: this.unknowns.map((d) => ({ ...d })),
      pausedUntil: Object.fromEntries(this.pausedUntil),
    };
  }
}

function take(list: OrderFault[], venue: SimVenue, accountId: string): boolean {
  for (const f of list) {
    if (f.remaining > 0 && (!f.venue || f.venue === venue) && (!f.accountId || f.accountId === accountId)) {
      f.remaining--;
      return true;
    }
  }
  return false;
}
