// The CSRF rule of every state-changing request: the session's token in the X-CSRF-Token header or
// the _csrf form field, and (when the browser sends one) an Origin equal to the console's own. Pure.
import { constantTimeEqualText, type Session } from './sessions';

export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = '_csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const isStateChanging = (method: string): boolean => !SAFE_METHODS.has(method.toUpperCase());

/** Why a request fails the CSRF rule, or undefined when it passes. */
export function csrfRefusal(input: {
  session: Session | undefined;
  headerToken: string | null;
  formToken: string | null;
  origin: string | null;
  ownOrigin: string;
}): string | undefined {
  if (input.origin !== null && input.origin !== input.ownOrigin) return 'cross-origin request';
  if (input.session === undefined) return 'no session';
  const presented = input.headerToken ?? input.formToken;
  if (presented === null || presented === '') return 'missing CSRF token';
  if (!constantTimeEqualText(presented, input.session.csrf)) return 'wrong CSRF token';
  return undefined;
}
