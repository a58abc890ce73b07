// Tests of the OpenAPI 3.1 document: the pure builder on a small route table, and GET /openapi.json
// of the real API listing every route with its TypeBox-derived schemas, free of Elysia-only keys.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { t } from 'elysia';
import { openApiHarness, type ApiHarness } from '../testing/api-harness.test-support';
import { buildOpenApiDocument, toJsonSchema } from './document';

describe('toJsonSchema', () => {
  test('drops symbols and custom error text, unwraps query coercion', () => {
    const coerced = { type: 'object', properties: { limit: { minimum: 1, error: 'x', anyOf: [{ type: 'string', format: 'integer', default: 0 }, { type: 'integer', minimum: 1 }] } } };
    expect(toJsonSchema(coerced)).toEqual({ type: 'object', properties: { limit: { minimum: 1, type: 'integer' } } });
    expect(toJsonSchema(t.Object({ id: t.String() }))).toEqual({ type: 'object', required: ['id'], properties: { id: { type: 'string' } } });
  });

  test('keeps a property named error and real unions', () => {
    const schema = { type: 'object', properties: { error: { type: 'string' } }, anyOf: [{ type: 'string' }, { type: 'number' }] };
    expect(toJsonSchema(schema)).toEqual(schema);
  });
});

test('buildOpenApiDocument maps params, query, body, responses and security', () => {
  const doc = buildOpenApiDocument([
    { method: 'GET', path: '/things/:id', hooks: { params: t.Object({ id: t.String() }), query: t.Object({ q: t.Optional(t.String()) }), response: { 200: t.Object({ id: t.String() }) }, detail: { summary: 'one', tags: ['things'] } } },
    { method: 'POST', path: '/things', hooks: { body: t.Object({ n: t.Number() }) } },
    { method: 'GET', path: '/open', hooks: { detail: { security: [] } } },
    { method: 'WS', path: '/ws' },
  ], { title: 'T', version: '1' }, t.Object({ error: t.String() })) as any;
  expect(doc.openapi).toBe('3.1.0');
  expect(Object.keys(doc.paths)).toEqual(['/things/{id}', '/things', '/open']);
  const get = doc.paths['/things/{id}'].get;
  expect(get.parameters).toEqual([
    { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
    { name: 'q', in: 'query', required: false, schema: { type: 'string' } },
  ]);
  expect([get.summary, get.tags, get.operationId]).toEqual(['one', ['things'], 'get_things_by_id']);
  expect(get.responses['200'].content['application/json'].schema.properties.id).toEqual({ type: 'string' });
  expect(doc.paths['/things'].post.requestBody.content['application/json'].schema.required).toEqual(['n']);
  expect(Object.keys(doc.paths['/things'].post.responses)).toEqual(['204', 'default']);
  expect(doc.paths['/open'].get.security).toEqual([]);
  expect(doc.components.schemas.Error.properties.error).toEqual({ type: 'string' });
});

describe('GET /openapi.json', () => {
  let h: ApiHarness;
  let doc: any;
  beforeAll(async () => {
    h = await openApiHarness();
    const reply = await h.call('GET', '/openapi.json', { token: null });
    expect(reply.status).toBe(200);
    doc = reply.body;
  });
  afterAll(async () => { await h.close(); });

  test('lists every route of the API', () => {
    const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`)).sort();
    expect(operations).toEqual([
      'DELETE /api/followers/{id}', 'DELETE /api/follows/{id}', 'DELETE /api/tokens/{id}', 'DELETE /api/whales/{id}',
      'GET /api/audit', 'GET /api/auth/session', 'GET /api/dead-letters', 'GET /api/fills', 'GET /api/followers', 'GET /api/followers/{id}', 'GET /api/followers/{id}/positions',
      'GET /api/follows', 'GET /api/follows/{id}', 'GET /api/latency', 'GET /api/orders', 'GET /api/overview', 'GET /api/signals', 'GET /api/state',
      'GET /api/tokens', 'GET /api/whales', 'GET /api/whales/{id}', 'GET /api/whales/{id}/positions', 'GET /health/live', 'GET /health/ready',
      'GET /openapi.json', 'PATCH /api/followers/{id}', 'PATCH /api/follows/{id}', 'PATCH /api/whales/{id}',
      'POST /api/auth/check-key', 'POST /api/auth/follower-key', 'POST /api/auth/follower-login', 'POST /api/auth/follower-signup',
      'POST /api/auth/logout', 'POST /api/auth/operator-login', 'POST /api/auth/operators',
      'POST /api/dead-letters/{shard}/{deadId}/discard', 'POST /api/dead-letters/{shard}/{deadId}/retry', 'POST /api/followers', 'POST /api/follows',
      'POST /api/state', 'POST /api/tokens', 'POST /api/whales',
    ]);
  });

  test('schemas come from the TypeBox models', () => {
    const createWhale = doc.paths['/api/whales'].post.requestBody.content['application/json'].schema;
    expect(createWhale.anyOf.map((variant: any) => variant.properties.venue.const)).toEqual(['binanceusdm', 'hyperliquid', 'tradingview']);
    expect(createWhale.anyOf[1].properties.address.pattern).toBe('^0x[0-9a-fA-F]{40}$');
    expect(createWhale.anyOf.every((variant: any) => variant.additionalProperties === false)).toBe(true);
    const sizing = doc.paths['/api/follows'].post.requestBody.content['application/json'].schema.properties.sizing;
    expect(sizing.anyOf.map((variant: any) => variant.properties.mode.const)).toEqual(['proportional', 'equity', 'fixed_notional']);
    const limit = doc.paths['/api/orders'].get.parameters.find((p: any) => p.name === 'limit');
    expect(limit).toEqual({ name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 500 } });
    expect(doc.paths['/api/whales/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
  });

  test('response models never name a secret field', () => {
    const responses = JSON.stringify(Object.values(doc.paths).flatMap((methods: any) => Object.values(methods).map((op: any) => op.responses)));
    for (const field of ['"apiKey"', '"secret"', '"privateKey"']) expect(responses).not.toContain(field);
  });

  test('public routes opt out of the bearer requirement', () => {
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/health/live'].get.security).toEqual([]);
    expect(doc.paths['/api/whales'].get.security).toBeUndefined();
  });
});
