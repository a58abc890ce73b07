// Codec tables: round trips of every message, garbage and contract-breaking bytes rejected, unencodable values refused.
import { describe, expect, test } from 'bun:test';
import { whalecopy } from '../../../proto/gen/whalecopy.js';
import {
  decodeControl,
  decodeExecutionReport,
  decodeSignalBatch,
  encodeControl,
  encodeExecutionReport,
  encodeSignalBatch,
} from './codec';
import { BusDecodeError, BusEncodeError } from './errors';
import { emptyHops, type ControlCommand, type ExecutionReport, type OrderSignal, type SignalBatch } from './messages';

const pb = whalecopy.v1;

const signal = (overrides: Partial<OrderSignal> = {}): OrderSignal => ({
  clientOrderId: 'wc-0123456789abcdef0123456789abcdef',
  followerId: 'f-1',
  whaleId: 'w-1',
  venue: 'binanceusdm',
  symbol: 'BTC/USDT:USDT',
  side: 'buy',
  amount: '0.003',
  reduceOnly: false,
  leg: 1,
  whaleSeq: 42,
  leverage: 0,
  refPrice: '60000.5',
  ...overrides,
});

const batch = (overrides: Partial<SignalBatch> = {}): SignalBatch => ({
  shard: 3,
  whaleId: 'w-1',
  whaleSeq: 42,
  signals: [signal(), signal({ clientOrderId: '0xabc', venue: 'hyperliquid', side: 'sell', leg: 0, reduceOnly: true, leverage: 20 })],
  hops: { ...emptyHops(), frameRxMs: 1_763_000_000_123.456, diffDoneMs: 1_763_000_000_124.001 },
  ...overrides,
});

const report = (overrides: Partial<ExecutionReport> = {}): ExecutionReport => ({
  clientOrderId: 'wc-0123456789abcdef0123456789abcdef',
  followerId: 'f-1',
  whaleId: 'w-1',
  venue: 'binanceusdm',
  symbol: 'ETH/USDT:USDT',
  side: 'sell',
  status: 'partially_filled',
  requestedAmount: '1.25',
  filledAmount: '0.5',
  avgPrice: '3120.4',
  venueOrderId: '8389765',
  errorClass: '',
  errorMessage: '',
  attempts: 2,
  hops: { ...emptyHops(), venueAckMs: 1_763_000_000_200.5 },
  shard: 7,
  ...overrides,
});

