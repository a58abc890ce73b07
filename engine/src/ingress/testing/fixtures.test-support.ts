// Test support: request bodies for whales, followers and follows with recognisable secret values,
// so a test can search every response for them. Not product code.
export const SECRETS = {
  whaleApiKey: 'WHALE-APIKEY-7f3a9c',
  whaleSecret: 'WHALE-SECRET-b81e0d',
  tradingViewSecret: 'TV-WEBHOOK-SECRET-5d2c8e1f',
  followerApiKey: 'FOLLOWER-APIKEY-c4d5e6',
  followerSecret: 'FOLLOWER-SECRET-9a8b7c',
  followerPrivateKey: `0x${'fe'.repeat(32)}`,
} as const;

export const HL_ADDRESS = `0x${'Ab12'.repeat(10)}`;
export const HL_FOLLOWER_ADDRESS = `0x${'cd34'.repeat(10)}`;

export const binanceWhale = (name = 'lead-1') => ({ venue: 'binanceusdm', name, apiKey: SECRETS.whaleApiKey, secret: SECRETS.whaleSecret });
export const hyperliquidWhale = (address = HL_ADDRESS) => ({ venue: 'hyperliquid', address });
export const tradingViewWhale = (name = 'tv-strategy') => ({
  venue: 'tradingview', name, secret: SECRETS.tradingViewSecret, tickerMap: { 'BTCUSDT.P': 'BTC/USDT:USDT' },
});
export const binanceFollower = (name = 'alice') => ({
  name, venue: 'binanceusdm', apiKey: SECRETS.followerApiKey, secret: SECRETS.followerSecret,
});
export const hyperliquidFollower = (name = 'bob') => ({
  name, venue: 'hyperliquid', address: HL_FOLLOWER_ADDRESS, privateKey: SECRETS.followerPrivateKey,
});
