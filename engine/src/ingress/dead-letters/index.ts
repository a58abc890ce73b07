// Dead-letters controller: GET /api/dead-letters, POST /api/dead-letters/:shard/:deadId/retry|discard
// (operators). Validates with the models and delegates to DeadLetterService.
import { Elysia } from 'elysia';
import type { AuthPlugin } from '../auth/plugin';
import type { OperationsDeps } from '../ports';
import type { ServiceDeps } from '../service-support';
import { DeadLetterList, DeadLetterParams, DeadLettersQuery, Retried } from './model';
import { DeadLetterService } from './service';

const tags = ['dead-letters'];

export function deadLettersController(deps: ServiceDeps & Pick<OperationsDeps, 'bus' | 'shards'>, auth: AuthPlugin) {
  const letters = new DeadLetterService(deps);
  return new Elysia({ name: 'ingress.dead-letters', normalize: false, prefix: '/api/dead-letters' })
    .use(auth)
    .get('', async ({ principal, query }) => ({ items: await letters.list(principal, query) }), {
      query: DeadLettersQuery, response: { 200: DeadLetterList }, detail: { tags, summary: 'Signal batches executors gave up on, oldest first' },
    })
    .post('/:shard/:deadId/retry', ({ principal, params }) => letters.retry(principal, params.shard, params.deadId), {
      params: DeadLetterParams, response: { 200: Retried }, detail: { tags, summary: 'Put a dead letter back on its shard stream' },
    })
    .post('/:shard/:deadId/discard', async ({ principal, params, set }) => {
      await letters.discard(principal, params.shard, params.deadId);
      set.status = 204;
    }, { params: DeadLetterParams, detail: { tags, summary: 'Drop a dead letter' } });
}
