// The API's one onError: every error becomes a JSON {error, message, details?} response with the
// status toErrorResponse picks. Unexpected errors go to `reportError` (never the request body).
import { Elysia } from 'elysia';
import { toErrorResponse } from './error-response';

/** Receives unexpected (500) errors; it must not print request bodies or headers. */
export type ReportError = (error: unknown, where: { method: string; path: string }) => void;

export function errorHandler(reportError?: ReportError) {
  return new Elysia({ name: 'ingress.errors' })
    .onError({ as: 'global' }, ({ code, error, request, path }) => {
      const mapped = toErrorResponse(error, code);
      if (mapped.unexpected) reportError?.(error, { method: request.method, path });
      return Response.json(mapped.body, { status: mapped.status });
    });
}
