// TypeBox models of /api/auth: sign-in, sign-up, operator creation, the venue key check and the portal
// session. Passwords and keys appear only in request bodies; no response model has a field for them.
import { t } from 'elysia';
import { EntityId, EvmAddress, EvmPrivateKey, IsoDate, Name, SecretText } from '../http/model';

export const Email = t.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$', description: 'an email address' });
/** Length is checked against the policy in the service (its minimum is configurable). */
export const Password = t.String({ minLength: 1, maxLength: 256 });

export const Credentials = t.Object({ email: Email, password: Password }, { additionalProperties: false });
export type Credentials = typeof Credentials.static;

export const FollowerSignupBody = t.Object({ email: Email, password: Password, name: Name }, { additionalProperties: false });
export type FollowerSignupBody = typeof FollowerSignupBody.static;

export const VenueKeyBody = t.Union([
  t.Object({ venue: t.Literal('binanceusdm'), apiKey: SecretText, secret: SecretText }, { additionalProperties: false }),
  t.Object({ venue: t.Literal('hyperliquid'), address: EvmAddress, privateKey: EvmPrivateKey }, { additionalProperties: false }),
]);
export type VenueKeyBody = typeof VenueKeyBody.static;

export const OperatorSession = t.Object({
  token: t.String({ description: 'operator bearer token, shown once; revoked at logout or expiry' }),
  operatorId: EntityId,
  email: t.String(),
  expiresAt: IsoDate,
}, { additionalProperties: false });
export type OperatorSession = typeof OperatorSession.static;

export const OperatorView = t.Object({ id: EntityId, email: t.String() }, { additionalProperties: false });

const PortalFields = {
  accountId: EntityId,
  email: t.String(),
  name: t.String(),
  /** The follower the account manages; null until a venue key is saved. */
  followerId: t.Union([EntityId, t.Null()]),
  expiresAt: IsoDate,
};

export const FollowerSession = t.Object({
  ...PortalFields,
  accountToken: t.String({ description: 'portal session token for /api/auth routes, shown once' }),
  token: t.Union([t.String({ description: 'follower-scoped bearer token for the API, shown once' }), t.Null()]),
}, { additionalProperties: false });
export type FollowerSession = typeof FollowerSession.static;

export const SessionView = t.Union([
  t.Object({ kind: t.Literal('operator'), operatorId: EntityId, email: t.String(), expiresAt: IsoDate }, { additionalProperties: false }),
  t.Object({ kind: t.Literal('follower'), ...PortalFields }, { additionalProperties: false }),
]);
export type SessionView = typeof SessionView.static;

export const KeyCheckView = t.Object({
  ok: t.Boolean(),
  balance: t.Optional(t.Object({ currency: t.String(), total: t.Number(), free: t.Number() }, { additionalProperties: false })),
  error: t.Optional(t.String()),
}, { additionalProperties: false });
export type KeyCheckView = typeof KeyCheckView.static;

export const FollowerKeySaved = t.Object({
  followerId: EntityId,
  /** Follower-scoped bearer token for this session, shown once (null when the session already had one). */
  token: t.Union([t.String(), t.Null()]),
  balance: t.Object({ currency: t.String(), total: t.Number(), free: t.Number() }, { additionalProperties: false }),
}, { additionalProperties: false });
export type FollowerKeySaved = typeof FollowerKeySaved.static;
