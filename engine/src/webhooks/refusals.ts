// Why a TradingView webhook was refused: the HTTP status, the client-facing code and message, and the
// journal reason (which may say more than the client is told, e.g. unknown strategy vs wrong secret).
// Refusals are values, like risk denials: expected, frequent under attack, never thrown.

export type RefusalCode =
  | 'payload_too_large'
  | 'rate_limited'
  | 'source_not_allowed'
  | 'malformed_body'
  | 'unreplaced_placeholder'
  | 'missing_field'
  | 'invalid_field'
  | 'inconsistent_position'
  | 'unauthorized'
  | 'alert_too_old'
  | 'alert_from_future'
  | 'unknown_ticker'
  | 'engine_unavailable';

export interface Refusal {
  readonly status: number;
  readonly code: RefusalCode;
  readonly message: string;
  /** The alert field at fault, when one is. */
  readonly field?: string;
  /** What the journal records; defaults to the code. */
  readonly reason?: string;
}

const STATUS: Readonly<Record<RefusalCode, number>> = {
  payload_too_large: 413,
  rate_limited: 429,
  source_not_allowed: 403,
  malformed_body: 400,
  unreplaced_placeholder: 400,
  missing_field: 400,
  invalid_field: 400,
  inconsistent_position: 400,
  unauthorized: 401,
  alert_too_old: 422,
  alert_from_future: 422,
  unknown_ticker: 422,
  engine_unavailable: 503,
};

export function refusal(code: RefusalCode, message: string, extra: { field?: string; reason?: string } = {}): Refusal {
  return { status: STATUS[code], code, message, ...extra };
}

/** The JSON body a refusal answers with (the API's {error, message, details?} shape). */
export function refusalBody(r: Refusal): { error: RefusalCode; message: string; details?: { field: string } } {
  return r.field === undefined ? { error: r.code, message: r.message } : { error: r.code, message: r.message, details: { field: r.field } };
}

/** The journal's reason text: `<reason or code>[ <field>]`. */
export function journalReason(r: Refusal): string {
  const reason = r.reason ?? r.code;
  return r.field === undefined ? reason : `${reason} ${r.field}`;
}
