// Shape checks for /exchange bodies and their actions, as the venue's deserializer applies them: anything
// malformed becomes an HlRequestError (HTTP 422). Pure; knows no accounts or rules.
import { CLIENT_ID_RULES } from '../core';
import { HlRequestError } from './errors';
import type { WireSignature } from './sign';

export type Action = Record<string, unknown> & { type: string };

export interface ExchangeRequest {
  action: Action;
  nonce: number;
  signature: WireSignature;
  /** Hex without 0x, as hashed. */
  vaultAddress?: string;
  expiresAfter?: number;
}

export interface WireOrder {
  a: number;
  b: boolean;
  p: string;
  s: string;
  r: boolean;
  tif?: 'Gtc' | 'Ioc' | 'Alo';
  trigger: boolean;
  c?: string;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const DECIMAL = /^\d+(\.\d+)?$/;
const ADDRESS = /^(0x)?[0-9a-fA-F]{40}$/;
const TIFS = new Set(['Gtc', 'Ioc', 'Alo', 'FrontendMarket']);

function need(cond: unknown, what: string): asserts cond {
  if (!cond) throw new HlRequestError(what);
}

export function parseExchangeRequest(body: unknown): ExchangeRequest {
  need(isObject(body), 'expected an object');
  const { action, nonce, signature, vaultAddress, expiresAfter } = body;
  need(isObject(action) && typeof action.type === 'string', 'missing field `action.type`');
  need(typeof nonce === 'number' && Number.isSafeInteger(nonce) && nonce >= 0, 'invalid `nonce`');
  need(isObject(signature) && typeof signature.r === 'string' && typeof signature.s === 'string' && typeof signature.v === 'number', 'invalid `signature`');
  need(vaultAddress == null || (typeof vaultAddress === 'string' && ADDRESS.test(vaultAddress)), 'invalid `vaultAddress`');
  need(expiresAfter == null || (typeof expiresAfter === 'number' && Number.isSafeInteger(expiresAfter)), 'invalid `expiresAfter`');
  return {
    action: action as Action, nonce, signature: signature as unknown as WireSignature,
    vaultAddress: typeof vaultAddress === 'string' ? vaultAddress.replace(/^0x/, '').toLowerCase() : undefined,
    expiresAfter: typeof expiresAfter === 'number' ? expiresAfter : undefined,
  };
}

export function parseOrders(action: Action): WireOrder[] {
  need(Array.isArray(action.orders), 'missing field `orders`');
  need(['na', 'normalTpsl', 'positionTpsl'].includes(action.grouping as string), 'unknown variant of `grouping`');
  return action.orders.map((o: unknown, i: number) => {
    need(isObject(o), `orders[${i}] is not an object`);
    need(Number.isSafeInteger(o.a) && (o.a as number) >= 0, `orders[${i}].a`);
    need(typeof o.b === 'boolean' && typeof o.r === 'boolean', `orders[${i}].b / .r`);
    need(typeof o.p === 'string' && DECIMAL.test(o.p) && typeof o.s === 'string' && DECIMAL.test(o.s), `orders[${i}].p / .s`);
    need(isObject(o.t) && (isObject(o.t.limit) || isObject(o.t.trigger)), `orders[${i}].t`);
    const tif = isObject(o.t.limit) ? o.t.limit.tif : undefined;
    need(tif === undefined || (typeof tif === 'string' && TIFS.has(tif)), `orders[${i}].t.limit.tif`);
    need(o.c == null || (typeof o.c === 'string' && CLIENT_ID_RULES.hyperliquid.test(o.c)), `orders[${i}].c: cloid must be 0x and 32 hex digits`);
    return {
      a: o.a as number, b: o.b, p: o.p, s: o.s, r: o.r as boolean, trigger: tif === undefined,
      tif: tif === 'FrontendMarket' ? 'Ioc' : (tif as WireOrder['tif']), c: typeof o.c === 'string' ? o.c.toLowerCase() : undefined,
    };
  });
}

export interface WireCancel {
  asset: number;
  oid?: number;
  cloid?: string;
}

export function parseCancels(action: Action): WireCancel[] {
  need(Array.isArray(action.cancels), 'missing field `cancels`');
  const byCloid = action.type === 'cancelByCloid';
  return action.cancels.map((c: unknown, i: number) => {
    need(isObject(c), `cancels[${i}] is not an object`);
    if (byCloid) {
      need(Number.isSafeInteger(c.asset) && typeof c.cloid === 'string' && CLIENT_ID_RULES.hyperliquid.test(c.cloid), `cancels[${i}]`);
      return { asset: c.asset as number, cloid: (c.cloid as string).toLowerCase() };
    }
    need(Number.isSafeInteger(c.a) && Number.isSafeInteger(c.o), `cancels[${i}]`);
    return { asset: c.a as number, oid: c.o as number };
  });
}

export function parseUpdateLeverage(action: Action): { asset: number; isCross: boolean; leverage: number } {
  need(Number.isSafeInteger(action.asset) && typeof action.isCross === 'boolean', 'updateLeverage fields');
  need(typeof action.leverage === 'number' && Number.isFinite(action.leverage), 'invalid `leverage`');
  return { asset: action.asset as number, isCross: action.isCross, leverage: action.leverage };
}
