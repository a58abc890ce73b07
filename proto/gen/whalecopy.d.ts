// GENERATED FILE - DO NOT EDIT. Produced by scripts/gen-proto.ts (protobufjs-cli) from:
//   proto/whalecopy/v1/common.proto
//   proto/whalecopy/v1/control.proto
//   proto/whalecopy/v1/report.proto
//   proto/whalecopy/v1/signal.proto
// Edit the .proto sources and run `npx bun scripts/gen-proto.ts`; `bun test proto` fails on stale output.
import * as $protobuf from "protobufjs";
import Long = require("long");
/** Namespace whalecopy. */
export namespace whalecopy {

    /** Namespace v1. */
    namespace v1 {

        /** Side enum. */
        enum Side {
            SIDE_UNSPECIFIED = 0,
            SIDE_BUY = 1,
            SIDE_SELL = 2
        }

        /** Venue enum. */
        enum Venue {
            VENUE_UNSPECIFIED = 0,
            VENUE_BINANCEUSDM = 1,
            VENUE_HYPERLIQUID = 2
        }

        /** Properties of a Hops. */
        interface IHops {

            /** Hops venueEventMs */
            venueEventMs?: (number|null);

            /** Hops frameRxMs */
            frameRxMs?: (number|null);

            /** Hops diffDoneMs */
            diffDoneMs?: (number|null);

            /** Hops xaddAckMs */
            xaddAckMs?: (number|null);

            /** Hops dequeuedMs */
            dequeuedMs?: (number|null);

            /** Hops orderSentMs */
            orderSentMs?: (number|null);

            /** Hops venueAckMs */
            venueAckMs?: (number|null);
        }

        /** Represents a Hops. */
        class Hops implements IHops {

            /**
             * Constructs a new Hops.
             * @param [properties] Properties to set
             */
            constructor(properties?: whalecopy.v1.IHops);

            /** Hops venueEventMs. */
            public venueEventMs: number;

            /** Hops frameRxMs. */
            public frameRxMs: number;

            /** Hops diffDoneMs. */
            public diffDoneMs: number;

            /** Hops xaddAckMs. */
            public xaddAckMs: number;

            /** Hops dequeuedMs. */
            public dequeuedMs: number;

            /** Hops orderSentMs. */
            public orderSentMs: number;

            /** Hops venueAckMs. */
            public venueAckMs: number;

            /**
             * Creates a new Hops instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Hops instance
             */
            public static create(properties?: whalecopy.v1.IHops): whalecopy.v1.Hops;

            /**
             * Encodes the specified Hops message. Does not implicitly {@link whalecopy.v1.Hops.verify|verify} messages.
             * @param message Hops message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: whalecopy.v1.IHops, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Hops message, length delimited. Does not implicitly {@link whalecopy.v1.Hops.verify|verify} messages.
             * @param message Hops message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: whalecopy.v1.IHops, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Hops message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Hops
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): whalecopy.v1.Hops;

            /**
             * Decodes a Hops message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns Hops
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): whalecopy.v1.Hops;

            /**
             * Verifies a Hops message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Hops message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Hops
             */
            public static fromObject(object: { [k: string]: any }): whalecopy.v1.Hops;

            /**
             * Creates a plain object from a Hops message. Also converts values to other types if specified.
             * @param message Hops
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: whalecopy.v1.Hops, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Hops to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for Hops
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        /** TradingScope enum. */
        enum TradingScope {
            TRADING_SCOPE_UNSPECIFIED = 0,
            TRADING_SCOPE_ENGINE = 1,
            TRADING_SCOPE_WHALE = 2,
            TRADING_SCOPE_FOLLOWER = 3
        }

        /** TradingState enum. */
        enum TradingState {
            TRADING_STATE_UNSPECIFIED = 0,
            TRADING_STATE_ACTIVE = 1,
            TRADING_STATE_REDUCING = 2,
            TRADING_STATE_HALTED = 3
        }

        /** Properties of a TradingStateChange. */
        interface ITradingStateChange {

            /** TradingStateChange scope */
            scope?: (whalecopy.v1.TradingScope|null);

            /** TradingStateChange id */
            id?: (string|null);

            /** TradingStateChange state */
            state?: (whalecopy.v1.TradingState|null);

            /** TradingStateChange flatten */
            flatten?: (boolean|null);
        }

        /** Represents a TradingStateChange. */
        class TradingStateChange implements ITradingStateChange {

