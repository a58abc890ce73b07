// HTTP client of the engine API: one request function with a bearer token, JSON in and out, and typed
// errors (the engine's {error, message, details} body, or unreachable). Knows no routes; api.ts does.

export interface EngineErrorBody {
  error: string;
  message: string;
  details?: unknown;
}

/** The engine answered with an error status. */
export class EngineRequestError extends Error {
  readonly code = 'engine_request_failed' as const;
  constructor(readonly method: string, readonly path: string, readonly status: number, readonly body: EngineErrorBody, options: { cause?: unknown } = {}) {
    super(`${method} ${path}: ${status} ${body.error}: ${body.message}`, options);
    this.name = 'EngineRequestError';
  }
}

/** The engine could not be reached (or answered something that is not JSON). */
export class EngineUnavailableError extends Error {
  readonly code = 'engine_unavailable' as const;
  constructor(readonly method: string, readonly path: string, options: { cause?: unknown } = {}) {
    super(`${method} ${path}: the engine is unavailable`, options);
    this.name = 'EngineUnavailableError';
  }
}

export interface RequestOptions {
  /** Bearer token; null for the engine's open routes (sign-in, sign-up). */
  token: string | null;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  timeoutMs?: number;
}

export type EngineRequest = <T>(method: string, path: string, options: RequestOptions) => Promise<T>;

function errorBodyOf(value: unknown, status: number): EngineErrorBody {
  if (value !== null && typeof value === 'object' && typeof (value as EngineErrorBody).error === 'string') {
    const body = value as EngineErrorBody;
    return { error: body.error, message: String(body.message ?? ''), ...(body.details === undefined ? {} : { details: body.details }) };
  }
  return { error: `http_${status}`, message: 'the engine answered an error without a body' };
}

export function engineRequester(baseUrl: string, defaultTimeoutMs = 10_000): EngineRequest {
  const base = baseUrl.replace(/\/+$/, '');
  return async <T>(method: string, path: string, options: RequestOptions): Promise<T> => {
    const url = new URL(base + path);
    for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token !== null) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url, {
        method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(options.timeoutMs ?? defaultTimeoutMs),
      });
    } catch (cause) {
      throw new EngineUnavailableError(method, path, { cause });
    }
    const text = await response.text();
    let parsed: unknown = null;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch (cause) {
        if (response.ok) throw new EngineUnavailableError(method, path, { cause });
      }
    }
    if (!response.ok) throw new EngineRequestError(method, path, response.status, errorBodyOf(parsed, response.status));
    return parsed as T;
  };
}