describe('codec round trips', () => {
  const batches: Array<[string, SignalBatch]> = [
    ['two signals, two venues', batch()],
    ['largest safe whale_seq', batch({ whaleSeq: Number.MAX_SAFE_INTEGER, signals: [signal({ whaleSeq: Number.MAX_SAFE_INTEGER })] })],
    ['whale_seq 0 and shard 0', batch({ whaleSeq: 0, shard: 0, signals: [signal({ whaleSeq: 0 })] })],
    ['2^32 + 1 (crosses the low word)', batch({ whaleSeq: 4_294_967_297, signals: [signal({ whaleSeq: 4_294_967_297 })] })],
  ];
  for (const [name, input] of batches) {
    test(`SignalBatch: ${name}`, () => {
      expect(decodeSignalBatch(encodeSignalBatch(input))).toEqual(input);
    });
  }

  const reports: Array<[string, ExecutionReport]> = [
    ['partial fill', report()],
    ['rejected with error, nothing filled', report({ status: 'rejected', filledAmount: '', avgPrice: '', venueOrderId: '', errorClass: 'InsufficientFunds', errorMessage: 'margin is insufficient' })],
    ['skipped, zero requested', report({ status: 'skipped', requestedAmount: '0', filledAmount: '0', avgPrice: '', attempts: 0 })],
  ];
  for (const [name, input] of reports) {
    test(`ExecutionReport: ${name}`, () => {
      expect(decodeExecutionReport(encodeExecutionReport(input))).toEqual(input);
    });
  }

  const commands: ControlCommand[] = [
    { kind: 'trading_state_change', scope: 'engine', id: '', state: 'halted', flatten: true },
    { kind: 'trading_state_change', scope: 'whale', id: 'w-9', state: 'reducing', flatten: false },
    { kind: 'trading_state_change', scope: 'follower', id: 'f-2', state: 'active', flatten: false },
  ];
  for (const command of commands) {
    test(`Control: ${command.scope} -> ${command.state}`, () => {
      expect(decodeControl(encodeControl(command))).toEqual(command);
    });
  }

  test('hops are carried with their microsecond fraction', () => {
    expect(decodeSignalBatch(encodeSignalBatch(batch())).hops.frameRxMs).toBe(1_763_000_000_123.456);
  });

  test('engine string unions match the generated enums', () => {
    const decoded = pb.SignalBatch.decode(encodeSignalBatch(batch()));
    expect(decoded.signals[0]?.side).toBe(pb.Side.SIDE_BUY);
    expect(decoded.signals[1]?.side).toBe(pb.Side.SIDE_SELL);
    expect(decoded.signals[1]?.venue).toBe(pb.Venue.VENUE_HYPERLIQUID);
    const control = pb.Control.decode(encodeControl(commands[0] as ControlCommand));
    expect(control.tradingStateChange?.state).toBe(pb.TradingState.TRADING_STATE_HALTED);
    expect(control.tradingStateChange?.scope).toBe(pb.TradingScope.TRADING_SCOPE_ENGINE);
  });
});

/** Valid protobuf that breaks a rule of the contract, written with the generated encoder directly. */
const wireSignal = (overrides: Record<string, unknown>): whalecopy.v1.IOrderSignal => ({
  clientOrderId: 'c-1', followerId: 'f-1', whaleId: 'w-1', venue: 1, symbol: 'BTC/USDT:USDT', side: 1,
  amount: '1', leg: 1, whaleSeq: 5, ...overrides,
});
const wireBatch = (overrides: Record<string, unknown> = {}, signalOverrides: Record<string, unknown> = {}): Uint8Array =>
  pb.SignalBatch.encode({ shard: 1, whaleId: 'w-1', whaleSeq: 5, signals: [wireSignal(signalOverrides)], ...overrides }).finish();

