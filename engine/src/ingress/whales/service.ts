// Whales use cases: validate per-kind rules, write the store, audit, then tell the engine. No HTTP
// Context here; secrets go into the store (sealed/hashed) and never into views, audit or errors.
import { ApiKeyCredentials, type Whale } from '../../store';
import { requireOperator, type Principal } from '../auth/principal';
import { EntityNotFoundError, InvalidRequestError } from '../http/errors';
import { applyToEngine, audit, fieldsOf, type ServiceDeps } from '../service-support';
import type { CreateWhaleBody, UpdateWhaleBody, WhalePositions, WhaleView } from './model';

export function toWhaleView(whale: Whale): WhaleView {
  return {
    id: whale.id,
    kind: whale.kind,
    name: whale.name,
    address: whale.address,
    tickerMap: whale.tickerMap,
    state: whale.state,
    hasCredentials: whale.hasCredentials,
    hasSecret: whale.hasSecret,
    createdAt: whale.createdAt.toISOString(),
  };
}

const newId = (): string => crypto.randomUUID();

/** Fields a patch may set for each whale kind (name and state are for every kind). */
const PATCHABLE: Record<Whale['kind'], readonly (keyof UpdateWhaleBody)[]> = {
  binanceusdm: ['name', 'state', 'apiKey', 'secret'],
  hyperliquid: ['name', 'state', 'address'],
  tradingview: ['name', 'state', 'secret', 'tickerMap'],
};

function checkPatchFits(whale: Whale, patch: UpdateWhaleBody): void {
  const allowed = PATCHABLE[whale.kind];
  const misplaced = fieldsOf(patch).filter((field) => !allowed.includes(field as keyof UpdateWhaleBody));
  if (misplaced.length > 0) {
    throw new InvalidRequestError(`a ${whale.kind} whale does not take ${misplaced.join(', ')}`, {
      details: misplaced.map((field) => ({ path: `/${field}`, message: `not allowed for a ${whale.kind} whale` })),
    });
  }
  if (whale.kind === 'binanceusdm' && (patch.apiKey === undefined) !== (patch.secret === undefined)) {
    throw new InvalidRequestError('apiKey and secret are replaced together', {
      details: [{ path: patch.apiKey === undefined ? '/apiKey' : '/secret', message: 'required with its pair' }],
    });
  }
  if (whale.kind === 'tradingview' && patch.secret !== undefined && patch.secret.length < 16) {
    throw new InvalidRequestError('a TradingView secret has at least 16 characters', {
      details: [{ path: '/secret', message: 'Expected string length greater or equal to 16' }],
    });
  }
}

export class WhaleService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(principal: Principal, input: CreateWhaleBody): Promise<{ id: string }> {
    requireOperator(principal);
    const id = newId();
    const { whales } = this.deps.store;
    if (input.venue === 'binanceusdm') {
      await whales.create({
        id, kind: 'binanceusdm', name: input.name ?? `binanceusdm-${id.slice(0, 8)}`,
        credentials: new ApiKeyCredentials({ apiKey: input.apiKey, secret: input.secret }),
      });
    } else if (input.venue === 'hyperliquid') {
      const address = input.address.toLowerCase();
      await whales.create({ id, kind: 'hyperliquid', name: input.name ?? address, address });
    } else {
      await whales.create({ id, kind: 'tradingview', name: input.name, tradingViewSecret: input.secret, tickerMap: input.tickerMap ?? null });
    }
    await audit(this.deps, principal, 'whale.create', id, { kind: input.venue });
    await this.applyWhaleChange(id);
    return { id };
  }

  async list(principal: Principal): Promise<WhaleView[]> {
    requireOperator(principal);
    return (await this.deps.store.whales.list()).map(toWhaleView);
  }

  async get(principal: Principal, id: string): Promise<WhaleView> {
    requireOperator(principal);
    return toWhaleView(await this.require(id));
  }

  async update(principal: Principal, id: string, patch: UpdateWhaleBody): Promise<WhaleView> {
    requireOperator(principal);
    const { whales } = this.deps.store;
    const whale = await this.require(id);
    checkPatchFits(whale, patch);
    if (patch.name !== undefined || patch.address !== undefined || patch.tickerMap !== undefined) {
      await whales.update(id, { name: patch.name, address: patch.address?.toLowerCase(), tickerMap: patch.tickerMap });
    }
    if (whale.kind === 'binanceusdm' && patch.apiKey !== undefined && patch.secret !== undefined) {
      await whales.setCredentials(id, new ApiKeyCredentials({ apiKey: patch.apiKey, secret: patch.secret }));
    }
    if (whale.kind === 'tradingview' && patch.secret !== undefined) await whales.setTradingViewSecret(id, patch.secret);
    if (patch.state !== undefined) await whales.setState(id, patch.state);
    await audit(this.deps, principal, 'whale.update', id, { fields: fieldsOf(patch) });
    await this.applyWhaleChange(id);
    return toWhaleView(await this.require(id));
  }

  /** Deletes the whale and (by cascade) its follows; the engine hears followRemoved for each, then whaleRemoved. */
  async remove(principal: Principal, id: string): Promise<void> {
    requireOperator(principal);
    const { store, control } = this.deps;
    const follows = await store.follows.list({ whaleId: id });
    if (!(await store.whales.delete(id))) throw new EntityNotFoundError('whale', id);
    await audit(this.deps, principal, 'whale.delete', id, { follows: follows.map((follow) => follow.id) });
    for (const follow of follows) await applyToEngine('follow', follow.id, 'followRemoved', () => control.followRemoved(follow.id));
    await applyToEngine('whale', id, 'whaleRemoved', () => control.whaleRemoved(id));
    this.deps.tradingView?.strategyRemoved(id);
  }

  async positions(principal: Principal, id: string): Promise<WhalePositions> {
    requireOperator(principal);
    await this.require(id);
    const live = this.deps.control.whalePositions(id);
    return {
      whaleId: id,
      loaded: live !== undefined,
      positions: (live ?? []).map(({ symbol, contracts, entryPrice }) => ({ symbol, contracts, entryPrice })),
    };
  }

  /** Tells the engine, and the TradingView ingress (its strategy cache: secret, ticker map). */
  private async applyWhaleChange(id: string): Promise<void> {
    await applyToEngine('whale', id, 'whaleAdded', () => this.deps.control.whaleAdded(id));
    const { tradingView } = this.deps;
    if (tradingView !== undefined) await applyToEngine('whale', id, 'strategyChanged', () => tradingView.strategyChanged(id));
  }

  private async require(id: string): Promise<Whale> {
    const whale = await this.deps.store.whales.get(id);
    if (whale === null) throw new EntityNotFoundError('whale', id);
    return whale;
  }
}
