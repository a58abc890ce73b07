// Public surface of engine/src/ingress: the HTTP API factory, the EngineControl port the engine
// runtime implements, the principal/auth helpers and the API's error classes.
export { createApi, type Api, type ApiDeps } from './api';
export type { EngineControl, FollowerPositionView, WhalePositionView } from './engine-control';
export type { ReportError } from './http/error-handler';
export type { ErrorBody } from './http/error-response';
export { ApiError, EngineApplyError, EntityNotFoundError, ForbiddenError, InvalidRequestError, UnauthorizedError } from './http/errors';
export type { Principal } from './auth/principal';
export { ADMIN_ACTOR, MIN_ADMIN_TOKEN_LENGTH, bearerTokenOf, constantTimeEqual } from './auth/authenticate';
export { API_INFO } from './openapi';
