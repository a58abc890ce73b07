// Tests of the bounded body reader: declared and streamed (chunked) bodies, at and over the limit, and
// multi-byte characters counted in bytes.
import { expect, test } from 'bun:test';
import { contentLengthOf, readBodyLimited } from './read-body';

const streamed = (chunks: string[]) => new Request('http://x/', {
  method: 'POST',
  body: new ReadableStream({ start(c) { for (const chunk of chunks) c.enqueue(new TextEncoder().encode(chunk)); c.close(); } }),
});

test.each([
  ['declared, within', 'abcd', 4, 4, 'abcd'],
  ['declared, over', 'abcde', 4, 5, undefined],
  ['multi-byte counts bytes', 'ééé', 5, 6, undefined],
  ['multi-byte within', 'éé', 4, 4, 'éé'],
] as const)('%s', async (_case, text, max, declared, expected) => {
  const request = new Request('http://x/', { method: 'POST', body: text });
  expect(await readBodyLimited(request, max, declared)).toBe(expected);
});

test('streamed chunks are joined; the read stops past the limit', async () => {
  expect(await readBodyLimited(streamed(['{"a":', '1}']), 100)).toBe('{"a":1}');
  expect(await readBodyLimited(streamed(['x'.repeat(60), 'y'.repeat(60)]), 100)).toBeUndefined();
  expect(await readBodyLimited(new Request('http://x/', { method: 'POST' }), 10)).toBe('');
});

test.each([
  ['12', 12], ['0', 0], [null, undefined], ['-1', undefined], ['1e3', undefined], ['5x', undefined], ['9'.repeat(16), undefined],
] as const)('contentLengthOf(%p) -> %p', (value, expected) => {
  const headers = new Headers();
  if (value !== null) headers.set('content-length', value);
  expect(contentLengthOf(headers)).toBe(expected);
});
