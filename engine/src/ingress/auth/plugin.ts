// Elysia plugin that derives `principal` for every route of the controller using it. It runs in
// the transform phase, so a missing token answers 401 before the body is validated.
import { Elysia } from 'elysia';
import type { Authenticate } from './authenticate';

export function authPlugin(authenticate: Authenticate) {
  return new Elysia({ name: 'ingress.auth' })
    .derive({ as: 'scoped' }, async ({ headers }) => ({ principal: await authenticate(headers.authorization) }));
}

export type AuthPlugin = ReturnType<typeof authPlugin>;
