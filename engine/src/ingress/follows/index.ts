// Follows controller: routes of /api/follows. Operators manage every follow; a follower token only
// the follows of its own follower (FollowService enforces it). No business rules here.
import { Elysia } from 'elysia';
import type { AuthPlugin } from '../auth/plugin';
import { CreatedId, IdParams } from '../http/model';
import type { ServiceDeps } from '../service-support';
import { CreateFollowBody, FollowList, FollowListQuery, FollowView, UpdateFollowBody } from './model';
import { FollowService } from './service';

const tags = ['follows'];

export function followsController(deps: ServiceDeps, auth: AuthPlugin) {
  const follows = new FollowService(deps);
  return new Elysia({ name: 'ingress.follows', normalize: false, prefix: '/api/follows' })
    .use(auth)
    .post('', async ({ principal, body, status }) => status(201, await follows.create(principal, body)), {
      body: CreateFollowBody, response: { 201: CreatedId },
      detail: { tags, summary: 'Follow a whale: sizing, caps, leverage, symbols, existing positions' },
    })
    .get('', async ({ principal, query }) => ({ items: await follows.list(principal, query) }), {
      query: FollowListQuery, response: { 200: FollowList }, detail: { tags, summary: 'List follows' },
    })
    .get('/:id', ({ principal, params }) => follows.get(principal, params.id), {
      params: IdParams, response: { 200: FollowView }, detail: { tags, summary: 'Get a follow' },
    })
    .patch('/:id', ({ principal, params, body }) => follows.update(principal, params.id, body), {
      params: IdParams, body: UpdateFollowBody, response: { 200: FollowView }, detail: { tags, summary: 'Change a follow' },
    })
    .delete('/:id', async ({ principal, params, set }) => {
      await follows.remove(principal, params.id);
      set.status = 204;
    }, { params: IdParams, detail: { tags, summary: 'Stop following' } });
}
