// Trading-state controller: POST /api/state (halt, reducing-only, resume; optional flatten) and
// GET /api/state. Validates with the models and delegates to StateService.
import { Elysia } from 'elysia';
import type { AuthPlugin } from '../auth/plugin';
import { SetStateBody, StateChanged, StatesView } from './model';
import { StateService, type StateServiceDeps } from './service';

const tags = ['state'];

export function stateController(deps: StateServiceDeps, auth: AuthPlugin) {
  const states = new StateService(deps);
  return new Elysia({ name: 'ingress.state', normalize: false, prefix: '/api/state' })
    .use(auth)
    .post('', ({ principal, body }) => states.set(principal, body), {
      body: SetStateBody, response: { 200: StateChanged },
      detail: { tags, summary: 'Set the trading state of the engine, a whale or a follower (flatten: also close every position of the scope)' },
    })
    .get('', ({ principal }) => states.get(principal), {
      response: { 200: StatesView }, detail: { tags, summary: 'Trading states applied by the engine' },
    });
}
