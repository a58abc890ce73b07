// OpenAPI controller: GET /openapi.json, built once (lazily) from the app's own routes and TypeBox
// models, since no @elysiajs/openapi package is installed. Public: it holds no data, only shapes.
import { Elysia } from 'elysia';
import { ErrorResponse } from '../http/model';
import { buildOpenApiDocument, type RouteLike } from './document';

export const API_INFO = {
  title: 'whalecopy engine API',
  version: '1.0.0',
  description: 'Whales, followers, follows, positions and the order/fill/signal journals. Errors are {error, message, details?}.',
} as const;

export function openApiController(routes: () => readonly RouteLike[]) {
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  return new Elysia({ name: 'ingress.openapi' })
    .get('/openapi.json', () => {
      document ??= buildOpenApiDocument(routes(), API_INFO, ErrorResponse);
      return document;
    }, { detail: { tags: ['meta'], summary: 'This OpenAPI 3.1 document', security: [] } });
}
