// Binary codec of the bus messages (SignalBatch, ExecutionReport, Control) over the generated protobufjs code.
// Decoding validates every field and throws BusDecodeError; it never returns a half-valid message.
import { whalecopy } from '../../../proto/gen/whalecopy.js';
import {
  EnumTable,
  checkEncodableUint,
  decimal,
  hopsFrom,
  requireText,
  safeUint,
  text,
  uint32,
} from './codec-fields';
import { SignalBatchWriter, writeSignalBatch, type SignalWireEnums } from './codec-signal-writer';
import { PAYLOAD_HEADROOM, PAYLOAD_TAILROOM } from './types';
import { BusDecodeError } from './errors';
import type {
  ControlCommand,
  ExecutionReport,
  ExecutionStatus,
  OrderSide,
  OrderSignal,
  SignalBatch,
  SignalVenue,
  TradingScope,
  TradingState,
} from './messages';

const pb = whalecopy.v1;
const UINT32_MAX = 4_294_967_295;

export const venueEnum = new EnumTable<SignalVenue>('Venue', [
  ['binanceusdm', pb.Venue.VENUE_BINANCEUSDM],
  ['hyperliquid', pb.Venue.VENUE_HYPERLIQUID],
]);
export const sideEnum = new EnumTable<OrderSide>('Side', [
  ['buy', pb.Side.SIDE_BUY],
  ['sell', pb.Side.SIDE_SELL],
]);
export const statusEnum = new EnumTable<ExecutionStatus>('ExecutionStatus', [
  ['filled', pb.ExecutionStatus.EXECUTION_STATUS_FILLED],
  ['partially_filled', pb.ExecutionStatus.EXECUTION_STATUS_PARTIALLY_FILLED],
  ['rejected', pb.ExecutionStatus.EXECUTION_STATUS_REJECTED],
  ['unknown', pb.ExecutionStatus.EXECUTION_STATUS_UNKNOWN],
  ['skipped', pb.ExecutionStatus.EXECUTION_STATUS_SKIPPED],
  ['canceled', pb.ExecutionStatus.EXECUTION_STATUS_CANCELED],
]);
export const scopeEnum = new EnumTable<TradingScope>('TradingScope', [
  ['engine', pb.TradingScope.TRADING_SCOPE_ENGINE],
  ['whale', pb.TradingScope.TRADING_SCOPE_WHALE],
  ['follower', pb.TradingScope.TRADING_SCOPE_FOLLOWER],
]);
export const tradingStateEnum = new EnumTable<TradingState>('TradingState', [
  ['active', pb.TradingState.TRADING_STATE_ACTIVE],
  ['reducing', pb.TradingState.TRADING_STATE_REDUCING],
  ['halted', pb.TradingState.TRADING_STATE_HALTED],
]);

/** Runs a protobufjs decode; its RangeError/Error on malformed bytes becomes a BusDecodeError. */
function parse<T>(type: string, bytes: Uint8Array, decode: (bytes: Uint8Array) => T): T {
  try {
    return decode(bytes);
  } catch (error) {
    throw new BusDecodeError(type, error instanceof Error ? error.message : String(error), { cause: error });
  }
}

// ---- SignalBatch ----------------------------------------------------------------------------

const signalWireEnums: SignalWireEnums = {
  venue: (signal) => venueEnum.toWire('SignalBatch', signal.venue),
  side: (signal) => sideEnum.toWire('SignalBatch', signal.side),
};

/** Same bytes as the generated pb.SignalBatch encoder (see codec-signal-writer.ts), written without per-signal objects. */
export function encodeSignalBatch(batch: SignalBatch): Uint8Array {
  return writeSignalBatch(batch, signalWireEnums);
}

/**
 * The copy path's encoder: a SignalBatch written signal by signal as the diff makes them, into `into` (sized
 * by the caller; it grows if too small) or a new one, with ShardPayload room around it. finish(hops) gives the payload.
 */
export function openSignalBatch(shard: number, whaleId: string, whaleSeq: number, into?: Buffer): SignalBatchWriter {
  return new SignalBatchWriter(signalWireEnums, shard, whaleId, whaleSeq, into ?? Buffer.allocUnsafeSlow(64 * 1024), PAYLOAD_HEADROOM, PAYLOAD_TAILROOM);
}

export function decodeSignalBatch(bytes: Uint8Array): SignalBatch {
  const type = 'SignalBatch';
  const wire = parse(type, bytes, (input) => pb.SignalBatch.decode(input));
  const whaleId = requireText(type, 'whaleId', wire.whaleId);
  const whaleSeq = safeUint(type, 'whaleSeq', wire.whaleSeq);
  if (wire.signals.length === 0) throw new BusDecodeError(type, 'no signals');
  const signals = wire.signals.map((signal): OrderSignal => {
    // A signal without its own whale id / sequence belongs to the batch's (the encoder leaves them out).
    if (!signal.whaleId) signal.whaleId = whaleId;
    if (safeUint(type, 'signals.whaleSeq', signal.whaleSeq) === 0) signal.whaleSeq = whaleSeq;
    const decoded = decodeOrderSignal(type, signal);
    if (decoded.whaleId !== whaleId || decoded.whaleSeq !== whaleSeq) {
      throw new BusDecodeError(type, `signal ${decoded.clientOrderId} belongs to another whale event`);
    }
    return decoded;
  });
  return { shard: uint32(wire.shard), whaleId, whaleSeq, signals, hops: hopsFrom(wire.hops) };
}

