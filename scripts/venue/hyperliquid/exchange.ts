// POST /exchange: deserialize, recover the signer, check the nonce, then dispatch the action. Order and cancel
// actions live in orders.ts; this file owns who is acting and the small account actions.
import { SimRejectError, type SimAccount } from '../core';
import { HlRequestError, ok, orderErrorMessage, unknownUser, unprocessable, venueErr, type Reply } from './errors';
import { nonceMessage } from './nonces';
import { cancelOrders, placeOrders } from './orders';
import { actionConnectionId, agentDigest, recoverSigner, userSignedDigest, type TypedField } from './sign';
import type { HyperliquidState } from './state';
import { parseExchangeRequest, parseUpdateLeverage, type Action, type ExchangeRequest } from './wire';

const DEFAULT_OK = { status: 'ok', response: { type: 'default' } };

/** User-signed actions the simulator verifies: EIP-712 type name and fields, in signing order. */
const USER_SIGNED: Record<string, { primaryType: string; fields: TypedField[] }> = {
  approveBuilderFee: {
    primaryType: 'HyperliquidTransaction:ApproveBuilderFee',
    fields: [
      { name: 'hyperliquidChain', type: 'string' }, { name: 'maxFeeRate', type: 'string' },
      { name: 'builder', type: 'address' }, { name: 'nonce', type: 'uint64' },
    ],
  },
};

export function handleExchange(st: HyperliquidState, body: unknown): Reply {
  try {
    return dispatch(st, parseExchangeRequest(body));
  } catch (e) {
    if (e instanceof HlRequestError) return unprocessable(e);
    throw e;
  }
}

function dispatch(st: HyperliquidState, req: ExchangeRequest): Reply {
  const signer = signerOf(st, req);
  if (!signer) throw new HlRequestError('invalid `signature`');
  if (!st.accountOf(signer)) return venueErr(unknownUser(signer));
  const acting = req.vaultAddress ? st.accountOf('0x' + req.vaultAddress) : st.accountOf(signer);
  if (!acting) return venueErr(`Vault not registered: 0x${req.vaultAddress}`);
  const verdict = st.nonces.use(signer, req.nonce, st.core.now());
  if (verdict !== 'ok') return venueErr(nonceMessage(verdict, req.nonce));
  const address = st.addressOf(acting.id) ?? signer;
  switch (req.action.type) {
    case 'order':
      return placeOrders(st, acting, address, req.action);
    case 'cancel':
    case 'cancelByCloid':
      return cancelOrders(st, acting, req.action);
    case 'updateLeverage':
      return updateLeverage(st, acting, req.action);
    case 'setReferrer':
    case 'approveBuilderFee':
      return ok(DEFAULT_OK);
    default:
      return venueErr(`Action ${req.action.type} is not supported by the simulator.`);
  }
}

/**
 * Lower-case address that signed the request. With verifySignatures off, a request naming a vaultAddress
 * is taken as that user's without any cryptography; one without it is still recovered (nothing else names it).
 */
function signerOf(st: HyperliquidState, req: ExchangeRequest): string | undefined {
  if (!st.ctx.options.verifySignatures && req.vaultAddress) return '0x' + req.vaultAddress;
  const userSigned = USER_SIGNED[req.action.type];
  if (userSigned) return recoverSigner(userSignedDigestOf(req.action, userSigned), req.signature);
  const connectionId = actionConnectionId(req.action, req.nonce, req.vaultAddress, req.expiresAfter);
  return recoverSigner(agentDigest(connectionId, 'a'), req.signature);
}

function userSignedDigestOf(action: Action, t: { primaryType: string; fields: TypedField[] }): Uint8Array {
  const chainId = typeof action.signatureChainId === 'string' ? Number.parseInt(action.signatureChainId, 16) : Number.NaN;
  if (!Number.isSafeInteger(chainId)) throw new HlRequestError('invalid `signatureChainId`');
  const message: Record<string, unknown> = {};
  for (const f of t.fields) {
    if (action[f.name] === undefined) throw new HlRequestError(`missing field \`${f.name}\``);
    message[f.name] = action[f.name];
  }
  try {
    return userSignedDigest(chainId, t.primaryType, t.fields, message);
  } catch (e) {
    throw new HlRequestError(`cannot encode ${t.primaryType}`, { cause: e });
  }
}

function updateLeverage(st: HyperliquidState, a: SimAccount, action: Action): Reply {
  const { asset, isCross, leverage } = parseUpdateLeverage(action);
  const m = st.marketByAsset(asset);
  if (!m) return venueErr(`Invalid asset ${asset}`);
  if (!isCross) return venueErr('Isolated margin is not supported by the simulator.');
  try {
    st.core.setLeverage(a.id, m.id, leverage);
  } catch (e) {
    if (e instanceof SimRejectError) return venueErr(orderErrorMessage(e, asset, m, st.core.mark('hyperliquid', m.id)));
    throw e;
  }
  return ok(DEFAULT_OK);
}
