// Webhooks controller: POST /webhooks/tradingview. Resolves the client address, hands the request to the
// TradingView ingress and answers with its status and JSON. Public route: the secret is in the body.
import { Elysia, t } from 'elysia';
import { clientAddress, type TradingViewIngress } from '../../webhooks';
import { contentLengthOf, readBodyLimited } from './read-body';

const tags = ['webhooks'];

/** The documented alert message (OpenAPI only: the body is parsed by the ingress, as JSON or text/plain). */
export const TradingViewAlertDoc = t.Object({
  strategy: t.String({ description: 'whale id of the strategy' }),
  secret: t.String({ description: 'the strategy secret set with POST /api/whales' }),
  ticker: t.String({ description: '{{ticker}}, e.g. BINANCE:BTCUSDT.P' }),
  action: t.Optional(t.String({ description: '{{strategy.order.action}}: buy | sell' })),
  contracts: t.Optional(t.Union([t.String(), t.Number()], { description: '{{strategy.order.contracts}}' })),
  position_size: t.Union([t.String(), t.Number()], { description: '{{strategy.position_size}}' }),
  market_position: t.Optional(t.String({ description: '{{strategy.market_position}}: long | short | flat' })),
  prev_market_position: t.Optional(t.String({ description: '{{strategy.prev_market_position}}' })),
  order_id: t.Optional(t.String({ description: '{{strategy.order.id}}' })),
  price: t.Optional(t.Union([t.String(), t.Number()], { description: '{{close}}' })),
  time: t.Union([t.String(), t.Number()], { description: '{{timenow}} (ISO 8601) or epoch milliseconds' }),
  id: t.Optional(t.String({ description: 'explicit idempotency id (else strategy + order id + time + ticker)' })),
});

export const WebhookAccepted = t.Object({
  accepted: t.Boolean(),
  duplicate: t.Optional(t.Boolean()),
  stale: t.Optional(t.Boolean()),
  whaleId: t.Optional(t.String()),
  symbol: t.Optional(t.String()),
  contracts: t.Optional(t.Number()),
  orders: t.Optional(t.Integer({ description: 'signals put on the bus for followers' })),
});

export function webhooksController(ingress: TradingViewIngress) {
  return new Elysia({ name: 'ingress.webhooks', normalize: false })
    .post('/webhooks/tradingview', async ({ request, server }) => {
      const socket = server?.requestIP(request)?.address;
      const contentLength = contentLengthOf(request.headers);
      const reply = await ingress.receive({
        source: clientAddress(request.headers, socket, ingress.options.trustedProxyHeader),
        contentLength,
        readBody: (maxBytes) => readBodyLimited(request, maxBytes, contentLength),
      });
      return Response.json(reply.body, { status: reply.status });
    }, {
      parse: 'none',
      detail: {
        tags, security: [],
        summary: 'TradingView alert (application/json or text/plain holding JSON); 200 once its orders are on the bus',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: TradingViewAlertDoc }, 'text/plain': { schema: TradingViewAlertDoc } },
        } as never,
        responses: {
          200: { description: 'Applied ({accepted}), or a replay ({duplicate}) or an older alert ({stale}) that changed nothing', content: { 'application/json': { schema: WebhookAccepted } } },
          '4XX': { description: 'Refused: {error, message, details?}; nothing emitted' },
        } as never,
      },
    });
}
