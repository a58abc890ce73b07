// Tests of /api/tokens and /api/audit on a real PGlite store: issued tokens work at once and only in
// their scope, listing never shows a token or its hash, revoking ends access; the audit log pages.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { openApiHarness, type ApiHarness } from '../testing/api-harness.test-support';
import { binanceFollower } from '../testing/fixtures.test-support';

let h: ApiHarness;
let followerId: string;
beforeAll(async () => {
  h = await openApiHarness();
  followerId = (await h.call('POST', '/api/followers', { body: binanceFollower() })).body.id;
}, 30_000);
afterAll(async () => { await h.close(); }, 30_000);

describe('tokens', () => {
  test('an operator token: shown once, works everywhere, listed without its value, revoked for good', async () => {
    const issued = await h.call('POST', '/api/tokens', { body: { scope: 'operator' } });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ scope: 'operator', followerId: null });
    expect(issued.body.token).toMatch(/^wct_[A-Za-z0-9_-]{43}$/);
    expect((await h.call('GET', '/api/whales', { token: issued.body.token })).status).toBe(200);
    const listed = await h.call('GET', '/api/tokens');
    const view = listed.body.items.find((t: { id: string }) => t.id === issued.body.id);
    expect(Object.keys(view).sort()).toEqual(['createdAt', 'followerId', 'id', 'lastUsedAt', 'scope']);
    expect(view.lastUsedAt).not.toBeNull();
    expect(listed.text).not.toContain(issued.body.token);
    expect((await h.call('DELETE', `/api/tokens/${issued.body.id}`)).status).toBe(204);
    expect((await h.call('GET', '/api/whales', { token: issued.body.token })).status).toBe(401);
    expect((await h.call('DELETE', `/api/tokens/${issued.body.id}`)).status).toBe(404);
    expect((await h.store.audit.list({ target: issued.body.id })).map((e) => e.action).sort()).toEqual(['token.issue', 'token.revoke']);
  });

  test('a follower token sees its own follower and tokens only, and cannot issue or revoke', async () => {
    const issued = (await h.call('POST', '/api/tokens', { body: { scope: 'follower', followerId } })).body;
    expect(issued.followerId).toBe(followerId);
    const as = (method: string, path: string, body?: unknown) => h.call(method, path, { token: issued.token, body });
    expect((await as('GET', `/api/followers/${followerId}`)).status).toBe(200);
    expect((await as('GET', '/api/whales')).status).toBe(403);
    expect((await as('GET', '/api/tokens')).body.items.map((t: { id: string }) => t.id)).toEqual([issued.id]);
    expect((await as('POST', '/api/tokens', { scope: 'operator' })).status).toBe(403);
    expect((await as('DELETE', `/api/tokens/${issued.id}`)).status).toBe(403);
  });

  test.each([
    [{ scope: 'follower' }, 400, 'validation_failed'],
    [{ scope: 'operator', followerId: 'x' }, 400, 'validation_failed'],
    [{ scope: 'admin' }, 400, 'validation_failed'],
    [{ scope: 'follower', followerId: 'nobody' }, 404, 'not_found'],
  ] as const)('POST %o -> %d', async (body, status, code) => {
    const reply = await h.call('POST', '/api/tokens', { body });
    expect([reply.status, reply.body.error]).toEqual([status, code]);
  });
});

describe('GET /api/audit', () => {
  test('newest first, paged with next, filtered by target; operators only', async () => {
    for (const name of ['a1', 'a2', 'a3']) await h.call('PATCH', `/api/followers/${followerId}`, { body: { name } });
    const first = await h.call('GET', `/api/audit?target=${followerId}&limit=2`);
    expect(first.body.items.map((e: { action: string }) => e.action)).toEqual(['follower.update', 'follower.update']);
    expect(first.body.items[0].id).toBeGreaterThan(first.body.items[1].id);
    const second = await h.call('GET', `/api/audit?target=${followerId}&limit=2&beforeId=${first.body.next}`);
    expect(second.body.items.map((e: { action: string }) => e.action)).toEqual(['follower.update', 'follower.create']);
    expect(second.body.next).toBeNull();
    const beyond = await h.call('GET', `/api/audit?target=${followerId}&beforeId=${second.body.items[1].id}`);
    expect(beyond.body).toEqual({ items: [], next: null });
    const follower = (await h.store.tokens.issue({ scope: 'follower', followerId })).token;
    expect((await h.call('GET', '/api/audit', { token: follower })).status).toBe(403);
    expect((await h.call('GET', '/api/audit?limit=0')).status).toBe(400);
  });
});