            /**
             * Constructs a new TradingStateChange.
             * @param [properties] Properties to set
             */
            constructor(properties?: whalecopy.v1.ITradingStateChange);

            /** TradingStateChange scope. */
            public scope: whalecopy.v1.TradingScope;

            /** TradingStateChange id. */
            public id: string;

            /** TradingStateChange state. */
            public state: whalecopy.v1.TradingState;

            /** TradingStateChange flatten. */
            public flatten: boolean;

            /**
             * Creates a new TradingStateChange instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TradingStateChange instance
             */
            public static create(properties?: whalecopy.v1.ITradingStateChange): whalecopy.v1.TradingStateChange;

            /**
             * Encodes the specified TradingStateChange message. Does not implicitly {@link whalecopy.v1.TradingStateChange.verify|verify} messages.
             * @param message TradingStateChange message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: whalecopy.v1.ITradingStateChange, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified TradingStateChange message, length delimited. Does not implicitly {@link whalecopy.v1.TradingStateChange.verify|verify} messages.
             * @param message TradingStateChange message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: whalecopy.v1.ITradingStateChange, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TradingStateChange message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns TradingStateChange
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): whalecopy.v1.TradingStateChange;

            /**
             * Decodes a TradingStateChange message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns TradingStateChange
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): whalecopy.v1.TradingStateChange;

            /**
             * Verifies a TradingStateChange message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TradingStateChange message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TradingStateChange
             */
            public static fromObject(object: { [k: string]: any }): whalecopy.v1.TradingStateChange;

            /**
             * Creates a plain object from a TradingStateChange message. Also converts values to other types if specified.
             * @param message TradingStateChange
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: whalecopy.v1.TradingStateChange, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TradingStateChange to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for TradingStateChange
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        /** Properties of a Control. */
        interface IControl {

            /** Control tradingStateChange */
            tradingStateChange?: (whalecopy.v1.ITradingStateChange|null);
        }

        /** Represents a Control. */
        class Control implements IControl {

            /**
             * Constructs a new Control.
             * @param [properties] Properties to set
             */
            constructor(properties?: whalecopy.v1.IControl);

            /** Control tradingStateChange. */
            public tradingStateChange?: (whalecopy.v1.ITradingStateChange|null);

            /** Control command. */
            public command?: "tradingStateChange";

            /**
             * Creates a new Control instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Control instance
             */
            public static create(properties?: whalecopy.v1.IControl): whalecopy.v1.Control;

            /**
             * Encodes the specified Control message. Does not implicitly {@link whalecopy.v1.Control.verify|verify} messages.
             * @param message Control message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: whalecopy.v1.IControl, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Control message, length delimited. Does not implicitly {@link whalecopy.v1.Control.verify|verify} messages.
             * @param message Control message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: whalecopy.v1.IControl, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Control message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Control
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): whalecopy.v1.Control;

            /**
             * Decodes a Control message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns Control
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): whalecopy.v1.Control;

            /**
             * Verifies a Control message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Control message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Control
             */
            public static fromObject(object: { [k: string]: any }): whalecopy.v1.Control;

            /**
             * Creates a plain object from a Control message. Also converts values to other types if specified.
             * @param message Control
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: whalecopy.v1.Control, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Control to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for Control
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        /** ExecutionStatus enum. */
        enum ExecutionStatus {
            EXECUTION_STATUS_UNSPECIFIED = 0,
            EXECUTION_STATUS_FILLED = 1,
            EXECUTION_STATUS_PARTIALLY_FILLED = 2,
            EXECUTION_STATUS_REJECTED = 3,
            EXECUTION_STATUS_UNKNOWN = 4,
            EXECUTION_STATUS_SKIPPED = 5,
            EXECUTION_STATUS_CANCELED = 6
        }

        /** Properties of an ExecutionReport. */
        interface IExecutionReport {

            /** ExecutionReport clientOrderId */
            clientOrderId?: (string|null);

            /** ExecutionReport followerId */
            followerId?: (string|null);

            /** ExecutionReport whaleId */
            whaleId?: (string|null);

            /** ExecutionReport venue */
            venue?: (whalecopy.v1.Venue|null);

            /** ExecutionReport symbol */
            symbol?: (string|null);

            /** ExecutionReport side */
            side?: (whalecopy.v1.Side|null);

            /** ExecutionReport status */
            status?: (whalecopy.v1.ExecutionStatus|null);

            /** ExecutionReport requestedAmount */
            requestedAmount?: (string|null);

            /** ExecutionReport filledAmount */
            filledAmount?: (string|null);

