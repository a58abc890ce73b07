// What each trading-state action means (labels, the confirmation text) and the request it sends.
// Pure; the component renders these and posts the request.
import type { StateScope, TradingState } from '../../../shared/events';

export type StateAction = 'active' | 'reducing' | 'halted' | 'flatten';
export const STATE_ACTIONS: readonly StateAction[] = ['active', 'reducing', 'halted', 'flatten'];

export const ACTION_LABEL: Record<StateAction, string> = {
  active: 'Resume', reducing: 'Reducing only', halted: 'Halt', flatten: 'Flatten',
};

export function scopeName(scope: StateScope, id: string, label: string): string {
  if (scope === 'engine') return 'the whole engine';
  return `${scope} ${label || id}`;
}

export function confirmationText(action: StateAction, scope: StateScope, id: string, label = ''): string {
  const who = scopeName(scope, id, label);
  switch (action) {
    case 'active': return `Resume copying for ${who}: new orders will open and close positions again.`;
    case 'reducing': return `Set ${who} to reducing only: orders that would open or grow a position are refused.`;
    case 'halted': return `Halt ${who}: no new orders are sent. Open positions stay as they are.`;
    case 'flatten': return `Flatten ${who}: halt, then send reduce-only orders closing every open position.`;
  }
}

export interface StateChange {
  scope: StateScope;
  id?: string;
  state: TradingState;
  flatten: boolean;
}

export function changeFor(action: StateAction, scope: StateScope, id: string): StateChange {
  return {
    scope,
    ...(scope === 'engine' ? {} : { id }),
    state: action === 'flatten' ? 'halted' : action,
    flatten: action === 'flatten',
  };
}

/** Whether an action would change nothing (the current state, except flatten which always acts). */
export const isCurrent = (action: StateAction, state: TradingState): boolean => action !== 'flatten' && action === state;