function decodeOrderSignal(type: string, wire: whalecopy.v1.IOrderSignal): OrderSignal {
  const leg = uint32(wire.leg);
  if (leg !== 0 && leg !== 1) throw new BusDecodeError(type, `leg ${leg} is neither 0 (close) nor 1 (open)`);
  return {
    clientOrderId: requireText(type, 'clientOrderId', wire.clientOrderId),
    followerId: requireText(type, 'followerId', wire.followerId),
    whaleId: requireText(type, 'signals.whaleId', wire.whaleId),
    venue: venueEnum.fromWire(type, wire.venue),
    symbol: requireText(type, 'symbol', wire.symbol),
    side: sideEnum.fromWire(type, wire.side),
    amount: decimal(type, 'amount', wire.amount, 'positive'),
    reduceOnly: wire.reduceOnly === true,
    leg,
    whaleSeq: safeUint(type, 'signals.whaleSeq', wire.whaleSeq),
    leverage: uint32(wire.leverage),
    refPrice: decimal(type, 'refPrice', wire.refPrice, 'optional'),
  };
}

// ---- ExecutionReport ------------------------------------------------------------------------

export function encodeExecutionReport(report: ExecutionReport): Uint8Array {
  const type = 'ExecutionReport';
  checkEncodableUint(type, 'attempts', report.attempts, UINT32_MAX);
  checkEncodableUint(type, 'shard', report.shard, UINT32_MAX);
  return pb.ExecutionReport.encode({
    clientOrderId: report.clientOrderId,
    followerId: report.followerId,
    whaleId: report.whaleId,
    venue: venueEnum.toWire(type, report.venue),
    symbol: report.symbol,
    side: sideEnum.toWire(type, report.side),
    status: statusEnum.toWire(type, report.status),
    requestedAmount: report.requestedAmount,
    filledAmount: report.filledAmount,
    avgPrice: report.avgPrice,
    venueOrderId: report.venueOrderId,
    errorClass: report.errorClass,
    errorMessage: report.errorMessage,
    attempts: report.attempts,
    hops: report.hops,
    shard: report.shard,
  }).finish();
}

export function decodeExecutionReport(bytes: Uint8Array): ExecutionReport {
  const type = 'ExecutionReport';
  const wire = parse(type, bytes, (input) => pb.ExecutionReport.decode(input));
  return {
    clientOrderId: requireText(type, 'clientOrderId', wire.clientOrderId),
    followerId: requireText(type, 'followerId', wire.followerId),
    whaleId: requireText(type, 'whaleId', wire.whaleId),
    venue: venueEnum.fromWire(type, wire.venue),
    symbol: requireText(type, 'symbol', wire.symbol),
    side: sideEnum.fromWire(type, wire.side),
    status: statusEnum.fromWire(type, wire.status),
    requestedAmount: decimal(type, 'requestedAmount', wire.requestedAmount, 'required'),
    filledAmount: decimal(type, 'filledAmount', wire.filledAmount, 'optional'),
    avgPrice: decimal(type, 'avgPrice', wire.avgPrice, 'optional'),
    venueOrderId: text(wire.venueOrderId),
    errorClass: text(wire.errorClass),
    errorMessage: text(wire.errorMessage),
    attempts: uint32(wire.attempts),
    hops: hopsFrom(wire.hops),
    shard: uint32(wire.shard),
  };
}

// ---- Control --------------------------------------------------------------------------------

export function encodeControl(command: ControlCommand): Uint8Array {
  const type = 'Control';
  return pb.Control.encode({
    tradingStateChange: {
      scope: scopeEnum.toWire(type, command.scope),
      id: command.id,
      state: tradingStateEnum.toWire(type, command.state),
      flatten: command.flatten,
    },
  }).finish();
}

export function decodeControl(bytes: Uint8Array): ControlCommand {
  const type = 'Control';
  const wire = parse(type, bytes, (input) => pb.Control.decode(input));
  const change = wire.tradingStateChange;
  if (wire.command !== 'tradingStateChange' || change === null || change === undefined) {
    throw new BusDecodeError(type, 'no command set');
  }
  const scope = scopeEnum.fromWire(type, change.scope);
  const id = text(change.id);
  if ((scope === 'engine') !== (id === '')) {
    throw new BusDecodeError(type, `scope ${scope} with id ${JSON.stringify(id)} (engine takes '', others an id)`);
  }
  const state = tradingStateEnum.fromWire(type, change.state);
  return { kind: 'trading_state_change', scope, id, state, flatten: change.flatten === true };
}
