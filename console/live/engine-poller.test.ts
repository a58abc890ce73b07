// Tests of the overview/latency poller against a real HTTP server standing in for the engine's routes:
// it publishes what the engine answers, polls only while browsers listen, and skips failed polls.
import { afterAll, expect, test } from 'bun:test';
import { EngineApi } from '../engine/api';
import { engineRequester } from '../engine/client';
import { EnginePoller } from './engine-poller';
import { LiveHub } from './live-hub';

let calls: string[] = [];
let failing = false;
const overview = { feeds: { connected: 1, total: 2 }, whales: 1, followers: 3, followersOnline: 2, ordersPerSec: 4.5, latency: {}, shards: [] };
const server = Bun.serve({
  port: 0, hostname: '127.0.0.1',
  fetch(req) {
    const path = new URL(req.url).pathname;
    calls.push(`${req.headers.get('authorization')} ${path}`);
    if (failing) return Response.json({ error: 'internal', message: 'internal error' }, { status: 500 });
    if (path === '/api/overview') return Response.json(overview);
    if (path === '/api/latency') return Response.json({ end_to_end: [{ percentile: 50, ms: 3 }] });
    return new Response('no', { status: 404 });
  },
});
afterAll(async () => { await server.stop(true); });

const poller = (hub: LiveHub, errors: string[] = []) => new EnginePoller({
  api: new EngineApi(engineRequester(`http://127.0.0.1:${server.port}`)), token: 'tok', hub, nowMs: () => 1234, onError: (what) => errors.push(what),
});

test('publishes the overview and the curves with the console token', async () => {
  const hub = new LiveHub();
  const p = poller(hub);
  await p.poll('overview');
  await p.poll('latency');
  expect(hub.snapshot('overview')).toEqual({ type: 'overview', ts: 1234, overview });
  expect(hub.snapshot('latency')).toEqual({ type: 'latency', ts: 1234, curves: { end_to_end: [{ percentile: 50, ms: 3 }] } });
  expect(calls).toEqual(['Bearer tok /api/overview', 'Bearer tok /api/latency']);
});

test('no browser listening and a snapshot held: no poll; a browser listening: poll', async () => {
  const hub = new LiveHub();
  const p = poller(hub);
  await p.poll('overview');
  calls = [];
  await p.poll('overview');
  expect(calls).toEqual([]);
  const browser = hub.subscribe();
  await p.poll('overview');
  expect(calls.length).toBe(1);
  browser.close();
});

test('a failed poll publishes nothing and reports the error', async () => {
  const hub = new LiveHub();
  const errors: string[] = [];
  failing = true;
  await poller(hub, errors).poll('overview');
  failing = false;
  expect(hub.snapshot('overview')).toBeUndefined();
  expect(errors).toEqual(['overview']);
});
