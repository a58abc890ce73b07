// Binance USD-M's WebSocket API (wss://ws-fapi.binance.com/ws-fapi/v1) in the simulator: requests
// {id, method, params} signed one by one (apiKey, timestamp and signature among the params; HMAC-SHA256 over
// the other params sorted by name as key=value&...), answered {id, status: 200, result} or
// {id, status, error: {code, msg}}. order.place and order.status, with the REST endpoints' rules and faults.
import type { VenueContext } from '../core';
import { BinanceApiError, mandatory, toBinanceError } from './errors';
import { placeOrder, queryOrder } from './orders';
import { checkTimestamp, hmacHex, type Params, type SignedRequest } from './sign';

/** What the server needs from one socket to answer it. */
export interface ApiSocket {
  send(text: string): unknown;
}

const API_KEY_FORMAT = /^[A-Za-z0-9]{64}$/;
/** Binance's answer when the order reached the matching engine but the gateway timed out (status unknown). */
const UNKNOWN = new BinanceApiError(-1007, 'Timeout waiting for response from backend server. Send status unknown; execution status unknown.', 503);

/** Authenticates the params of one request the way Binance's WebSocket API does. */
export function authenticateWs(ctx: VenueContext, raw: Record<string, unknown>, now = Date.now()): SignedRequest {
  const params: Params = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v !== null && typeof v === 'object') throw new BinanceApiError(-1100, `Illegal characters found in parameter '${k}'.`);
    params[k] = String(v);
  }
  const apiKey = params.apiKey;
  if (!apiKey) throw mandatory('apiKey');
  if (!API_KEY_FORMAT.test(apiKey)) throw new BinanceApiError(-2014, 'API-key format invalid.', 401);
  const cred = ctx.credentials.binance(apiKey);
  if (!cred || !ctx.core.accounts.has(cred.id)) throw new BinanceApiError(-2015, 'Invalid API-key, IP, or permissions for action.', 401);
  const signature = params.signature;
  if (!signature) throw mandatory('signature');
  const payload = Object.keys(params).filter((k) => k !== 'signature').sort().map((k) => `${k}=${params[k]}`).join('&');
  if (hmacHex(cred.secret, payload) !== signature.toLowerCase()) throw new BinanceApiError(-1022, 'Signature for this request is not valid.');
  checkTimestamp(params, now, ctx.options.maxRecvWindowMs);
  return { cred, params };
}

const reply = (id: unknown, result: string) => `{"id":${JSON.stringify(id)},"status":200,"result":${result}}`;
const errorReply = (id: unknown, e: BinanceApiError) =>
  `{"id":${JSON.stringify(id ?? null)},"status":${e.status},"error":{"code":${e.binanceCode},"msg":${JSON.stringify(e.message)}}}`;

/** Answers one text frame of a WebSocket API connection. `receivedMs` is when the frame arrived. */
export function wsApiMessage(ctx: VenueContext, ws: ApiSocket, text: string, receivedMs: number): void {
  let id: unknown = null;
  let answer: string | undefined;
  try {
    let request: { id?: unknown; method?: unknown; params?: unknown };
    try {
      request = JSON.parse(text) as typeof request;
    } catch (e) {
      throw new BinanceApiError(-1100, 'Malformed request: not valid JSON.', 400, { cause: e });
    }
    if (request === null || typeof request !== 'object') throw new BinanceApiError(-1100, 'Malformed request: not a JSON object.');
    id = request.id ?? null;
    if (typeof request.id !== 'string' && typeof request.id !== 'number') throw mandatory('id');
    if (request.params === null || typeof request.params !== 'object') throw mandatory('params');
    const params = request.params as Record<string, unknown>;
    if (request.method === 'order.status') {
      answer = reply(id, queryOrder(ctx, authenticateWs(ctx, params)));
    } else if (request.method === 'order.place') {
      const signed = authenticateWs(ctx, params);
      ctx.onOrderRequest?.('binanceusdm', signed.params.newClientOrderId ?? '', receivedMs, 'websocket');
      const placed = placeOrder(ctx, signed);
      if (placed.fault === 'drop') return;
      answer = placed.fault === 'unknown' ? errorReply(id, UNKNOWN) : reply(id, placed.body);
    } else {
      throw new BinanceApiError(-1102, `Unknown method '${String(request.method)}'.`);
    }
  } catch (e) {
    answer = errorReply(id, toBinanceError(e, 'place'));
  }
  const latency = ctx.faults.latencyMs('binanceusdm');
  const out = answer;
  if (latency > 0) setTimeout(() => ws.send(out), latency);
  else ws.send(out);
}