describe('decoding bad bytes throws bus_decode_failed', () => {
  const cases: Array<[string, Uint8Array, (bytes: Uint8Array) => unknown, string]> = [
    ['ascii garbage', new TextEncoder().encode('hello world, not protobuf'), decodeSignalBatch, ''],
    ['0xff run (truncated varint)', new Uint8Array([0xff, 0xff, 0xff]), decodeSignalBatch, 'index out of range'],
    ['empty bytes', new Uint8Array(0), decodeSignalBatch, 'whaleId is empty'],
    ['truncated valid batch', encodeSignalBatch(batch()).subarray(0, 20), decodeSignalBatch, 'index out of range'],
    ['a report read as a batch', encodeExecutionReport(report()), decodeSignalBatch, ''],
    ['no signals', pb.SignalBatch.encode({ whaleId: 'w-1', whaleSeq: 5 }).finish(), decodeSignalBatch, 'no signals'],
    ['empty whale id', wireBatch({ whaleId: '' }), decodeSignalBatch, 'whaleId is empty'],
    ['side unspecified', wireBatch({}, { side: 0 }), decodeSignalBatch, 'Side 0'],
    ['side 99 (unknown enum)', wireBatch({}, { side: 99 }), decodeSignalBatch, 'Side 99'],
    ['venue unspecified', wireBatch({}, { venue: 0 }), decodeSignalBatch, 'Venue 0'],
    ['leg 2', wireBatch({}, { leg: 2 }), decodeSignalBatch, 'leg 2'],
    ['amount 0', wireBatch({}, { amount: '0.000' }), decodeSignalBatch, 'positive'],
    ['amount in exponent form', wireBatch({}, { amount: '1e-3' }), decodeSignalBatch, 'not a decimal'],
    ['amount negative', wireBatch({}, { amount: '-1' }), decodeSignalBatch, 'not a decimal'],
    ['whale_seq 2^53', wireBatch({ whaleSeq: 2 ** 53 }, { whaleSeq: 2 ** 53 }), decodeSignalBatch, '2^53 or more'],
    ['whale_seq 2^64 - 1', wireBatch({ whaleSeq: '18446744073709551615' }, { whaleSeq: '18446744073709551615' }), decodeSignalBatch, '2^53 or more'],
    ['signal of another whale event', wireBatch({}, { whaleSeq: 6 }), decodeSignalBatch, 'another whale event'],
    ['empty client order id', wireBatch({}, { clientOrderId: '' }), decodeSignalBatch, 'clientOrderId is empty'],
    ['report status unspecified', pb.ExecutionReport.encode({ ...report(), venue: 1, side: 1, status: 0 }).finish(), decodeExecutionReport, 'ExecutionStatus 0'],
    ['report filled amount not decimal', pb.ExecutionReport.encode({ ...report(), venue: 1, side: 1, status: 1, filledAmount: 'NaN' }).finish(), decodeExecutionReport, 'filledAmount'],
    ['report garbage', new Uint8Array([0x0a, 0x05, 0x41]), decodeExecutionReport, 'index out of range'],
    ['control with no command', pb.Control.encode({}).finish(), decodeControl, 'no command'],
    ['control engine scope with an id', pb.Control.encode({ tradingStateChange: { scope: 1, id: 'x', state: 3 } }).finish(), decodeControl, 'scope engine'],
    ['control whale scope without id', pb.Control.encode({ tradingStateChange: { scope: 2, id: '', state: 3 } }).finish(), decodeControl, 'scope whale'],
    ['control state unspecified', pb.Control.encode({ tradingStateChange: { scope: 1, state: 0 } }).finish(), decodeControl, 'TradingState 0'],
  ];
  for (const [name, bytes, decode, reason] of cases) {
    test(name, () => {
      let caught: unknown;
      try {
        decode(bytes);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(BusDecodeError);
      expect((caught as BusDecodeError).code).toBe('bus_decode_failed');
      expect((caught as BusDecodeError).message).toContain(reason);
    });
  }

  test('1000 random byte strings never decode into anything but a valid batch or a BusDecodeError', () => {
    let seed = 12345;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    let decodedOk = 0;
    for (let i = 0; i < 1000; i++) {
      const bytes = new Uint8Array(1 + (next() % 64)).map(() => next() % 256);
      try {
        decodeSignalBatch(bytes);
        decodedOk++;
      } catch (error) {
        expect(error).toBeInstanceOf(BusDecodeError);
      }
    }
    expect(decodedOk).toBe(0);
  });
});

describe('encoding refuses values the wire cannot carry', () => {
  const cases: Array<[string, () => Uint8Array]> = [
    ['whale_seq 2^53', () => encodeSignalBatch(batch({ whaleSeq: 2 ** 53 }))],
    ['whale_seq negative', () => encodeSignalBatch(batch({ whaleSeq: -1 }))],
    ['whale_seq fractional', () => encodeSignalBatch(batch({ whaleSeq: 1.5 }))],
    ['signal leverage above uint32', () => encodeSignalBatch(batch({ signals: [signal({ leverage: 2 ** 32 })] }))],
    ['unknown venue', () => encodeSignalBatch(batch({ signals: [signal({ venue: 'kraken' as never })] }))],
    ['report attempts negative', () => encodeExecutionReport(report({ attempts: -1 }))],
  ];
  for (const [name, run] of cases) {
    test(name, () => {
      expect(run).toThrow(BusEncodeError);
    });
  }
});
