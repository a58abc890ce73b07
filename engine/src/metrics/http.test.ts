import { afterAll, describe, expect, test } from 'bun:test';
import { Counter, Registry } from 'prom-client';
import { MetricsConfigError, MetricsServerError } from './errors';
import { executorMetricsPort, metricsHandler, startMetricsServer, type MetricsServer } from './http';

function registryWithOne(): Registry {
  const registry = new Registry();
  new Counter({ name: 't_things_total', help: 'things', registers: [registry] }).inc(4);
  return registry;
}

describe('metricsHandler', () => {
  const handle = metricsHandler(registryWithOne());
  test('GET /metrics: text exposition in the registry content type', async () => {
    const res = await handle(new Request('http://x/metrics'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(await res.text()).toContain('t_things_total 4');
  });
  test.each([
    ['GET', 'http://x/', 404],
    ['GET', 'http://x/metrics/extra', 404],
    ['POST', 'http://x/metrics', 405],
    ['HEAD', 'http://x/metrics', 200],
    ['GET', 'http://x/metrics?debug=1', 200],
  ])('%s %s -> %p', async (method, url, status) => {
    expect((await handle(new Request(url, { method }))).status).toBe(status);
  });
  test('a bearer token, when set, is required', async () => {
    const guarded = metricsHandler(registryWithOne(), { bearerToken: 'secret-token-1234' });
    expect((await guarded(new Request('http://x/metrics'))).status).toBe(401);
    expect((await guarded(new Request('http://x/metrics', { headers: { authorization: 'Bearer wrong' } }))).status).toBe(401);
    expect((await guarded(new Request('http://x/metrics', { headers: { authorization: 'Bearer secret-token-1234' } }))).status).toBe(200);
  });
  test('a collector that throws gives 500 with its message', async () => {
    const registry = new Registry();
    new Counter({ name: 't_bad_total', help: 'h', registers: [registry], collect() { throw new Error('source gone'); } });
    const res = await metricsHandler(registry)(new Request('http://x/metrics'));
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('source gone');
  });
});

describe('startMetricsServer', () => {
  const servers: MetricsServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
  });
  test('serves /metrics over HTTP on a free port', async () => {
    const s = startMetricsServer(registryWithOne(), { port: 0, hostname: '127.0.0.1' });
    servers.push(s);
    expect(s.port).toBeGreaterThan(0);
    expect(s.url).toBe(`http://127.0.0.1:${s.port}/metrics`);
    const res = await fetch(s.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('t_things_total 4');
  });
  test('a port in use is a MetricsServerError naming the port', () => {
    const s = startMetricsServer(registryWithOne(), { port: 0, hostname: '127.0.0.1' });
    servers.push(s);
    expect(() => startMetricsServer(registryWithOne(), { port: s.port, hostname: '127.0.0.1' })).toThrow(MetricsServerError);
  });
});

describe('executorMetricsPort', () => {
  test.each([
    [{}, 0, 9400], [{}, 3, 9403], [{ EXECUTOR_METRICS_PORT: '' }, 2, 9402], [{ EXECUTOR_METRICS_PORT: ' 9500 ' }, 2, 9500], [{ EXECUTOR_METRICS_PORT: '0' }, 5, 0],
  ])('%p shard %p -> %p', (env, shard, port) => {
    expect(executorMetricsPort(env, shard)).toBe(port);
  });
  test.each([['-1'], ['65536'], ['9400.5'], ['abc'], ['9400 9401']])('rejects %p', (value) => {
    expect(() => executorMetricsPort({ EXECUTOR_METRICS_PORT: value }, 0)).toThrow(MetricsConfigError);
  });
  test('rejects a shard whose default port would not exist', () => {
    expect(() => executorMetricsPort({}, 60_000)).toThrow(MetricsConfigError);
  });
});
