// The prebuilt XADD frame against the real Redis at 127.0.0.1:6379: payloads come back byte for byte
// (binary, CR/LF inside, empty, 1 MB), back-to-back commands keep their order, a closed connection rejects.
import { afterAll, describe, expect, test } from 'bun:test';
import { Redis } from 'ioredis';
import { xaddFrame, xaddPrebuilt } from './redis-xadd';

const redis = new Redis('redis://127.0.0.1:6379', { protocol: 2 });
const stream = `test:xadd:{${crypto.randomUUID()}}:é`;

afterAll(async () => {
  await redis.unlink(stream);
  redis.disconnect();
});

async function payloadOf(id: string): Promise<Buffer> {
  const entries = (await redis.xrangeBuffer(stream, id, id)) as [Buffer, Buffer[]][];
  expect(entries).toHaveLength(1);
  const [, fields] = entries[0]!;
  expect(fields[0]!.toString()).toBe('p');
  return fields[1]!;
}

describe('xaddPrebuilt', () => {
  test('the frame is exactly the RESP of XADD stream * p payload', () => {
    const frame = xaddFrame('s', Uint8Array.of(1, 13, 10));
    expect(frame.toString('latin1')).toBe('*5\r\n$4\r\nXADD\r\n$1\r\ns\r\n$1\r\n*\r\n$1\r\np\r\n$3\r\n\x01\r\n\r\n');
  });

  test('with room around the payload the frame is written in place, identical to the copied frame', () => {
    const room = Buffer.alloc(300 + 5 + 2, 0xaa);
    const payload = room.subarray(300, 305).fill(7);
    const framed = xaddFrame('stream', payload, room);
    expect(framed.buffer).toBe(room.buffer); // no new buffer
    expect(framed.equals(xaddFrame('stream', Buffer.from(payload)))).toBe(true);
    expect([...payload]).toEqual([7, 7, 7, 7, 7]);
    // Room that is too small, or that is another buffer, is not written: the payload is copied instead.
    const tight = Buffer.alloc(8 + 5 + 2, 0xaa);
    const tightPayload = tight.subarray(8, 13).fill(7);
    expect(xaddFrame('stream', tightPayload, tight).buffer).not.toBe(tight.buffer);
    expect([...tight.subarray(0, 8)]).toEqual(new Array(8).fill(0xaa));
    expect(xaddFrame('stream', payload, Buffer.alloc(400)).buffer).not.toBe(room.buffer);
  });

  test('payloads come back byte for byte, in the order sent', async () => {
    const big = new Uint8Array(1 << 20).map((_, i) => (i * 31 + 7) & 255);
    const payloads = [Uint8Array.of(13, 10, 0, 255), new Uint8Array(0), big, Buffer.from('ünïcode\r\n')];
    const ids = (await Promise.all(payloads.map((p) => xaddPrebuilt(redis, stream, p)))) as string[];
    const sorted = [...ids].sort((a, b) => {
      const [am, as] = a.split('-').map(Number);
      const [bm, bs] = b.split('-').map(Number);
      return am! - bm! || as! - bs!;
    });
    expect(ids).toEqual(sorted);
    for (let i = 0; i < payloads.length; i++) expect(new Uint8Array(await payloadOf(ids[i]!))).toEqual(payloads[i]!);
    // The connection is still in step: an ordinary command after the frames gets its own reply.
    expect(await redis.xlen(stream)).toBe(payloads.length);
  });

  test('a closed connection rejects instead of hanging', async () => {
    const closed = new Redis('redis://127.0.0.1:6379', { protocol: 2, enableOfflineQueue: false, lazyConnect: true });
    closed.disconnect();
    await expect(xaddPrebuilt(closed, stream, Uint8Array.of(1))).rejects.toThrow();
  });
});
