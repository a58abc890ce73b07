// Serving /metrics: a fetch handler for any Bun/Elysia server, a tiny Bun.serve for executor processes,
// and the executor's metrics port from its environment. Owns no metric; reads the registry when asked.
import type { Registry } from 'prom-client';
import { MetricsConfigError, MetricsServerError } from './errors';

export const METRICS_PATH = '/metrics';
/** Executor shard i listens on DEFAULT_EXECUTOR_METRICS_PORT + i unless EXECUTOR_METRICS_PORT says otherwise. */
export const DEFAULT_EXECUTOR_METRICS_PORT = 9400;

export interface MetricsHandlerOptions {
  /** When set, requests must carry `Authorization: Bearer <token>` (Prometheus: `authorization.credentials`). */
  readonly bearerToken?: string;
}

/**
 * `(req) => Response` for GET/HEAD /metrics in the registry's content type; 404 for other paths, 405 for
 * other methods, 401 without the bearer token when one is required, 500 when a collector throws.
 */
export function metricsHandler(registry: Registry, options: MetricsHandlerOptions = {}): (req: Request) => Promise<Response> {
  const expected = options.bearerToken ? `Bearer ${options.bearerToken}` : undefined;
  return async (req) => {
    if (new URL(req.url).pathname !== METRICS_PATH) return new Response('not found\n', { status: 404 });
    if (req.method !== 'GET' && req.method !== 'HEAD') return new Response('method not allowed\n', { status: 405, headers: { allow: 'GET, HEAD' } });
    if (expected && req.headers.get('authorization') !== expected) {
      return new Response('unauthorized\n', { status: 401, headers: { 'www-authenticate': 'Bearer' } });
    }
    try {
      const body = await registry.metrics();
      return new Response(req.method === 'HEAD' ? null : body, { headers: { 'content-type': registry.contentType } });
    } catch (error) {
      return new Response(`metrics collection failed: ${error instanceof Error ? error.message : String(error)}\n`, { status: 500 });
    }
  };
}

export interface MetricsServer {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

export interface MetricsServerOptions extends MetricsHandlerOptions {
  /** 0 = any free port. */
  readonly port: number;
  /** Default 0.0.0.0 (Prometheus scrapes from another host or container). */
  readonly hostname?: string;
}

/** Serves only /metrics (executor processes have no other HTTP surface). */
export function startMetricsServer(registry: Registry, options: MetricsServerOptions): MetricsServer {
  const handler = metricsHandler(registry, options);
  const hostname = options.hostname ?? '0.0.0.0';
  let server: ReturnType<typeof Bun.serve>;
  try {
    server = Bun.serve({ port: options.port, hostname, fetch: handler });
  } catch (error) {
    throw new MetricsServerError(`cannot serve ${METRICS_PATH} on ${hostname}:${options.port}`, { cause: error, ids: { port: options.port } });
  }
  const port = server.port ?? options.port;
  const host = hostname === '0.0.0.0' ? '127.0.0.1' : hostname;
  return { port, url: `http://${host}:${port}${METRICS_PATH}`, stop: () => server.stop(true) };
}

/**
 * The executor's metrics port: EXECUTOR_METRICS_PORT when set (an integer 0..65535; 0 = any free port),
 * else 9400 + shard. Throws MetricsConfigError for anything else.
 */
export function executorMetricsPort(env: Readonly<Record<string, string | undefined>>, shard: number): number {
  const raw = env['EXECUTOR_METRICS_PORT']?.trim();
  if (!raw) {
    const port = DEFAULT_EXECUTOR_METRICS_PORT + shard;
    if (!Number.isInteger(shard) || shard < 0 || port > 65535) throw new MetricsConfigError(`no default metrics port for shard ${shard}`, { ids: { shard } });
    return port;
  }
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new MetricsConfigError(`EXECUTOR_METRICS_PORT must be an integer from 0 to 65535, got ${JSON.stringify(raw)}`, { ids: { shard } });
  }
  return Number(raw);
}
