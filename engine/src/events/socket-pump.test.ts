// Tests of SocketPump against a socket double with Bun's send() contract: it sends outside the
// publisher's call, stops under backpressure, resumes on drain, and stops for good on a closed socket.
import { expect, test } from 'bun:test';
import { EventHub } from './event-hub';
import type { EngineEvent } from './events';
import { SocketPump, type EventSocket } from './socket-pump';

class SocketDouble implements EventSocket {
  readonly sent: string[] = [];
  buffered = 0;
  /** What send() answers next: 1 sent, -1 backpressure, 0 dropped. */
  reply = 1;
  send(text: string): number {
    if (this.reply === 0) return 0;
    this.sent.push(text);
    if (this.reply === -1) this.buffered += text.length;
    return this.reply === -1 ? -1 : text.length;
  }
  getBufferedAmount(): number {
    return this.buffered;
  }
}

const state = (n: number): EngineEvent => ({ type: 'state', ts: n, scope: 'follower', id: `f${n}`, state: 'halted' });

test('sends after the publisher returns, as JSON, in order', async () => {
  const hub = new EventHub();
  const socket = new SocketDouble();
  let pump!: SocketPump;
  const sub = hub.subscribe({ onReady: () => pump.wake() });
  pump = new SocketPump(sub, socket);
  hub.publish(state(1));
  hub.publish(state(2));
  expect(socket.sent).toEqual([]);
  await Bun.sleep(1);
  expect(socket.sent.map((t) => JSON.parse(t).ts)).toEqual([1, 2]);
  expect(pump.sent).toBe(2);
});

test('backpressure: stops at the high-water mark, the queue drops the oldest, drain resumes with a dropped notice', async () => {
  const hub = new EventHub();
  const socket = new SocketDouble();
  let pump!: SocketPump;
  const sub = hub.subscribe({ capacity: 5, onReady: () => pump.wake() });
  pump = new SocketPump(sub, socket, 50);
  socket.reply = -1;
  hub.publish(state(1));
  await Bun.sleep(1);
  expect(socket.sent.length).toBe(1); // queued under backpressure: the pump waits for drain
  for (let n = 2; n <= 50; n++) hub.publish(state(n));
  await Bun.sleep(1);
  expect([socket.sent.length, sub.size]).toEqual([1, 5]);
  socket.buffered = 0;
  socket.reply = 1;
  pump.flush(); // what the socket's drain callback does
  const messages = socket.sent.slice(1).map((t) => JSON.parse(t));
  expect(messages[0]).toEqual({ type: 'dropped', count: 44 });
  expect(messages.slice(1).map((m) => m.ts)).toEqual([46, 47, 48, 49, 50]);
});

test('a closed socket (send returns 0) stops the pump and closes the subscription', async () => {
  const hub = new EventHub();
  const socket = new SocketDouble();
  let pump!: SocketPump;
  const sub = hub.subscribe({ onReady: () => pump.wake() });
  pump = new SocketPump(sub, socket);
  socket.reply = 0;
  hub.publish(state(1));
  await Bun.sleep(1);
  expect([sub.isOpen, hub.active, pump.sent]).toEqual([false, false, 0]);
});
