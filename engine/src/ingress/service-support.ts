// What every controller's service gets (store + engine control) and the two steps each mutation
// shares: the audit record and telling the engine. No HTTP types here.
import type { Store } from '../store';
import type { Principal } from './auth/principal';
import type { EngineControl } from './engine-control';
import { EngineApplyError } from './http/errors';

export interface ServiceDeps {
  readonly store: Store;
  readonly control: EngineControl;
  /** The TradingView ingress, told when a whale changes so its strategy cache stays current. */
  readonly tradingView?: { strategyChanged(whaleId: string): Promise<void>; strategyRemoved(whaleId: string): void };
}

/** Runs an EngineControl call after a store write; a failure becomes EngineApplyError (500, record kept). */
export async function applyToEngine(entity: string, id: string, action: string, apply: () => Promise<void>): Promise<void> {
  try {
    await apply();
  } catch (cause) {
    throw new EngineApplyError(entity, id, action, { cause });
  }
}

/** Appends an audit entry; `detail` holds field names and non-secret values only. */
export async function audit(
  deps: ServiceDeps, principal: Principal, action: string, target: string, detail: Record<string, unknown> | null = null,
): Promise<void> {
  await deps.store.audit.append({ actor: principal.actor, action, target, detail });
}

/** The names of the fields a patch sets (for the audit log: names, never values). */
export const fieldsOf = (patch: object): string[] => Object.keys(patch).sort();
