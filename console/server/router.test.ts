// Table tests of the router: literal and param segments, decoding, method mismatch (allowed list),
// trailing slashes and malformed escapes.
import { expect, test } from 'bun:test';
import { Router } from './router';

const router = new Router<string>()
  .add('GET', '/console', 'home')
  .add('GET', '/console/whales/:id', 'whale')
  .add('POST', '/console/whales/:id', 'whale-post')
  .add('POST', '/console/dead-letters/:shard/:deadId/retry', 'retry');

test.each([
  ['GET', '/console', 'home', {}],
  ['GET', '/console/', 'home', {}],
  ['GET', '/console/whales/w%201', 'whale', { id: 'w 1' }],
  ['POST', '/console/whales/abc', 'whale-post', { id: 'abc' }],
  ['POST', '/console/dead-letters/2/1700-0/retry', 'retry', { shard: '2', deadId: '1700-0' }],
  ['GET', '/console/whales', undefined, undefined],
  ['GET', '/console/whales/%zz', undefined, undefined],
  ['GET', '/other', undefined, undefined],
] as const)('%s %s -> %p', (method, path, value, params) => {
  const { found } = router.match(method, path);
  expect(found?.value).toBe(value);
  if (params !== undefined) expect(found?.params).toEqual(params);
});

test('a path served by another method reports the allowed methods', () => {
  expect(router.match('DELETE', '/console/whales/x')).toEqual({ allowed: ['GET', 'POST'] });
});
