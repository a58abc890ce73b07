// Followers controller: routes of /api/followers. Operators manage all followers; a follower token
// reads and changes only its own (FollowerService enforces it). No business rules here.
import { Elysia } from 'elysia';
import type { AuthPlugin } from '../auth/plugin';
import { CreatedId, IdParams } from '../http/model';
import type { ServiceDeps } from '../service-support';
import { CreateFollowerBody, FollowerList, FollowerPositions, FollowerView, UpdateFollowerBody } from './model';
import { FollowerService } from './service';

const tags = ['followers'];

export function followersController(deps: ServiceDeps, auth: AuthPlugin) {
  const followers = new FollowerService(deps);
  return new Elysia({ name: 'ingress.followers', normalize: false, prefix: '/api/followers' })
    .use(auth)
    .post('', async ({ principal, body, status }) => status(201, await followers.create(principal, body)), {
      body: CreateFollowerBody, response: { 201: CreatedId },
      detail: { tags, summary: 'Add a follower account (operator)' },
    })
    .get('', async ({ principal }) => ({ items: await followers.list(principal) }), {
      response: { 200: FollowerList }, detail: { tags, summary: 'List followers (a follower token sees itself)' },
    })
    .get('/:id', ({ principal, params }) => followers.get(principal, params.id), {
      params: IdParams, response: { 200: FollowerView }, detail: { tags, summary: 'Get a follower' },
    })
    .patch('/:id', ({ principal, params, body }) => followers.update(principal, params.id, body), {
      params: IdParams, body: UpdateFollowerBody, response: { 200: FollowerView },
      detail: { tags, summary: 'Rename, pause/resume or rotate the credentials of a follower' },
    })
    .delete('/:id', async ({ principal, params, set }) => {
      await followers.remove(principal, params.id);
      set.status = 204;
    }, { params: IdParams, detail: { tags, summary: 'Delete a follower and its follows (operator)' } })
    .get('/:id/positions', ({ principal, params }) => followers.positions(principal, params.id), {
      params: IdParams, response: { 200: FollowerPositions },
      detail: { tags, summary: 'Target, actual and in-flight contracts per symbol' },
    });
}
