// Binance request authentication: form/query parsing, the API-key header, HMAC-SHA256 over the exact
// query string + body (up to `&signature=`) and the timestamp / recvWindow checks. No business logic.
import type { BinanceCredentials, VenueContext } from '../core';
import { BinanceApiError, mandatory } from './errors';

export type Params = Record<string, string>;

export interface SignedRequest {
  cred: BinanceCredentials;
  params: Params;
}

/** Split the raw URL of a request into its path and (undecoded) query string. */
export function splitUrl(url: string): { path: string; query: string } {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const q = url.indexOf('?', start);
  return q < 0 ? { path: url.slice(start), query: '' } : { path: url.slice(start, q), query: url.slice(q + 1) };
}

const decode = (s: string) => (s.includes('%') || s.includes('+') ? decodeURIComponent(s.replace(/\+/g, ' ')) : s);

/** Decode one part of the pair named `key`; a malformed escape is Binance's -1100. */
function decodeIn(key: string, s: string): string {
  try {
    return decode(s);
  } catch (e) {
    throw new BinanceApiError(-1100, `Illegal characters found in parameter '${key}'.`, 400, { cause: e });
  }
}

/** Parse `a=1&b=2` into `into` (later keys win); malformed escapes raise -1100 like Binance. */
export function parseForm(text: string, into: Params = {}): Params {
  if (!text) return into;
  const plain = !text.includes('%') && !text.includes('+');
  let i = 0;
  while (i <= text.length) {
    let end = text.indexOf('&', i);
    if (end < 0) end = text.length;
    if (end > i) {
      const eq = text.indexOf('=', i);
      const cut = eq < 0 || eq > end ? end : eq;
      const key = text.slice(i, cut);
      const value = cut === end ? '' : text.slice(cut + 1, end);
      if (plain) into[key] = value;
      else into[decodeIn(key, key)] = decodeIn(key, value);
    }
    i = end + 1;
  }
  return into;
}

/** Remove the `signature=` pair from one part of the request; returns the signed text and the signature. */
export function cutSignature(part: string): { signed: string; signature?: string } {
  const at = part.startsWith('signature=') ? 0 : part.indexOf('&signature=');
  if (at < 0) return { signed: part };
  const valueStart = part.indexOf('=', at) + 1;
  let end = part.indexOf('&', valueStart);
  if (end < 0) end = part.length;
  const signature = part.slice(valueStart, end);
  const signed = at === 0 ? part.slice(end + 1) : part.slice(0, at) + part.slice(end);
  return { signed, signature };
}

export function hmacHex(secret: string, payload: string): string {
  return new Bun.CryptoHasher('sha256', secret).update(payload).digest('hex');
}

const API_KEY_FORMAT = /^[A-Za-z0-9]{64}$/;

/** The credentials named by the X-MBX-APIKEY header (-2014 malformed, -2015 unknown). */
export function apiKeyOf(ctx: VenueContext, req: Request): BinanceCredentials {
  const apiKey = req.headers.get('x-mbx-apikey');
  if (!apiKey || !API_KEY_FORMAT.test(apiKey)) throw new BinanceApiError(-2014, 'API-key format invalid.', 401);
  const cred = ctx.credentials.binance(apiKey);
  if (!cred || !ctx.core.accounts.has(cred.id)) {
    throw new BinanceApiError(-2015, 'Invalid API-key, IP, or permissions for action.', 401);
  }
  return cred;
}

/**
 * Authenticate a SIGNED (TRADE / USER_DATA) request. Binance signs totalParams = queryString + body
 * (concatenated as sent) with `signature` removed from whichever part carries it.
 */
export function authenticate(ctx: VenueContext, req: Request, query: string, body: string, now = Date.now()): SignedRequest {
  const cred = apiKeyOf(ctx, req);
  const q = cutSignature(query);
  const b = cutSignature(body);
  const signature = q.signature ?? b.signature;
  const params = parseForm(b.signed, parseForm(q.signed));
  if (!signature) throw mandatory('signature');
  if (hmacHex(cred.secret, q.signed + b.signed) !== signature.toLowerCase()) {
    throw new BinanceApiError(-1022, 'Signature for this request is not valid.');
  }
  checkTimestamp(params, now, ctx.options.maxRecvWindowMs);
  return { cred, params };
}

/** Binance's rule: timestamp < serverTime + 1000 and serverTime - timestamp <= recvWindow (default 5000). */
export function checkTimestamp(params: Params, now: number, maxRecvWindowMs: number): void {
  const raw = params.timestamp;
  const ts = raw === undefined || raw === '' ? NaN : Number(raw);
  if (!Number.isFinite(ts)) throw mandatory('timestamp');
  const rw = params.recvWindow === undefined ? 5000 : Number(params.recvWindow);
  if (!Number.isFinite(rw) || rw <= 0) throw new BinanceApiError(-1130, "Data sent for parameter 'recvWindow' is not valid.");
  if (rw > maxRecvWindowMs) throw new BinanceApiError(-1131, `recvWindow must be less than ${maxRecvWindowMs}`);
  if (ts >= now + 1000) throw new BinanceApiError(-1021, "Timestamp for this request was 1000ms ahead of the server's time.");
  if (now - ts > rw) throw new BinanceApiError(-1021, 'Timestamp for this request is outside of the recvWindow.');
}