            /** ExecutionReport avgPrice */
            avgPrice?: (string|null);

            /** ExecutionReport venueOrderId */
            venueOrderId?: (string|null);

            /** ExecutionReport errorClass */
            errorClass?: (string|null);

            /** ExecutionReport errorMessage */
            errorMessage?: (string|null);

            /** ExecutionReport attempts */
            attempts?: (number|null);

            /** ExecutionReport hops */
            hops?: (whalecopy.v1.IHops|null);

            /** ExecutionReport shard */
            shard?: (number|null);
        }

        /** Represents an ExecutionReport. */
        class ExecutionReport implements IExecutionReport {

            /**
             * Constructs a new ExecutionReport.
             * @param [properties] Properties to set
             */
            constructor(properties?: whalecopy.v1.IExecutionReport);

            /** ExecutionReport clientOrderId. */
            public clientOrderId: string;

            /** ExecutionReport followerId. */
            public followerId: string;

            /** ExecutionReport whaleId. */
            public whaleId: string;

            /** ExecutionReport venue. */
            public venue: whalecopy.v1.Venue;

            /** ExecutionReport symbol. */
            public symbol: string;

            /** ExecutionReport side. */
            public side: whalecopy.v1.Side;

            /** ExecutionReport status. */
            public status: whalecopy.v1.ExecutionStatus;

            /** ExecutionReport requestedAmount. */
            public requestedAmount: string;

            /** ExecutionReport filledAmount. */
            public filledAmount: string;

            /** ExecutionReport avgPrice. */
            public avgPrice: string;

            /** ExecutionReport venueOrderId. */
            public venueOrderId: string;

            /** ExecutionReport errorClass. */
            public errorClass: string;

            /** ExecutionReport errorMessage. */
            public errorMessage: string;

            /** ExecutionReport attempts. */
            public attempts: number;

            /** ExecutionReport hops. */
            public hops?: (whalecopy.v1.IHops|null);

            /** ExecutionReport shard. */
            public shard: number;

            /**
             * Creates a new ExecutionReport instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ExecutionReport instance
             */
            public static create(properties?: whalecopy.v1.IExecutionReport): whalecopy.v1.ExecutionReport;

            /**
             * Encodes the specified ExecutionReport message. Does not implicitly {@link whalecopy.v1.ExecutionReport.verify|verify} messages.
             * @param message ExecutionReport message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: whalecopy.v1.IExecutionReport, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ExecutionReport message, length delimited. Does not implicitly {@link whalecopy.v1.ExecutionReport.verify|verify} messages.
             * @param message ExecutionReport message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: whalecopy.v1.IExecutionReport, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ExecutionReport message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ExecutionReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): whalecopy.v1.ExecutionReport;

            /**
             * Decodes an ExecutionReport message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns ExecutionReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): whalecopy.v1.ExecutionReport;

            /**
             * Verifies an ExecutionReport message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an ExecutionReport message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ExecutionReport
             */
            public static fromObject(object: { [k: string]: any }): whalecopy.v1.ExecutionReport;

            /**
             * Creates a plain object from an ExecutionReport message. Also converts values to other types if specified.
             * @param message ExecutionReport
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: whalecopy.v1.ExecutionReport, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ExecutionReport to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for ExecutionReport
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        /** Properties of an OrderSignal. */
        interface IOrderSignal {

            /** OrderSignal clientOrderId */
            clientOrderId?: (string|null);

            /** OrderSignal followerId */
            followerId?: (string|null);

            /** OrderSignal whaleId */
            whaleId?: (string|null);

            /** OrderSignal venue */
            venue?: (whalecopy.v1.Venue|null);

            /** OrderSignal symbol */
            symbol?: (string|null);

            /** OrderSignal side */
            side?: (whalecopy.v1.Side|null);

            /** OrderSignal amount */
            amount?: (string|null);

            /** OrderSignal reduceOnly */
            reduceOnly?: (boolean|null);

            /** OrderSignal leg */
            leg?: (number|null);

            /** OrderSignal whaleSeq */
            whaleSeq?: (number|Long|null);

            /** OrderSignal leverage */
            leverage?: (number|null);

            /** OrderSignal refPrice */
            refPrice?: (string|null);
        }

        /** Represents an OrderSignal. */
        class OrderSignal implements IOrderSignal {

            /**
             * Constructs a new OrderSignal.
             * @param [properties] Properties to set
             */
            constructor(properties?: whalecopy.v1.IOrderSignal);

