// Whales controller: routes of /api/whales (operator scope). Parses and validates with the models,
// then delegates to WhaleService; holds no business rules of its own.
import { Elysia } from 'elysia';
import type { AuthPlugin } from '../auth/plugin';
import { CreatedId, IdParams } from '../http/model';
import type { ServiceDeps } from '../service-support';
import { CreateWhaleBody, UpdateWhaleBody, WhaleList, WhalePositions, WhaleView } from './model';
import { WhaleService } from './service';

const tags = ['whales'];

export function whalesController(deps: ServiceDeps, auth: AuthPlugin) {
  const whales = new WhaleService(deps);
  return new Elysia({ name: 'ingress.whales', normalize: false, prefix: '/api/whales' })
    .use(auth)
    .post('', async ({ principal, body, status }) => status(201, await whales.create(principal, body)), {
      body: CreateWhaleBody, response: { 201: CreatedId },
      detail: { tags, summary: 'Add a whale (binanceusdm lead account, hyperliquid address or TradingView strategy)' },
    })
    .get('', async ({ principal }) => ({ items: await whales.list(principal) }), {
      response: { 200: WhaleList }, detail: { tags, summary: 'List whales' },
    })
    .get('/:id', ({ principal, params }) => whales.get(principal, params.id), {
      params: IdParams, response: { 200: WhaleView }, detail: { tags, summary: 'Get a whale' },
    })
    .patch('/:id', ({ principal, params, body }) => whales.update(principal, params.id, body), {
      params: IdParams, body: UpdateWhaleBody, response: { 200: WhaleView },
      detail: { tags, summary: 'Change a whale (fields depend on its kind)' },
    })
    .delete('/:id', async ({ principal, params, set }) => {
      await whales.remove(principal, params.id);
      set.status = 204;
    }, { params: IdParams, detail: { tags, summary: 'Delete a whale and its follows' } })
    .get('/:id/positions', ({ principal, params }) => whales.positions(principal, params.id), {
      params: IdParams, response: { 200: WhalePositions }, detail: { tags, summary: 'Live positions of a whale' },
    });
}
