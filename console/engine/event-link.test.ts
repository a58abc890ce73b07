// Tests of the engine event link against a real WebSocket server (Bun.serve): the bearer token travels
// in the Authorization header, messages are parsed (junk ignored), and the link comes back after the
// server drops it.
import { afterEach, expect, test } from 'bun:test';
import { EngineEventLink, eventsUrl, nextBackoff } from './event-link';

type Server = ReturnType<typeof Bun.serve>;
let servers: Server[] = [];
let links: EngineEventLink[] = [];
afterEach(async () => {
  for (const link of links) link.stop();
  for (const server of servers) await server.stop(true);
  servers = [];
  links = [];
});

function engineLike(port: number, seen: string[]) {
  const server = Bun.serve({
    port,
    hostname: '127.0.0.1',
    fetch(req, srv) {
      seen.push(req.headers.get('authorization') ?? '');
      if (new URL(req.url).pathname !== '/api/events' || req.headers.get('authorization') !== 'Bearer secret-token') return new Response('no', { status: 401 });
      return srv.upgrade(req) ? undefined : new Response('upgrade failed', { status: 400 });
    },
    websocket: {
      open(ws) {
        ws.send('not json');
        ws.send(JSON.stringify({ type: 'nope' }));
        ws.send(JSON.stringify({ type: 'state', ts: 1, scope: 'engine', id: '', state: 'halted' }));
        ws.send(JSON.stringify({ type: 'dropped', count: 2 }));
      },
      message() {},
    },
  });
  servers.push(server);
  return server;
}

const until = async (what: string, check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await Bun.sleep(10);
  }
};

test('connects with the bearer header, passes known messages, reconnects after a drop', async () => {
  const seen: string[] = [];
  const first = engineLike(0, seen);
  const port = first.port!;
  const messages: string[] = [];
  const states: boolean[] = [];
  const link = new EngineEventLink({
    engineUrl: `http://127.0.0.1:${port}`, token: 'secret-token', minBackoffMs: 20, maxBackoffMs: 50,
    onMessage: (m) => messages.push(m.type), onLinkChange: (c) => states.push(c),
  });
  links.push(link);
  link.start();
  await until('two messages', () => messages.length === 2);
  expect(messages).toEqual(['state', 'dropped']);
  expect(seen).toEqual(['Bearer secret-token']);
  await first.stop(true);
  servers = [];
  await until('link down', () => !link.connected);
  engineLike(port, seen);
  await until('link back', () => link.connected && messages.length === 4);
  expect(states).toEqual([true, false, true]);
});

test('a refused token keeps retrying without throwing', async () => {
  const seen: string[] = [];
  const server = engineLike(0, seen);
  const link = new EngineEventLink({ engineUrl: `http://127.0.0.1:${server.port}`, token: 'wrong', minBackoffMs: 10, maxBackoffMs: 20, onMessage: () => {} });
  links.push(link);
  link.start();
  await until('three attempts', () => seen.length >= 3);
  expect(link.connected).toBe(false);
});

test.each([
  ['http://127.0.0.1:3000', 'ws://127.0.0.1:3000/api/events'], ['https://engine.example/', 'wss://engine.example/api/events'],
])('eventsUrl(%p) = %p', (http, ws) => expect(eventsUrl(http)).toBe(ws));

test.each([[250, 250, 5000, 500], [4000, 250, 5000, 5000], [0, 250, 5000, 250]])('nextBackoff(%p) = %p', (current, min, max, next) => {
  expect(nextBackoff(current, min, max)).toBe(next);
});
