// Builds an OpenAPI 3.1 document from the API's routes and their TypeBox schemas (which are JSON
// Schema). Pure: it reads route metadata only and strips Elysia's runtime-only additions.

/** What this module reads of an Elysia route (app.routes). */
export interface RouteLike {
  readonly method: string;
  readonly path: string;
  readonly hooks?: {
    readonly body?: unknown;
    readonly query?: unknown;
    readonly params?: unknown;
    readonly response?: unknown;
    readonly detail?: {
      readonly summary?: string; readonly tags?: readonly string[]; readonly security?: readonly unknown[]; readonly hide?: boolean;
      /** OpenAPI request body / responses for routes that parse their own body (no `body` schema). */
      readonly requestBody?: unknown; readonly responses?: unknown;
    };
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const COERCED_FORMATS = new Set(['integer', 'numeric', 'boolean', 'ObjectString', 'ArrayString']);
/** Elysia-only keywords (custom error text) that are not JSON Schema. */
const RUNTIME_KEYS = new Set(['error']);
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Query coercion wraps a number as anyOf [string with a format, number]: keep the real type. */
function unwrapCoercion(node: JsonObject): JsonObject {
  const variants = node.anyOf;
  if (!Array.isArray(variants) || variants.length !== 2) return node;
  const real = variants.filter((variant) => !(isObject(variant) && variant.type === 'string' && COERCED_FORMATS.has(String(variant.format))));
  if (real.length !== 1 || !isObject(real[0])) return node;
  const { anyOf: _anyOf, ...rest } = node;
  return { ...rest, ...real[0] };
}

/** A plain JSON Schema copy: symbols dropped (JSON), Elysia's custom error text and coercion removed. */
export function toJsonSchema(schema: unknown): JsonObject {
  const clean = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(clean);
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(unwrapCoercion(node))) {
      if (RUNTIME_KEYS.has(key) && typeof value !== 'object') continue;
      out[key] = key === 'properties' && isObject(value)
        ? Object.fromEntries(Object.entries(value).map(([name, property]) => [name, clean(property)]))
        : clean(value);
    }
    return out;
  };
  const json = clean(JSON.parse(JSON.stringify(schema ?? {})) as Json);
  return isObject(json) ? json : {};
}

function parametersOf(where: 'path' | 'query', schema: unknown): JsonObject[] {
  const json = toJsonSchema(schema);
  const properties = isObject(json.properties) ? json.properties : {};
  const required = new Set(Array.isArray(json.required) ? json.required.map(String) : []);
  return Object.entries(properties).map(([name, property]) => ({
    name, in: where, required: where === 'path' || required.has(name), schema: property,
  }));
}

const jsonContent = (schema: Json): JsonObject => ({ 'application/json': { schema } });

function responsesOf(response: unknown): JsonObject {
  const responses: JsonObject = {};
  const byStatus = isObject(response) && Object.keys(response).every((key) => /^\d{3}$/.test(key))
    ? Object.entries(response as Record<string, unknown>)
    : response === undefined ? [] : [['200', response] as const];
  for (const [status, schema] of byStatus) responses[status] = { description: `HTTP ${status}`, content: jsonContent(toJsonSchema(schema)) };
  if (byStatus.length === 0) responses['204'] = { description: 'No Content' };
  responses.default = { description: 'Error: {error, message, details?}', content: jsonContent({ $ref: '#/components/schemas/Error' }) };
  return responses;
}

const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const operationIdOf = (method: string, path: string) =>
  `${method.toLowerCase()}${path.split('/').filter(Boolean).map((part) => part.replace(/^:/, 'by_')).map((part) => `_${part}`).join('')}`;

export function buildOpenApiDocument(
  routes: readonly RouteLike[], info: { title: string; version: string; description?: string }, errorSchema: unknown,
): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of routes) {
    if (!METHODS.has(route.method) || route.hooks?.detail?.hide === true) continue;
    const hooks = route.hooks ?? {};
    const responses = responsesOf(hooks.response);
    if (hooks.response === undefined && hooks.detail?.responses !== undefined) {
      delete responses['204'];
      Object.assign(responses, toJsonSchema(hooks.detail.responses));
    }
    const operation: JsonObject = { operationId: operationIdOf(route.method, route.path), responses };
    if (hooks.detail?.summary !== undefined) operation.summary = hooks.detail.summary;
    if (hooks.detail?.tags !== undefined) operation.tags = [...hooks.detail.tags];
    if (hooks.detail?.security !== undefined) operation.security = JSON.parse(JSON.stringify(hooks.detail.security)) as Json[];
    const parameters = [...parametersOf('path', hooks.params), ...parametersOf('query', hooks.query)];
    if (parameters.length > 0) operation.parameters = parameters;
    if (hooks.body !== undefined) operation.requestBody = { required: true, content: jsonContent(toJsonSchema(hooks.body)) };
    else if (hooks.detail?.requestBody !== undefined) operation.requestBody = toJsonSchema(hooks.detail.requestBody);

    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: { ...info },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'ENGINE_ADMIN_TOKEN or an issued operator/follower token' } },
      schemas: { Error: toJsonSchema(errorSchema) },
    },
  };
}
