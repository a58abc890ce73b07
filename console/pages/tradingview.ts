// The TradingView alert set-up an operator copies when adding a strategy whale: the webhook URL and the
// alert message template with the strategy id and secret filled in. Pure.

/** The alert message TradingView must send (its {{placeholders}} are filled by TradingView). */
export function alertTemplate(whaleId: string, secret: string): string {
  return JSON.stringify({
    strategy: whaleId,
    secret,
    ticker: '{{ticker}}',
    action: '{{strategy.order.action}}',
    contracts: '{{strategy.order.contracts}}',
    position_size: '{{strategy.position_size}}',
    market_position: '{{strategy.market_position}}',
    prev_market_position: '{{strategy.prev_market_position}}',
    order_id: '{{strategy.order.id}}',
    price: '{{close}}',
    time: '{{timenow}}',
  }, null, 2);
}

export const webhookUrl = (enginePublicUrl: string): string => `${enginePublicUrl.replace(/\/+$/, '')}/webhooks/tradingview`;

/** A webhook secret: 32 random bytes, base64url (TradingView passes it in the body). */
export function newWebhookSecret(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
}
