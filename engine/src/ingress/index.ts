// Public surface of engine/src/ingress: the HTTP API factory and server, the EngineControl port the engine
// runtime implements, the ports the operator routes read, the principal/auth helpers and the error classes.
export { createApi, type Api, type ApiDeps } from './api';
export { serveApi, type ApiServer, type ServeOptions } from './serve';
export type { EngineControl, FeedView, FollowerPositionView, StateScope, WhalePositionView } from './engine-control';
export type { ApiBus, LatencySource, OperationsDeps } from './ports';
export { persistedEngineState } from './state/service';
export type { EventsSocketOptions } from './events';
export type { ReportError } from './http/error-handler';
export type { ErrorBody } from './http/error-response';
export { ApiError, EngineApplyError, EntityNotFoundError, ForbiddenError, InvalidRequestError, UnauthorizedError } from './http/errors';
export type { Principal } from './auth/principal';
export { ADMIN_ACTOR, MIN_ADMIN_TOKEN_LENGTH, bearerTokenOf, constantTimeEqual } from './auth/authenticate';
export { API_INFO } from './openapi';