            /** OrderSignal clientOrderId. */
            public clientOrderId: string;

            /** OrderSignal followerId. */
            public followerId: string;

            /** OrderSignal whaleId. */
            public whaleId: string;

            /** OrderSignal venue. */
            public venue: whalecopy.v1.Venue;

            /** OrderSignal symbol. */
            public symbol: string;

            /** OrderSignal side. */
            public side: whalecopy.v1.Side;

            /** OrderSignal amount. */
            public amount: string;

            /** OrderSignal reduceOnly. */
            public reduceOnly: boolean;

            /** OrderSignal leg. */
            public leg: number;

            /** OrderSignal whaleSeq. */
            public whaleSeq: (number|Long);

            /** OrderSignal leverage. */
            public leverage: number;

            /** OrderSignal refPrice. */
            public refPrice: string;

            /**
             * Creates a new OrderSignal instance using the specified properties.
             * @param [properties] Properties to set
             * @returns OrderSignal instance
             */
            public static create(properties?: whalecopy.v1.IOrderSignal): whalecopy.v1.OrderSignal;

            /**
             * Encodes the specified OrderSignal message. Does not implicitly {@link whalecopy.v1.OrderSignal.verify|verify} messages.
             * @param message OrderSignal message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: whalecopy.v1.IOrderSignal, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified OrderSignal message, length delimited. Does not implicitly {@link whalecopy.v1.OrderSignal.verify|verify} messages.
             * @param message OrderSignal message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: whalecopy.v1.IOrderSignal, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an OrderSignal message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns OrderSignal
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): whalecopy.v1.OrderSignal;

            /**
             * Decodes an OrderSignal message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns OrderSignal
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): whalecopy.v1.OrderSignal;

            /**
             * Verifies an OrderSignal message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an OrderSignal message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns OrderSignal
             */
            public static fromObject(object: { [k: string]: any }): whalecopy.v1.OrderSignal;

            /**
             * Creates a plain object from an OrderSignal message. Also converts values to other types if specified.
             * @param message OrderSignal
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: whalecopy.v1.OrderSignal, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this OrderSignal to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for OrderSignal
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        /** Properties of a SignalBatch. */
        interface ISignalBatch {

            /** SignalBatch shard */
            shard?: (number|null);

            /** SignalBatch whaleId */
            whaleId?: (string|null);

            /** SignalBatch whaleSeq */
            whaleSeq?: (number|Long|null);

            /** SignalBatch signals */
            signals?: (whalecopy.v1.IOrderSignal[]|null);

            /** SignalBatch hops */
            hops?: (whalecopy.v1.IHops|null);
        }

        /** Represents a SignalBatch. */
        class SignalBatch implements ISignalBatch {

            /**
             * Constructs a new SignalBatch.
             * @param [properties] Properties to set
             */
            constructor(properties?: whalecopy.v1.ISignalBatch);

            /** SignalBatch shard. */
            public shard: number;

            /** SignalBatch whaleId. */
            public whaleId: string;

            /** SignalBatch whaleSeq. */
            public whaleSeq: (number|Long);

            /** SignalBatch signals. */
            public signals: whalecopy.v1.IOrderSignal[];

            /** SignalBatch hops. */
            public hops?: (whalecopy.v1.IHops|null);

            /**
             * Creates a new SignalBatch instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SignalBatch instance
             */
            public static create(properties?: whalecopy.v1.ISignalBatch): whalecopy.v1.SignalBatch;

            /**
             * Encodes the specified SignalBatch message. Does not implicitly {@link whalecopy.v1.SignalBatch.verify|verify} messages.
             * @param message SignalBatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: whalecopy.v1.ISignalBatch, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified SignalBatch message, length delimited. Does not implicitly {@link whalecopy.v1.SignalBatch.verify|verify} messages.
             * @param message SignalBatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: whalecopy.v1.ISignalBatch, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SignalBatch message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns SignalBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): whalecopy.v1.SignalBatch;

            /**
             * Decodes a SignalBatch message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns SignalBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): whalecopy.v1.SignalBatch;

            /**
             * Verifies a SignalBatch message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SignalBatch message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SignalBatch
             */
            public static fromObject(object: { [k: string]: any }): whalecopy.v1.SignalBatch;

            /**
             * Creates a plain object from a SignalBatch message. Also converts values to other types if specified.
             * @param message SignalBatch
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: whalecopy.v1.SignalBatch, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SignalBatch to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for SignalBatch
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }
    }
}
