// Tokens controller: /api/tokens (issue and revoke: operator; list: a follower token sees its own).
// Validates with the models and delegates to TokenService.
import { Elysia } from 'elysia';
import type { AuthPlugin } from '../auth/plugin';
import { IdParams } from '../http/model';
import type { ServiceDeps } from '../service-support';
import { IssuedToken, IssueTokenBody, TokenList } from './model';
import { TokenService } from './service';

const tags = ['tokens'];

export function tokensController(deps: ServiceDeps, auth: AuthPlugin) {
  const tokens = new TokenService(deps);
  return new Elysia({ name: 'ingress.tokens', normalize: false, prefix: '/api/tokens' })
    .use(auth)
    .post('', async ({ principal, body, status }) => status(201, await tokens.issue(principal, body)), {
      body: IssueTokenBody, response: { 201: IssuedToken },
      detail: { tags, summary: 'Issue an API token (operator, or one follower); the token is shown once' },
    })
    .get('', async ({ principal }) => ({ items: await tokens.list(principal) }), {
      response: { 200: TokenList }, detail: { tags, summary: 'List tokens (never the token values)' },
    })
    .delete('/:id', async ({ principal, params, set }) => {
      await tokens.revoke(principal, params.id);
      set.status = 204;
    }, { params: IdParams, detail: { tags, summary: 'Revoke a token' } });
}
