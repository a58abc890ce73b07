// Consumer options with their defaults and validation (all problems reported at once).
// Pure; no loop logic here.
import { systemClock, type Clock } from '../core';
import { BusConfigError } from './errors';
import type { ConsumerOptions } from './types';

export interface ResolvedConsumerOptions {
  readonly group: string;
  readonly consumer: string;
  readonly batchSize: number;
  readonly blockMs: number;
  readonly claimIdleMs: number;
  readonly claimEveryMs: number;
  readonly retryDelayMs: number;
  readonly maxDeliveries: number;
  readonly startId: '0' | '$';
  readonly onError: (error: Error) => void;
  readonly clock: Clock;
}

export function resolveConsumerOptions(options: ConsumerOptions, defaultGroup: string): ResolvedConsumerOptions {
  const claimIdleMs = options.claimIdleMs ?? 30_000;
  const problems = [
    options.consumer === '' ? 'consumer must be a non-empty name' : '',
    options.group === '' ? 'group must be a non-empty name' : '',
    positiveInteger('batchSize', options.batchSize),
    positiveInteger('blockMs', options.blockMs),
    positiveInteger('claimIdleMs', options.claimIdleMs),
    positiveInteger('claimEveryMs', options.claimEveryMs),
    positiveInteger('retryDelayMs', options.retryDelayMs),
    positiveInteger('maxDeliveries', options.maxDeliveries),
  ].filter((problem) => problem !== '');
  if (problems.length > 0) throw new BusConfigError(`consumer options: ${problems.join('; ')}`, { ids: { consumer: options.consumer } });
  return {
    group: options.group ?? defaultGroup,
    consumer: options.consumer,
    batchSize: options.batchSize ?? 32,
    blockMs: options.blockMs ?? 2_000,
    claimIdleMs,
    claimEveryMs: options.claimEveryMs ?? Math.max(1, Math.floor(claimIdleMs / 2)),
    retryDelayMs: options.retryDelayMs ?? 1_000,
    maxDeliveries: options.maxDeliveries ?? 5,
    startId: options.startId ?? '0',
    onError: options.onError ?? ((error) => console.warn(`[bus] ${options.consumer}: ${error.message}`)),
    clock: options.clock ?? systemClock,
  };
}

function positiveInteger(name: string, value: number | undefined): string {
  return value === undefined || (Number.isSafeInteger(value) && value > 0) ? '' : `${name} must be a positive integer, got ${value}`;
}
