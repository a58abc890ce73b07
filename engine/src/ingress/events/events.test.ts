// Tests of the /api/events WebSocket on a real server: operators get every event, a follower token
// (query string) only its own, no token no socket; a client that stops reading loses its oldest events
// and is told how many, while publishing never slows down.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { connect, type Socket } from 'node:net';
import type { EngineEvent } from '../../events';
import { serveApi, type ApiServer } from '../serve';
import { ADMIN_TOKEN, openApiHarness, type ApiHarness } from '../testing/api-harness.test-support';

let h: ApiHarness;
let server: ApiServer;
let followerToken: string;
let ownFollowerId: string;
beforeAll(async () => {
  h = await openApiHarness({ eventsSocket: { queueCapacity: 64, highWaterBytes: 64 * 1024 } });
  ownFollowerId = (await h.call('POST', '/api/followers', { body: { name: 'own', venue: 'binanceusdm', apiKey: 'k', secret: 's' } })).body.id;
  followerToken = (await h.store.tokens.issue({ scope: 'follower', followerId: ownFollowerId })).token;
  server = serveApi(h.api, { port: 0, hostname: '127.0.0.1' });
}, 30_000);
afterAll(async () => {
  await server.stop();
  await h.close();
});

const wsUrl = (query = '') => `ws://127.0.0.1:${server.port}/api/events${query}`;
const signal = (followerId: string, n: number): EngineEvent => ({
  type: 'signal', ts: n, whaleId: 'w1', seq: n, followerId, clientOrderId: `c${n}`, symbol: 'BTC/USDT:USDT', side: 'buy', amount: 0.01, reduceOnly: false, leg: 1,
});

/** Opens a socket and collects its messages; rejects if it closes before opening. */
function open(url: string, headers?: Record<string, string>): Promise<{ ws: WebSocket; messages: any[] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers } as never);
    const messages: any[] = [];
    ws.onmessage = (e) => messages.push(JSON.parse(String(e.data)));
    ws.onopen = () => resolve({ ws, messages });
    ws.onclose = (e) => reject(new Error(`closed ${e.code}`));
  });
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await Bun.sleep(10);
  }
}

describe('GET /api/events', () => {
  test('an operator (Authorization header) gets every event, in order', async () => {
    const { ws, messages } = await open(wsUrl(), { authorization: `Bearer ${ADMIN_TOKEN}` });
    await until(() => h.events.subscriberCount === 1);
    h.events.publish(signal('a', 1));
    h.events.publish({ type: 'whale', ts: 2, whaleId: 'w1', positions: [{ symbol: 'BTC/USDT:USDT', contracts: 1, entryPrice: 60000 }] });
    h.events.publish({ type: 'state', ts: 3, scope: 'engine', id: '', state: 'halted' });
    await until(() => messages.length === 3);
    expect(messages.map((m) => m.type)).toEqual(['signal', 'whale', 'state']);
    expect(messages[1].positions[0].contracts).toBe(1);
    ws.close();
    await until(() => h.events.subscriberCount === 0);
  });

  test('a follower token in the query string: only that follower\'s events and the engine state', async () => {
    const { ws, messages } = await open(wsUrl(`?token=${followerToken}`));
    await until(() => h.events.subscriberCount === 1);
    h.events.publish(signal('someone-else', 1));
    h.events.publish({ type: 'whale', ts: 2, whaleId: 'w1', positions: [] });
    h.events.publish(signal(ownFollowerId, 3));
    h.events.publish({ type: 'state', ts: 4, scope: 'follower', id: ownFollowerId, state: 'halted' });
    h.events.publish({ type: 'state', ts: 5, scope: 'whale', id: 'w1', state: 'halted' });
    h.events.publish({ type: 'state', ts: 6, scope: 'engine', id: '', state: 'reducing' });
    await until(() => messages.length === 3);
    await Bun.sleep(30);
    expect(messages.map((m) => [m.type, m.ts])).toEqual([['signal', 3], ['state', 4], ['state', 6]]);
    ws.close();
  });

  test.each([['no token', ''], ['a wrong token', '?token=wct_nope']])('%s: no socket', async (_case, query) => {
    await expect(open(wsUrl(query))).rejects.toThrow('closed');
    expect(h.events.subscriberCount).toBe(0);
  });
});

/** A WebSocket client on a raw TCP socket, so the test can stop reading (pause) like a slow client. */
function rawClient(port: number, token: string): Promise<{ socket: Socket; frames: () => string[] }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let buffer = Buffer.alloc(0);
    let upgraded = false;
    const texts: string[] = [];
    socket.on('error', reject);
    socket.on('connect', () => socket.write([
      `GET /api/events?token=${token} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Upgrade: websocket', 'Connection: Upgrade',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13', '', '',
    ].join('\r\n')));
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        if (!buffer.subarray(0, end).toString().startsWith('HTTP/1.1 101')) return reject(new Error(buffer.toString()));
        upgraded = true;
        buffer = buffer.subarray(end + 4);
        resolve({ socket, frames: () => texts });
      }
      for (;;) {
        if (buffer.length < 2) return;
        let length = buffer[1]! & 0x7f;
        let offset = 2;
        if (length === 126) { if (buffer.length < 4) return; length = buffer.readUInt16BE(2); offset = 4; }
        else if (length === 127) { if (buffer.length < 10) return; length = Number(buffer.readBigUInt64BE(2)); offset = 10; }
        if (buffer.length < offset + length) return;
        if ((buffer[0]! & 0x0f) === 1) texts.push(buffer.subarray(offset, offset + length).toString());
        buffer = buffer.subarray(offset + length);
      }
    });
  });
}

test('a client that stops reading: publishing stays fast, the oldest events are dropped with one notice', async () => {
  const client = await rawClient(server.port, ADMIN_TOKEN);
  await until(() => h.events.subscriberCount === 1);
  client.socket.pause();
  const positions = Array.from({ length: 150 }, (_, i) => ({ symbol: `S${i}/USDT:USDT`, target: i, actual: i, inFlight: 0 }));
  const total = 3000;
  const t0 = performance.now();
  for (let n = 1; n <= total; n++) {
    h.events.publish({ type: 'follower', ts: n, followerId: 'f', positions });
    if (n % 100 === 0) await Bun.sleep(1); // let the pump run between bursts, as the engine's event loop would
  }
  const publishMs = performance.now() - t0;
  client.socket.resume();
  await until(() => client.frames().some((f) => f.includes('"ts":3000,')), 15_000);
  const messages = client.frames().map((f) => JSON.parse(f));
  const dropped = messages.filter((m) => m.type === 'dropped');
  const delivered = messages.filter((m) => m.type === 'follower').map((m) => m.ts);
  expect(dropped.length).toBeGreaterThan(0);
  expect(delivered.length + dropped.reduce((sum, m) => sum + m.count, 0)).toBe(total);
  expect(delivered).toEqual([...delivered].sort((a, b) => a - b));
  expect(delivered.at(-1)).toBe(total);
  expect(publishMs).toBeLessThan(3000);
  client.socket.destroy();
}, 30_000);
