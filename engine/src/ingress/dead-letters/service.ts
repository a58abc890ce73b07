// Dead-letter use cases (operators): list per shard with decoded payloads, put one back on its shard's
// stream, or discard it; both audited. No HTTP Context here.
import { DeadLetterNotFoundError, decodeSignalBatch, type DeadLetter } from '../../bus';
import { requireOperator, type Principal } from '../auth/principal';
import { EntityNotFoundError, InvalidRequestError } from '../http/errors';
import { DEFAULT_LIMIT } from '../http/model';
import type { OperationsDeps } from '../ports';
import { audit, type ServiceDeps } from '../service-support';
import type { DeadLettersQuery, DeadLetterView } from './model';

function batchOf(bytes: Uint8Array): DeadLetterView['batch'] {
  try {
    const batch = decodeSignalBatch(bytes);
    return {
      whaleId: batch.whaleId, whaleSeq: batch.whaleSeq,
      signals: batch.signals.map((s) => ({ clientOrderId: s.clientOrderId, followerId: s.followerId, symbol: s.symbol, side: s.side, amount: s.amount, reduceOnly: s.reduceOnly })),
    };
  } catch {
    return null;
  }
}

export const toDeadLetterView = (shard: number, d: DeadLetter): DeadLetterView => ({
  shard, deadId: d.deadId, originalId: d.originalId, group: d.group, consumer: d.consumer, deliveries: d.deliveries,
  reason: d.reason, error: d.error, deadAtMs: d.deadAtMs, bytes: d.bytes.byteLength, batch: batchOf(d.bytes),
});

export class DeadLetterService {
  constructor(private readonly deps: ServiceDeps & Pick<OperationsDeps, 'bus' | 'shards'>) {}

  async list(principal: Principal, query: DeadLettersQuery): Promise<DeadLetterView[]> {
    requireOperator(principal);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const shards = query.shard === undefined ? [...Array(this.deps.shards).keys()] : [this.requireShard(query.shard)];
    const lists = await Promise.all(shards.map(async (shard) =>
      (await this.deps.bus.listDeadLetters(shard, { afterId: query.afterId, count: limit })).map((d) => toDeadLetterView(shard, d))));
    return lists.flat().sort((a, b) => a.deadAtMs - b.deadAtMs).slice(0, limit);
  }

  async retry(principal: Principal, shard: number, deadId: string): Promise<{ shard: number; deadId: string; newId: string }> {
    requireOperator(principal);
    this.requireShard(shard);
    let newId: string;
    try {
      newId = await this.deps.bus.retryDeadLetter(shard, deadId);
    } catch (error) {
      if (error instanceof DeadLetterNotFoundError) throw new EntityNotFoundError('dead letter', `${shard}/${deadId}`, { cause: error });
      throw error;
    }
    await audit(this.deps, principal, 'dead_letter.retry', `${shard}/${deadId}`, { newId });
    return { shard, deadId, newId };
  }

  async discard(principal: Principal, shard: number, deadId: string): Promise<void> {
    requireOperator(principal);
    this.requireShard(shard);
    if (!(await this.deps.bus.discardDeadLetter(shard, deadId))) throw new EntityNotFoundError('dead letter', `${shard}/${deadId}`);
    await audit(this.deps, principal, 'dead_letter.discard', `${shard}/${deadId}`);
  }

  private requireShard(shard: number): number {
    if (shard >= this.deps.shards) {
      throw new InvalidRequestError(`shard must be below ${this.deps.shards}`, { details: [{ path: '/shard', message: `the engine runs ${this.deps.shards} shards` }] });
    }
    return shard;
  }
}
