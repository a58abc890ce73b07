// TypeBox models of /api/tokens: issue (the token is in the reply once), list and revoke. Token
// hashes never appear in a response model.
import { t } from 'elysia';
import { EntityId, IsoDate, ListOf } from '../http/model';

export const TokenScopeSchema = t.Union([t.Literal('operator'), t.Literal('follower')]);

export const IssueTokenBody = t.Union([
  t.Object({ scope: t.Literal('operator') }, { additionalProperties: false }),
  t.Object({ scope: t.Literal('follower'), followerId: EntityId }, { additionalProperties: false }),
]);
export type IssueTokenBody = typeof IssueTokenBody.static;

export const TokenView = t.Object({
  id: t.String(),
  scope: TokenScopeSchema,
  followerId: t.Union([t.String(), t.Null()]),
  createdAt: IsoDate,
  lastUsedAt: t.Union([IsoDate, t.Null()]),
}, { additionalProperties: false });
export type TokenView = typeof TokenView.static;
export const TokenList = ListOf(TokenView);

export const IssuedToken = t.Object({
  id: t.String(),
  /** The bearer token: shown this once, stored only as a hash. */
  token: t.String(),
  scope: TokenScopeSchema,
  followerId: t.Union([t.String(), t.Null()]),
}, { additionalProperties: false });
export type IssuedToken = typeof IssuedToken.static;
