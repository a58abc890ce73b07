// Tests of the base error shape: literal code, cause, ids, name.
import { describe, expect, test } from 'bun:test';
import { EngineError, InvalidArgumentError, InvalidStepError } from './errors';

class VenueTimeoutError extends EngineError {
  readonly code = 'venue_timeout' as const;
}

describe('EngineError', () => {
  test('carries a literal code, cause, ids and the subclass name', () => {
    const cause = new Error('socket hang up');
    const error = new VenueTimeoutError('order outcome unknown', { cause, ids: { followerId: 'f1', symbol: 'BTC/USDT:USDT' } });
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('venue_timeout');
    expect(error.cause).toBe(cause);
    expect(error.ids).toEqual({ followerId: 'f1', symbol: 'BTC/USDT:USDT' });
    expect(error.name).toBe('VenueTimeoutError');
    expect(error.message).toBe('order outcome unknown');
  });

  test('core errors have their codes and empty ids by default', () => {
    expect(new InvalidArgumentError('x').code).toBe('invalid_argument');
    expect(new InvalidStepError('x').code).toBe('invalid_step');
    expect(new InvalidStepError('x').ids).toEqual({});
    expect(new InvalidStepError('x').cause).toBeUndefined();
  });
});
