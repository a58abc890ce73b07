// GENERATED FILE - DO NOT EDIT. Produced by scripts/gen-proto.ts (protobufjs-cli) from:
//   proto/whalecopy/v1/common.proto
//   proto/whalecopy/v1/control.proto
//   proto/whalecopy/v1/report.proto
//   proto/whalecopy/v1/signal.proto
// Edit the .proto sources and run `npx bun scripts/gen-proto.ts`; `bun test proto` fails on stale output.
/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars*/
import * as $protobuf from "protobufjs/minimal";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const whalecopy = $root.whalecopy = (() => {

    /**
     * Namespace whalecopy.
     * @exports whalecopy
     * @namespace
     */
    const whalecopy = {};

    whalecopy.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof whalecopy
         * @namespace
         */
        const v1 = {};

        /**
         * Side enum.
         * @name whalecopy.v1.Side
         * @enum {number}
         * @property {number} SIDE_UNSPECIFIED=0 SIDE_UNSPECIFIED value
         * @property {number} SIDE_BUY=1 SIDE_BUY value
         * @property {number} SIDE_SELL=2 SIDE_SELL value
         */
        v1.Side = (function() {
            const valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "SIDE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "SIDE_BUY"] = 1;
            values[valuesById[2] = "SIDE_SELL"] = 2;
            return values;
        })();

        /**
         * Venue enum.
         * @name whalecopy.v1.Venue
         * @enum {number}
         * @property {number} VENUE_UNSPECIFIED=0 VENUE_UNSPECIFIED value
         * @property {number} VENUE_BINANCEUSDM=1 VENUE_BINANCEUSDM value
         * @property {number} VENUE_HYPERLIQUID=2 VENUE_HYPERLIQUID value
         */
        v1.Venue = (function() {
            const valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "VENUE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "VENUE_BINANCEUSDM"] = 1;
            values[valuesById[2] = "VENUE_HYPERLIQUID"] = 2;
            return values;
        })();

        v1.Hops = (function() {

            /**
             * Properties of a Hops.
             * @memberof whalecopy.v1
             * @interface IHops
             * @property {number|null} [venueEventMs] Hops venueEventMs
             * @property {number|null} [frameRxMs] Hops frameRxMs
             * @property {number|null} [diffDoneMs] Hops diffDoneMs
             * @property {number|null} [xaddAckMs] Hops xaddAckMs
             * @property {number|null} [dequeuedMs] Hops dequeuedMs
             * @property {number|null} [orderSentMs] Hops orderSentMs
             * @property {number|null} [venueAckMs] Hops venueAckMs
             */

            /**
             * Constructs a new Hops.
             * @memberof whalecopy.v1
             * @classdesc Represents a Hops.
             * @implements IHops
             * @constructor
             * @param {whalecopy.v1.IHops=} [properties] Properties to set
             */
            function Hops(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Hops venueEventMs.
             * @member {number} venueEventMs
             * @memberof whalecopy.v1.Hops
             * @instance
             */
            Hops.prototype.venueEventMs = 0;

            /**
             * Hops frameRxMs.
             * @member {number} frameRxMs
             * @memberof whalecopy.v1.Hops
             * @instance
             */
            Hops.prototype.frameRxMs = 0;

            /**
             * Hops diffDoneMs.
             * @member {number} diffDoneMs
             * @memberof whalecopy.v1.Hops
             * @instance
             */
            Hops.prototype.diffDoneMs = 0;

            /**
             * Hops xaddAckMs.
             * @member {number} xaddAckMs
             * @memberof whalecopy.v1.Hops
             * @instance
             */
            Hops.prototype.xaddAckMs = 0;

            /**
             * Hops dequeuedMs.
             * @member {number} dequeuedMs
             * @memberof whalecopy.v1.Hops
             * @instance
             */
            Hops.prototype.dequeuedMs = 0;

            /**
             * Hops orderSentMs.
             * @member {number} orderSentMs
             * @memberof whalecopy.v1.Hops
             * @instance
             */
            Hops.prototype.orderSentMs = 0;

            /**
             * Hops venueAckMs.
             * @member {number} venueAckMs
             * @memberof whalecopy.v1.Hops
             * @instance
             */
            Hops.prototype.venueAckMs = 0;

            /**
             * Creates a new Hops instance using the specified properties.
             * @function create
             * @memberof whalecopy.v1.Hops
             * @static
             * @param {whalecopy.v1.IHops=} [properties] Properties to set
             * @returns {whalecopy.v1.Hops} Hops instance
             */
            Hops.create = function create(properties) {
                return new Hops(properties);
            };

            /**
             * Encodes the specified Hops message. Does not implicitly {@link whalecopy.v1.Hops.verify|verify} messages.
             * @function encode
             * @memberof whalecopy.v1.Hops
             * @static
             * @param {whalecopy.v1.IHops} message Hops message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Hops.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.venueEventMs != null && Object.hasOwnProperty.call(message, "venueEventMs"))
                    writer.uint32(/* id 1, wireType 1 =*/9).double(message.venueEventMs);
                if (message.frameRxMs != null && Object.hasOwnProperty.call(message, "frameRxMs"))
                    writer.uint32(/* id 2, wireType 1 =*/17).double(message.frameRxMs);
                if (message.diffDoneMs != null && Object.hasOwnProperty.call(message, "diffDoneMs"))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.diffDoneMs);
                if (message.xaddAckMs != null && Object.hasOwnProperty.call(message, "xaddAckMs"))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.xaddAckMs);
                if (message.dequeuedMs != null && Object.hasOwnProperty.call(message, "dequeuedMs"))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.dequeuedMs);
                if (message.orderSentMs != null && Object.hasOwnProperty.call(message, "orderSentMs"))
                    writer.uint32(/* id 6, wireType 1 =*/49).double(message.orderSentMs);
                if (message.venueAckMs != null && Object.hasOwnProperty.call(message, "venueAckMs"))
                    writer.uint32(/* id 7, wireType 1 =*/57).double(message.venueAckMs);
                return writer;
            };

            /**
             * Encodes the specified Hops message, length delimited. Does not implicitly {@link whalecopy.v1.Hops.verify|verify} messages.
             * @function encodeDelimited
             * @memberof whalecopy.v1.Hops
             * @static
             * @param {whalecopy.v1.IHops} message Hops message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Hops.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a Hops message from the specified reader or buffer.
             * @function decode
             * @memberof whalecopy.v1.Hops
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {whalecopy.v1.Hops} Hops
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Hops.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.whalecopy.v1.Hops();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.venueEventMs = reader.double();
                            break;
                        }
                    case 2: {
                            message.frameRxMs = reader.double();
                            break;
                        }
                    case 3: {
                            message.diffDoneMs = reader.double();
                            break;
                        }
                    case 4: {
                            message.xaddAckMs = reader.double();
                            break;
                        }
                    case 5: {
                            message.dequeuedMs = reader.double();
                            break;
                        }
                    case 6: {
                            message.orderSentMs = reader.double();
                            break;
                        }
                    case 7: {
                            message.venueAckMs = reader.double();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a Hops message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof whalecopy.v1.Hops
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {whalecopy.v1.Hops} Hops
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Hops.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a Hops message.
             * @function verify
             * @memberof whalecopy.v1.Hops
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Hops.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (message.venueEventMs != null && Object.hasOwnProperty.call(message, "venueEventMs"))
                    if (typeof message.venueEventMs !== "number")
                        return "venueEventMs: number expected";
                if (message.frameRxMs != null && Object.hasOwnProperty.call(message, "frameRxMs"))
                    if (typeof message.frameRxMs !== "number")
                        return "frameRxMs: number expected";
                if (message.diffDoneMs != null && Object.hasOwnProperty.call(message, "diffDoneMs"))
                    if (typeof message.diffDoneMs !== "number")
                        return "diffDoneMs: number expected";
                if (message.xaddAckMs != null && Object.hasOwnProperty.call(message, "xaddAckMs"))
                    if (typeof message.xaddAckMs !== "number")
                        return "xaddAckMs: number expected";
                if (message.dequeuedMs != null && Object.hasOwnProperty.call(message, "dequeuedMs"))
                    if (typeof message.dequeuedMs !== "number")
                        return "dequeuedMs: number expected";
                if (message.orderSentMs != null && Object.hasOwnProperty.call(message, "orderSentMs"))
                    if (typeof message.orderSentMs !== "number")
                        return "orderSentMs: number expected";
                if (message.venueAckMs != null && Object.hasOwnProperty.call(message, "venueAckMs"))
                    if (typeof message.venueAckMs !== "number")
                        return "venueAckMs: number expected";
                return null;
            };

            /**
             * Creates a Hops message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof whalecopy.v1.Hops
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {whalecopy.v1.Hops} Hops
             */
            Hops.fromObject = function fromObject(object, long) {
                if (object instanceof $root.whalecopy.v1.Hops)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".whalecopy.v1.Hops: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.whalecopy.v1.Hops();
                if (object.venueEventMs != null)
                    message.venueEventMs = Number(object.venueEventMs);
                if (object.frameRxMs != null)
                    message.frameRxMs = Number(object.frameRxMs);
                if (object.diffDoneMs != null)
                    message.diffDoneMs = Number(object.diffDoneMs);
                if (object.xaddAckMs != null)
                    message.xaddAckMs = Number(object.xaddAckMs);
                if (object.dequeuedMs != null)
                    message.dequeuedMs = Number(object.dequeuedMs);
                if (object.orderSentMs != null)
                    message.orderSentMs = Number(object.orderSentMs);
                if (object.venueAckMs != null)
                    message.venueAckMs = Number(object.venueAckMs);
                return message;
            };

            /**
             * Creates a plain object from a Hops message. Also converts values to other types if specified.
             * @function toObject
             * @memberof whalecopy.v1.Hops
             * @static
             * @param {whalecopy.v1.Hops} message Hops
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Hops.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.venueEventMs = 0;
                    object.frameRxMs = 0;
                    object.diffDoneMs = 0;
                    object.xaddAckMs = 0;
                    object.dequeuedMs = 0;
                    object.orderSentMs = 0;
                    object.venueAckMs = 0;
                }
                if (message.venueEventMs != null && Object.hasOwnProperty.call(message, "venueEventMs"))
                    object.venueEventMs = options.json && !isFinite(message.venueEventMs) ? String(message.venueEventMs) : message.venueEventMs;
                if (message.frameRxMs != null && Object.hasOwnProperty.call(message, "frameRxMs"))
                    object.frameRxMs = options.json && !isFinite(message.frameRxMs) ? String(message.frameRxMs) : message.frameRxMs;
                if (message.diffDoneMs != null && Object.hasOwnProperty.call(message, "diffDoneMs"))
                    object.diffDoneMs = options.json && !isFinite(message.diffDoneMs) ? String(message.diffDoneMs) : message.diffDoneMs;
                if (message.xaddAckMs != null && Object.hasOwnProperty.call(message, "xaddAckMs"))
                    object.xaddAckMs = options.json && !isFinite(message.xaddAckMs) ? String(message.xaddAckMs) : message.xaddAckMs;
                if (message.dequeuedMs != null && Object.hasOwnProperty.call(message, "dequeuedMs"))
                    object.dequeuedMs = options.json && !isFinite(message.dequeuedMs) ? String(message.dequeuedMs) : message.dequeuedMs;
                if (message.orderSentMs != null && Object.hasOwnProperty.call(message, "orderSentMs"))
                    object.orderSentMs = options.json && !isFinite(message.orderSentMs) ? String(message.orderSentMs) : message.orderSentMs;
                if (message.venueAckMs != null && Object.hasOwnProperty.call(message, "venueAckMs"))
                    object.venueAckMs = options.json && !isFinite(message.venueAckMs) ? String(message.venueAckMs) : message.venueAckMs;
                return object;
            };

            /**
             * Converts this Hops to JSON.
             * @function toJSON
             * @memberof whalecopy.v1.Hops
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Hops.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for Hops
             * @function getTypeUrl
             * @memberof whalecopy.v1.Hops
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Hops.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/whalecopy.v1.Hops";
            };

            return Hops;
        })();

        /**
         * TradingScope enum.
         * @name whalecopy.v1.TradingScope
         * @enum {number}
         * @property {number} TRADING_SCOPE_UNSPECIFIED=0 TRADING_SCOPE_UNSPECIFIED value
         * @property {number} TRADING_SCOPE_ENGINE=1 TRADING_SCOPE_ENGINE value
         * @property {number} TRADING_SCOPE_WHALE=2 TRADING_SCOPE_WHALE value
         * @property {number} TRADING_SCOPE_FOLLOWER=3 TRADING_SCOPE_FOLLOWER value
         */
        v1.TradingScope = (function() {
            const valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "TRADING_SCOPE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "TRADING_SCOPE_ENGINE"] = 1;
            values[valuesById[2] = "TRADING_SCOPE_WHALE"] = 2;
            values[valuesById[3] = "TRADING_SCOPE_FOLLOWER"] = 3;
            return values;
        })();

        /**
         * TradingState enum.
         * @name whalecopy.v1.TradingState
         * @enum {number}
         * @property {number} TRADING_STATE_UNSPECIFIED=0 TRADING_STATE_UNSPECIFIED value
         * @property {number} TRADING_STATE_ACTIVE=1 TRADING_STATE_ACTIVE value
         * @property {number} TRADING_STATE_REDUCING=2 TRADING_STATE_REDUCING value
         * @property {number} TRADING_STATE_HALTED=3 TRADING_STATE_HALTED value
         */
        v1.TradingState = (function() {
            const valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "TRADING_STATE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "TRADING_STATE_ACTIVE"] = 1;
            values[valuesById[2] = "TRADING_STATE_REDUCING"] = 2;
            values[valuesById[3] = "TRADING_STATE_HALTED"] = 3;
            return values;
        })();

        v1.TradingStateChange = (function() {

            /**
             * Properties of a TradingStateChange.
             * @memberof whalecopy.v1
             * @interface ITradingStateChange
             * @property {whalecopy.v1.TradingScope|null} [scope] TradingStateChange scope
             * @property {string|null} [id] TradingStateChange id
             * @property {whalecopy.v1.TradingState|null} [state] TradingStateChange state
             * @property {boolean|null} [flatten] TradingStateChange flatten
             */

            /**
             * Constructs a new TradingStateChange.
             * @memberof whalecopy.v1
             * @classdesc Represents a TradingStateChange.
             * @implements ITradingStateChange
             * @constructor
             * @param {whalecopy.v1.ITradingStateChange=} [properties] Properties to set
             */
            function TradingStateChange(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * TradingStateChange scope.
             * @member {whalecopy.v1.TradingScope} scope
             * @memberof whalecopy.v1.TradingStateChange
             * @instance
             */
            TradingStateChange.prototype.scope = 0;

            /**
             * TradingStateChange id.
             * @member {string} id
             * @memberof whalecopy.v1.TradingStateChange
             * @instance
             */
            TradingStateChange.prototype.id = "";

            /**
             * TradingStateChange state.
             * @member {whalecopy.v1.TradingState} state
             * @memberof whalecopy.v1.TradingStateChange
             * @instance
             */
            TradingStateChange.prototype.state = 0;

            /**
             * TradingStateChange flatten.
             * @member {boolean} flatten
             * @memberof whalecopy.v1.TradingStateChange
             * @instance
             */
            TradingStateChange.prototype.flatten = false;

            /**
             * Creates a new TradingStateChange instance using the specified properties.
             * @function create
             * @memberof whalecopy.v1.TradingStateChange
             * @static
             * @param {whalecopy.v1.ITradingStateChange=} [properties] Properties to set
             * @returns {whalecopy.v1.TradingStateChange} TradingStateChange instance
             */
            TradingStateChange.create = function create(properties) {
                return new TradingStateChange(properties);
            };

            /**
             * Encodes the specified TradingStateChange message. Does not implicitly {@link whalecopy.v1.TradingStateChange.verify|verify} messages.
             * @function encode
             * @memberof whalecopy.v1.TradingStateChange
             * @static
             * @param {whalecopy.v1.ITradingStateChange} message TradingStateChange message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TradingStateChange.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.scope != null && Object.hasOwnProperty.call(message, "scope"))
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.scope);
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.id);
                if (message.state != null && Object.hasOwnProperty.call(message, "state"))
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.state);
                if (message.flatten != null && Object.hasOwnProperty.call(message, "flatten"))
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.flatten);
                return writer;
            };

            /**
             * Encodes the specified TradingStateChange message, length delimited. Does not implicitly {@link whalecopy.v1.TradingStateChange.verify|verify} messages.
             * @function encodeDelimited
             * @memberof whalecopy.v1.TradingStateChange
             * @static
             * @param {whalecopy.v1.ITradingStateChange} message TradingStateChange message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TradingStateChange.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a TradingStateChange message from the specified reader or buffer.
             * @function decode
             * @memberof whalecopy.v1.TradingStateChange
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {whalecopy.v1.TradingStateChange} TradingStateChange
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TradingStateChange.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.whalecopy.v1.TradingStateChange();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.scope = reader.int32();
                            break;
                        }
                    case 2: {
                            message.id = reader.string();
                            break;
                        }
                    case 3: {
                            message.state = reader.int32();
                            break;
                        }
                    case 4: {
                            message.flatten = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a TradingStateChange message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof whalecopy.v1.TradingStateChange
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {whalecopy.v1.TradingStateChange} TradingStateChange
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TradingStateChange.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a TradingStateChange message.
             * @function verify
             * @memberof whalecopy.v1.TradingStateChange
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            TradingStateChange.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (message.scope != null && Object.hasOwnProperty.call(message, "scope"))
                    switch (message.scope) {
                    default:
                        return "scope: enum value expected";
                    case 0:
                    case 1:
                    case 2:
                    case 3:
                        break;
                    }
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    if (!$util.isString(message.id))
                        return "id: string expected";
                if (message.state != null && Object.hasOwnProperty.call(message, "state"))
                    switch (message.state) {
                    default:
                        return "state: enum value expected";
                    case 0:
                    case 1:
                    case 2:
                    case 3:
                        break;
                    }
                if (message.flatten != null && Object.hasOwnProperty.call(message, "flatten"))
                    if (typeof message.flatten !== "boolean")
                        return "flatten: boolean expected";
                return null;
            };

            /**
             * Creates a TradingStateChange message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof whalecopy.v1.TradingStateChange
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {whalecopy.v1.TradingStateChange} TradingStateChange
             */
            TradingStateChange.fromObject = function fromObject(object, long) {
                if (object instanceof $root.whalecopy.v1.TradingStateChange)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".whalecopy.v1.TradingStateChange: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.whalecopy.v1.TradingStateChange();
                switch (object.scope) {
                default:
                    if (typeof object.scope === "number") {
                        message.scope = object.scope;
                        break;
                    }
                    break;
                case "TRADING_SCOPE_UNSPECIFIED":
                case 0:
                    message.scope = 0;
                    break;
                case "TRADING_SCOPE_ENGINE":
                case 1:
                    message.scope = 1;
                    break;
                case "TRADING_SCOPE_WHALE":
                case 2:
                    message.scope = 2;
                    break;
                case "TRADING_SCOPE_FOLLOWER":
                case 3:
                    message.scope = 3;
                    break;
                }
                if (object.id != null)
                    message.id = String(object.id);
                switch (object.state) {
                default:
                    if (typeof object.state === "number") {
                        message.state = object.state;
                        break;
                    }
                    break;
                case "TRADING_STATE_UNSPECIFIED":
                case 0:
                    message.state = 0;
                    break;
                case "TRADING_STATE_ACTIVE":
                case 1:
                    message.state = 1;
                    break;
                case "TRADING_STATE_REDUCING":
                case 2:
                    message.state = 2;
                    break;
                case "TRADING_STATE_HALTED":
                case 3:
                    message.state = 3;
                    break;
                }
                if (object.flatten != null)
                    message.flatten = Boolean(object.flatten);
                return message;
            };

            /**
             * Creates a plain object from a TradingStateChange message. Also converts values to other types if specified.
             * @function toObject
             * @memberof whalecopy.v1.TradingStateChange
             * @static
             * @param {whalecopy.v1.TradingStateChange} message TradingStateChange
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TradingStateChange.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.scope = options.enums === String ? "TRADING_SCOPE_UNSPECIFIED" : 0;
                    object.id = "";
                    object.state = options.enums === String ? "TRADING_STATE_UNSPECIFIED" : 0;
                    object.flatten = false;
                }
                if (message.scope != null && Object.hasOwnProperty.call(message, "scope"))
                    object.scope = options.enums === String ? $root.whalecopy.v1.TradingScope[message.scope] === undefined ? message.scope : $root.whalecopy.v1.TradingScope[message.scope] : message.scope;
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    object.id = message.id;
                if (message.state != null && Object.hasOwnProperty.call(message, "state"))
                    object.state = options.enums === String ? $root.whalecopy.v1.TradingState[message.state] === undefined ? message.state : $root.whalecopy.v1.TradingState[message.state] : message.state;
                if (message.flatten != null && Object.hasOwnProperty.call(message, "flatten"))
                    object.flatten = message.flatten;
                return object;
            };

            /**
             * Converts this TradingStateChange to JSON.
             * @function toJSON
             * @memberof whalecopy.v1.TradingStateChange
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TradingStateChange.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for TradingStateChange
             * @function getTypeUrl
             * @memberof whalecopy.v1.TradingStateChange
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            TradingStateChange.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/whalecopy.v1.TradingStateChange";
            };

            return TradingStateChange;
        })();

        v1.Control = (function() {

            /**
             * Properties of a Control.
             * @memberof whalecopy.v1
             * @interface IControl
             * @property {whalecopy.v1.ITradingStateChange|null} [tradingStateChange] Control tradingStateChange
             */

            /**
             * Constructs a new Control.
             * @memberof whalecopy.v1
             * @classdesc Represents a Control.
             * @implements IControl
             * @constructor
             * @param {whalecopy.v1.IControl=} [properties] Properties to set
             */
            function Control(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Control tradingStateChange.
             * @member {whalecopy.v1.ITradingStateChange|null|undefined} tradingStateChange
             * @memberof whalecopy.v1.Control
             * @instance
             */
            Control.prototype.tradingStateChange = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Control command.
             * @member {"tradingStateChange"|undefined} command
             * @memberof whalecopy.v1.Control
             * @instance
             */
            Object.defineProperty(Control.prototype, "command", {
                get: $util.oneOfGetter($oneOfFields = ["tradingStateChange"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Control instance using the specified properties.
             * @function create
             * @memberof whalecopy.v1.Control
             * @static
             * @param {whalecopy.v1.IControl=} [properties] Properties to set
             * @returns {whalecopy.v1.Control} Control instance
             */
            Control.create = function create(properties) {
                return new Control(properties);
            };

            /**
             * Encodes the specified Control message. Does not implicitly {@link whalecopy.v1.Control.verify|verify} messages.
             * @function encode
             * @memberof whalecopy.v1.Control
             * @static
             * @param {whalecopy.v1.IControl} message Control message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Control.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.tradingStateChange != null && Object.hasOwnProperty.call(message, "tradingStateChange"))
                    $root.whalecopy.v1.TradingStateChange.encode(message.tradingStateChange, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Encodes the specified Control message, length delimited. Does not implicitly {@link whalecopy.v1.Control.verify|verify} messages.
             * @function encodeDelimited
             * @memberof whalecopy.v1.Control
             * @static
             * @param {whalecopy.v1.IControl} message Control message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Control.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a Control message from the specified reader or buffer.
             * @function decode
             * @memberof whalecopy.v1.Control
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {whalecopy.v1.Control} Control
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Control.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.whalecopy.v1.Control();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.tradingStateChange = $root.whalecopy.v1.TradingStateChange.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a Control message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof whalecopy.v1.Control
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {whalecopy.v1.Control} Control
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Control.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a Control message.
             * @function verify
             * @memberof whalecopy.v1.Control
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Control.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                let properties = {};
                if (message.tradingStateChange != null && Object.hasOwnProperty.call(message, "tradingStateChange")) {
                    properties.command = 1;
                    {
                        let error = $root.whalecopy.v1.TradingStateChange.verify(message.tradingStateChange, long + 1);
                        if (error)
                            return "tradingStateChange." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a Control message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof whalecopy.v1.Control
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {whalecopy.v1.Control} Control
             */
            Control.fromObject = function fromObject(object, long) {
                if (object instanceof $root.whalecopy.v1.Control)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".whalecopy.v1.Control: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.whalecopy.v1.Control();
                if (object.tradingStateChange != null) {
                    if (!$util.isObject(object.tradingStateChange))
                        throw TypeError(".whalecopy.v1.Control.tradingStateChange: object expected");
                    message.tradingStateChange = $root.whalecopy.v1.TradingStateChange.fromObject(object.tradingStateChange, long + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a Control message. Also converts values to other types if specified.
             * @function toObject
             * @memberof whalecopy.v1.Control
             * @static
             * @param {whalecopy.v1.Control} message Control
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Control.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (message.tradingStateChange != null && Object.hasOwnProperty.call(message, "tradingStateChange")) {
                    object.tradingStateChange = $root.whalecopy.v1.TradingStateChange.toObject(message.tradingStateChange, options, q + 1);
                    if (options.oneofs)
                        object.command = "tradingStateChange";
                }
                return object;
            };

            /**
             * Converts this Control to JSON.
             * @function toJSON
             * @memberof whalecopy.v1.Control
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Control.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for Control
             * @function getTypeUrl
             * @memberof whalecopy.v1.Control
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Control.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/whalecopy.v1.Control";
            };

            return Control;
        })();

        /**
         * ExecutionStatus enum.
         * @name whalecopy.v1.ExecutionStatus
         * @enum {number}
         * @property {number} EXECUTION_STATUS_UNSPECIFIED=0 EXECUTION_STATUS_UNSPECIFIED value
         * @property {number} EXECUTION_STATUS_FILLED=1 EXECUTION_STATUS_FILLED value
         * @property {number} EXECUTION_STATUS_PARTIALLY_FILLED=2 EXECUTION_STATUS_PARTIALLY_FILLED value
         * @property {number} EXECUTION_STATUS_REJECTED=3 EXECUTION_STATUS_REJECTED value
         * @property {number} EXECUTION_STATUS_UNKNOWN=4 EXECUTION_STATUS_UNKNOWN value
         * @property {number} EXECUTION_STATUS_SKIPPED=5 EXECUTION_STATUS_SKIPPED value
         * @property {number} EXECUTION_STATUS_CANCELED=6 EXECUTION_STATUS_CANCELED value
         */
        v1.ExecutionStatus = (function() {
            const valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "EXECUTION_STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "EXECUTION_STATUS_FILLED"] = 1;
            values[valuesById[2] = "EXECUTION_STATUS_PARTIALLY_FILLED"] = 2;
            values[valuesById[3] = "EXECUTION_STATUS_REJECTED"] = 3;
            values[valuesById[4] = "EXECUTION_STATUS_UNKNOWN"] = 4;
            values[valuesById[5] = "EXECUTION_STATUS_SKIPPED"] = 5;
            values[valuesById[6] = "EXECUTION_STATUS_CANCELED"] = 6;
            return values;
        })();

        v1.ExecutionReport = (function() {

            /**
             * Properties of an ExecutionReport.
             * @memberof whalecopy.v1
             * @interface IExecutionReport
             * @property {string|null} [clientOrderId] ExecutionReport clientOrderId
             * @property {string|null} [followerId] ExecutionReport followerId
             * @property {string|null} [whaleId] ExecutionReport whaleId
             * @property {whalecopy.v1.Venue|null} [venue] ExecutionReport venue
             * @property {string|null} [symbol] ExecutionReport symbol
             * @property {whalecopy.v1.Side|null} [side] ExecutionReport side
             * @property {whalecopy.v1.ExecutionStatus|null} [status] ExecutionReport status
             * @property {string|null} [requestedAmount] ExecutionReport requestedAmount
             * @property {string|null} [filledAmount] ExecutionReport filledAmount
             * @property {string|null} [avgPrice] ExecutionReport avgPrice
             * @property {string|null} [venueOrderId] ExecutionReport venueOrderId
             * @property {string|null} [errorClass] ExecutionReport errorClass
             * @property {string|null} [errorMessage] ExecutionReport errorMessage
             * @property {number|null} [attempts] ExecutionReport attempts
             * @property {whalecopy.v1.IHops|null} [hops] ExecutionReport hops
             * @property {number|null} [shard] ExecutionReport shard
             */

            /**
             * Constructs a new ExecutionReport.
             * @memberof whalecopy.v1
             * @classdesc Represents an ExecutionReport.
             * @implements IExecutionReport
             * @constructor
             * @param {whalecopy.v1.IExecutionReport=} [properties] Properties to set
             */
            function ExecutionReport(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ExecutionReport clientOrderId.
             * @member {string} clientOrderId
             * @memberof whalecopy.v1.ExecutionReport
             * @instance
             */
            ExecutionReport.prototype.clientOrderId = "";

            /**
             * ExecutionReport followerId.
             * @member {string} followerId
             * @memberof whalecopy.v1.ExecutionReport
             * @instance
             */
            ExecutionReport.prototype.followerId = "";

            /**
             * ExecutionReport whaleId.
             * @member {string} whaleId
             * @memberof whalecopy.v1.ExecutionReport
             * @instance
             */
            ExecutionReport.prototype.whaleId = "";

            /**
             * ExecutionReport venue.
             * @member {whalecopy.v1.Venue} venue
             * @memberof whalecopy.v1.ExecutionReport
             * @instance
             */
            ExecutionReport.prototype.venue = 0;

            /**
             * ExecutionReport symbol.
             * @member {string} symbol
             * @memberof whalecopy.v1.ExecutionReport
             * @instance
             */
            ExecutionReport.prototype.symbol = "";

            /**
             * ExecutionReport side.
             * @member {whalecopy.v1.Side} side
             * @memberof whalecopy.v1.ExecutionReport
             * @instance
             */
            ExecutionReport.prototype.side = 0;

            /**
             * ExecutionReport status.
             * @member {whalecopy.v1.ExecutionStatus} status
             * @memberof whalecopy.v1.ExecutionReport
             * @instance
             */
            ExecutionReport.prototype.status = 0;

            /**
             * ExecutionReport requestedAmount.
             * @member {string} requestedAmount
             * @memberof whalecopy.v1.ExecutionReport
             * @instance
             */
            ExecutionReport.prototype.requestedAmount = "";

            /**
             * ExecutionReport filledAmount.
             * @member {string} filledAmount
             * @memberof whalecopy.v1.ExecutionReport
             * @instance
             */
            ExecutionReport.prototype.filledAmount = "";

            /**
             * ExecutionReport avgPrice.
             * @member {string} avgPrice
             * @memberof whalecopy.v1.ExecutionReport
             * @instance
             */
            ExecutionReport.prototype.avgPrice = "";

            /**
             * ExecutionReport venueOrderId.
             * @member {string} venueOrderId
             * @memberof whalecopy.v1.ExecutionReport
             * @instance
             */
            ExecutionReport.prototype.venueOrderId = "";

            /**
             * ExecutionReport errorClass.
             * @member {string} errorClass
             * @memberof whalecopy.v1.ExecutionReport
             * @instance
             */
            ExecutionReport.prototype.errorClass = "";

            /**
             * ExecutionReport errorMessage.
             * @member {string} errorMessage
             * @memberof whalecopy.v1.ExecutionReport
             * @instance
             */
            ExecutionReport.prototype.errorMessage = "";

            /**
             * ExecutionReport attempts.
             * @member {number} attempts
             * @memberof whalecopy.v1.ExecutionReport
             * @instance
             */
            ExecutionReport.prototype.attempts = 0;

            /**
             * ExecutionReport hops.
             * @member {whalecopy.v1.IHops|null|undefined} hops
             * @memberof whalecopy.v1.ExecutionReport
             * @instance
             */
            ExecutionReport.prototype.hops = null;

            /**
             * ExecutionReport shard.
             * @member {number} shard
             * @memberof whalecopy.v1.ExecutionReport
             * @instance
             */
            ExecutionReport.prototype.shard = 0;

            /**
             * Creates a new ExecutionReport instance using the specified properties.
             * @function create
             * @memberof whalecopy.v1.ExecutionReport
             * @static
             * @param {whalecopy.v1.IExecutionReport=} [properties] Properties to set
             * @returns {whalecopy.v1.ExecutionReport} ExecutionReport instance
             */
            ExecutionReport.create = function create(properties) {
                return new ExecutionReport(properties);
            };

            /**
             * Encodes the specified ExecutionReport message. Does not implicitly {@link whalecopy.v1.ExecutionReport.verify|verify} messages.
             * @function encode
             * @memberof whalecopy.v1.ExecutionReport
             * @static
             * @param {whalecopy.v1.IExecutionReport} message ExecutionReport message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExecutionReport.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.clientOrderId != null && Object.hasOwnProperty.call(message, "clientOrderId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.clientOrderId);
                if (message.followerId != null && Object.hasOwnProperty.call(message, "followerId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.followerId);
                if (message.whaleId != null && Object.hasOwnProperty.call(message, "whaleId"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.whaleId);
                if (message.venue != null && Object.hasOwnProperty.call(message, "venue"))
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.venue);
                if (message.symbol != null && Object.hasOwnProperty.call(message, "symbol"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.symbol);
                if (message.side != null && Object.hasOwnProperty.call(message, "side"))
                    writer.uint32(/* id 6, wireType 0 =*/48).int32(message.side);
                if (message.status != null && Object.hasOwnProperty.call(message, "status"))
                    writer.uint32(/* id 7, wireType 0 =*/56).int32(message.status);
                if (message.requestedAmount != null && Object.hasOwnProperty.call(message, "requestedAmount"))
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.requestedAmount);
                if (message.filledAmount != null && Object.hasOwnProperty.call(message, "filledAmount"))
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.filledAmount);
                if (message.avgPrice != null && Object.hasOwnProperty.call(message, "avgPrice"))
                    writer.uint32(/* id 10, wireType 2 =*/82).string(message.avgPrice);
                if (message.venueOrderId != null && Object.hasOwnProperty.call(message, "venueOrderId"))
                    writer.uint32(/* id 11, wireType 2 =*/90).string(message.venueOrderId);
                if (message.errorClass != null && Object.hasOwnProperty.call(message, "errorClass"))
                    writer.uint32(/* id 12, wireType 2 =*/98).string(message.errorClass);
                if (message.errorMessage != null && Object.hasOwnProperty.call(message, "errorMessage"))
                    writer.uint32(/* id 13, wireType 2 =*/106).string(message.errorMessage);
                if (message.attempts != null && Object.hasOwnProperty.call(message, "attempts"))
                    writer.uint32(/* id 14, wireType 0 =*/112).uint32(message.attempts);
                if (message.hops != null && Object.hasOwnProperty.call(message, "hops"))
                    $root.whalecopy.v1.Hops.encode(message.hops, writer.uint32(/* id 15, wireType 2 =*/122).fork(), q + 1).ldelim();
                if (message.shard != null && Object.hasOwnProperty.call(message, "shard"))
                    writer.uint32(/* id 16, wireType 0 =*/128).uint32(message.shard);
                return writer;
            };

            /**
             * Encodes the specified ExecutionReport message, length delimited. Does not implicitly {@link whalecopy.v1.ExecutionReport.verify|verify} messages.
             * @function encodeDelimited
             * @memberof whalecopy.v1.ExecutionReport
             * @static
             * @param {whalecopy.v1.IExecutionReport} message ExecutionReport message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExecutionReport.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes an ExecutionReport message from the specified reader or buffer.
             * @function decode
             * @memberof whalecopy.v1.ExecutionReport
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {whalecopy.v1.ExecutionReport} ExecutionReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExecutionReport.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.whalecopy.v1.ExecutionReport();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.clientOrderId = reader.string();
                            break;
                        }
                    case 2: {
                            message.followerId = reader.string();
                            break;
                        }
                    case 3: {
                            message.whaleId = reader.string();
                            break;
                        }
                    case 4: {
                            message.venue = reader.int32();
                            break;
                        }
                    case 5: {
                            message.symbol = reader.string();
                            break;
                        }
                    case 6: {
                            message.side = reader.int32();
                            break;
                        }
                    case 7: {
                            message.status = reader.int32();
                            break;
                        }
                    case 8: {
                            message.requestedAmount = reader.string();
                            break;
                        }
                    case 9: {
                            message.filledAmount = reader.string();
                            break;
                        }
                    case 10: {
                            message.avgPrice = reader.string();
                            break;
                        }
                    case 11: {
                            message.venueOrderId = reader.string();
                            break;
                        }
                    case 12: {
                            message.errorClass = reader.string();
                            break;
                        }
                    case 13: {
                            message.errorMessage = reader.string();
                            break;
                        }
                    case 14: {
                            message.attempts = reader.uint32();
                            break;
                        }
                    case 15: {
                            message.hops = $root.whalecopy.v1.Hops.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 16: {
                            message.shard = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes an ExecutionReport message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof whalecopy.v1.ExecutionReport
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {whalecopy.v1.ExecutionReport} ExecutionReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExecutionReport.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies an ExecutionReport message.
             * @function verify
             * @memberof whalecopy.v1.ExecutionReport
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ExecutionReport.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (message.clientOrderId != null && Object.hasOwnProperty.call(message, "clientOrderId"))
                    if (!$util.isString(message.clientOrderId))
                        return "clientOrderId: string expected";
                if (message.followerId != null && Object.hasOwnProperty.call(message, "followerId"))
                    if (!$util.isString(message.followerId))
                        return "followerId: string expected";
                if (message.whaleId != null && Object.hasOwnProperty.call(message, "whaleId"))
                    if (!$util.isString(message.whaleId))
                        return "whaleId: string expected";
                if (message.venue != null && Object.hasOwnProperty.call(message, "venue"))
                    switch (message.venue) {
                    default:
                        return "venue: enum value expected";
                    case 0:
                    case 1:
                    case 2:
                        break;
                    }
                if (message.symbol != null && Object.hasOwnProperty.call(message, "symbol"))
                    if (!$util.isString(message.symbol))
                        return "symbol: string expected";
                if (message.side != null && Object.hasOwnProperty.call(message, "side"))
                    switch (message.side) {
                    default:
                        return "side: enum value expected";
                    case 0:
                    case 1:
                    case 2:
                        break;
                    }
                if (message.status != null && Object.hasOwnProperty.call(message, "status"))
                    switch (message.status) {
                    default:
                        return "status: enum value expected";
                    case 0:
                    case 1:
                    case 2:
                    case 3:
                    case 4:
                    case 5:
                    case 6:
                        break;
                    }
                if (message.requestedAmount != null && Object.hasOwnProperty.call(message, "requestedAmount"))
                    if (!$util.isString(message.requestedAmount))
                        return "requestedAmount: string expected";
                if (message.filledAmount != null && Object.hasOwnProperty.call(message, "filledAmount"))
                    if (!$util.isString(message.filledAmount))
                        return "filledAmount: string expected";
                if (message.avgPrice != null && Object.hasOwnProperty.call(message, "avgPrice"))
                    if (!$util.isString(message.avgPrice))
                        return "avgPrice: string expected";
                if (message.venueOrderId != null && Object.hasOwnProperty.call(message, "venueOrderId"))
                    if (!$util.isString(message.venueOrderId))
                        return "venueOrderId: string expected";
                if (message.errorClass != null && Object.hasOwnProperty.call(message, "errorClass"))
                    if (!$util.isString(message.errorClass))
                        return "errorClass: string expected";
                if (message.errorMessage != null && Object.hasOwnProperty.call(message, "errorMessage"))
                    if (!$util.isString(message.errorMessage))
                        return "errorMessage: string expected";
                if (message.attempts != null && Object.hasOwnProperty.call(message, "attempts"))
                    if (!$util.isInteger(message.attempts))
                        return "attempts: integer expected";
                if (message.hops != null && Object.hasOwnProperty.call(message, "hops")) {
                    let error = $root.whalecopy.v1.Hops.verify(message.hops, long + 1);
                    if (error)
                        return "hops." + error;
                }
                if (message.shard != null && Object.hasOwnProperty.call(message, "shard"))
                    if (!$util.isInteger(message.shard))
                        return "shard: integer expected";
                return null;
            };

            /**
             * Creates an ExecutionReport message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof whalecopy.v1.ExecutionReport
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {whalecopy.v1.ExecutionReport} ExecutionReport
             */
            ExecutionReport.fromObject = function fromObject(object, long) {
                if (object instanceof $root.whalecopy.v1.ExecutionReport)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".whalecopy.v1.ExecutionReport: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.whalecopy.v1.ExecutionReport();
                if (object.clientOrderId != null)
                    message.clientOrderId = String(object.clientOrderId);
                if (object.followerId != null)
                    message.followerId = String(object.followerId);
                if (object.whaleId != null)
                    message.whaleId = String(object.whaleId);
                switch (object.venue) {
                default:
                    if (typeof object.venue === "number") {
                        message.venue = object.venue;
                        break;
                    }
                    break;
                case "VENUE_UNSPECIFIED":
                case 0:
                    message.venue = 0;
                    break;
                case "VENUE_BINANCEUSDM":
                case 1:
                    message.venue = 1;
                    break;
                case "VENUE_HYPERLIQUID":
                case 2:
                    message.venue = 2;
                    break;
                }
                if (object.symbol != null)
                    message.symbol = String(object.symbol);
                switch (object.side) {
                default:
                    if (typeof object.side === "number") {
                        message.side = object.side;
                        break;
                    }
                    break;
                case "SIDE_UNSPECIFIED":
                case 0:
                    message.side = 0;
                    break;
                case "SIDE_BUY":
                case 1:
                    message.side = 1;
                    break;
                case "SIDE_SELL":
                case 2:
                    message.side = 2;
                    break;
                }
                switch (object.status) {
                default:
                    if (typeof object.status === "number") {
                        message.status = object.status;
                        break;
                    }
                    break;
                case "EXECUTION_STATUS_UNSPECIFIED":
                case 0:
                    message.status = 0;
                    break;
                case "EXECUTION_STATUS_FILLED":
                case 1:
                    message.status = 1;
                    break;
                case "EXECUTION_STATUS_PARTIALLY_FILLED":
                case 2:
                    message.status = 2;
                    break;
                case "EXECUTION_STATUS_REJECTED":
                case 3:
                    message.status = 3;
                    break;
                case "EXECUTION_STATUS_UNKNOWN":
                case 4:
                    message.status = 4;
                    break;
                case "EXECUTION_STATUS_SKIPPED":
                case 5:
                    message.status = 5;
                    break;
                case "EXECUTION_STATUS_CANCELED":
                case 6:
                    message.status = 6;
                    break;
                }
                if (object.requestedAmount != null)
                    message.requestedAmount = String(object.requestedAmount);
                if (object.filledAmount != null)
                    message.filledAmount = String(object.filledAmount);
                if (object.avgPrice != null)
                    message.avgPrice = String(object.avgPrice);
                if (object.venueOrderId != null)
                    message.venueOrderId = String(object.venueOrderId);
                if (object.errorClass != null)
                    message.errorClass = String(object.errorClass);
                if (object.errorMessage != null)
                    message.errorMessage = String(object.errorMessage);
                if (object.attempts != null)
                    message.attempts = object.attempts >>> 0;
                if (object.hops != null) {
                    if (!$util.isObject(object.hops))
                        throw TypeError(".whalecopy.v1.ExecutionReport.hops: object expected");
                    message.hops = $root.whalecopy.v1.Hops.fromObject(object.hops, long + 1);
                }
                if (object.shard != null)
                    message.shard = object.shard >>> 0;
                return message;
            };

            /**
             * Creates a plain object from an ExecutionReport message. Also converts values to other types if specified.
             * @function toObject
             * @memberof whalecopy.v1.ExecutionReport
             * @static
             * @param {whalecopy.v1.ExecutionReport} message ExecutionReport
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ExecutionReport.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.clientOrderId = "";
                    object.followerId = "";
                    object.whaleId = "";
                    object.venue = options.enums === String ? "VENUE_UNSPECIFIED" : 0;
                    object.symbol = "";
                    object.side = options.enums === String ? "SIDE_UNSPECIFIED" : 0;
                    object.status = options.enums === String ? "EXECUTION_STATUS_UNSPECIFIED" : 0;
                    object.requestedAmount = "";
                    object.filledAmount = "";
                    object.avgPrice = "";
                    object.venueOrderId = "";
                    object.errorClass = "";
                    object.errorMessage = "";
                    object.attempts = 0;
                    object.hops = null;
                    object.shard = 0;
                }
                if (message.clientOrderId != null && Object.hasOwnProperty.call(message, "clientOrderId"))
                    object.clientOrderId = message.clientOrderId;
                if (message.followerId != null && Object.hasOwnProperty.call(message, "followerId"))
                    object.followerId = message.followerId;
                if (message.whaleId != null && Object.hasOwnProperty.call(message, "whaleId"))
                    object.whaleId = message.whaleId;
                if (message.venue != null && Object.hasOwnProperty.call(message, "venue"))
                    object.venue = options.enums === String ? $root.whalecopy.v1.Venue[message.venue] === undefined ? message.venue : $root.whalecopy.v1.Venue[message.venue] : message.venue;
                if (message.symbol != null && Object.hasOwnProperty.call(message, "symbol"))
                    object.symbol = message.symbol;
                if (message.side != null && Object.hasOwnProperty.call(message, "side"))
                    object.side = options.enums === String ? $root.whalecopy.v1.Side[message.side] === undefined ? message.side : $root.whalecopy.v1.Side[message.side] : message.side;
                if (message.status != null && Object.hasOwnProperty.call(message, "status"))
                    object.status = options.enums === String ? $root.whalecopy.v1.ExecutionStatus[message.status] === undefined ? message.status : $root.whalecopy.v1.ExecutionStatus[message.status] : message.status;
                if (message.requestedAmount != null && Object.hasOwnProperty.call(message, "requestedAmount"))
                    object.requestedAmount = message.requestedAmount;
                if (message.filledAmount != null && Object.hasOwnProperty.call(message, "filledAmount"))
                    object.filledAmount = message.filledAmount;
                if (message.avgPrice != null && Object.hasOwnProperty.call(message, "avgPrice"))
                    object.avgPrice = message.avgPrice;
                if (message.venueOrderId != null && Object.hasOwnProperty.call(message, "venueOrderId"))
                    object.venueOrderId = message.venueOrderId;
                if (message.errorClass != null && Object.hasOwnProperty.call(message, "errorClass"))
                    object.errorClass = message.errorClass;
                if (message.errorMessage != null && Object.hasOwnProperty.call(message, "errorMessage"))
                    object.errorMessage = message.errorMessage;
                if (message.attempts != null && Object.hasOwnProperty.call(message, "attempts"))
                    object.attempts = message.attempts;
                if (message.hops != null && Object.hasOwnProperty.call(message, "hops"))
                    object.hops = $root.whalecopy.v1.Hops.toObject(message.hops, options, q + 1);
                if (message.shard != null && Object.hasOwnProperty.call(message, "shard"))
                    object.shard = message.shard;
                return object;
            };

            /**
             * Converts this ExecutionReport to JSON.
             * @function toJSON
             * @memberof whalecopy.v1.ExecutionReport
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ExecutionReport.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for ExecutionReport
             * @function getTypeUrl
             * @memberof whalecopy.v1.ExecutionReport
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ExecutionReport.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/whalecopy.v1.ExecutionReport";
            };

            return ExecutionReport;
        })();

        v1.OrderSignal = (function() {

            /**
             * Properties of an OrderSignal.
             * @memberof whalecopy.v1
             * @interface IOrderSignal
             * @property {string|null} [clientOrderId] OrderSignal clientOrderId
             * @property {string|null} [followerId] OrderSignal followerId
             * @property {string|null} [whaleId] OrderSignal whaleId
             * @property {whalecopy.v1.Venue|null} [venue] OrderSignal venue
             * @property {string|null} [symbol] OrderSignal symbol
             * @property {whalecopy.v1.Side|null} [side] OrderSignal side
             * @property {string|null} [amount] OrderSignal amount
             * @property {boolean|null} [reduceOnly] OrderSignal reduceOnly
             * @property {number|null} [leg] OrderSignal leg
             * @property {number|Long|null} [whaleSeq] OrderSignal whaleSeq
             * @property {number|null} [leverage] OrderSignal leverage
             * @property {string|null} [refPrice] OrderSignal refPrice
             */

            /**
             * Constructs a new OrderSignal.
             * @memberof whalecopy.v1
             * @classdesc Represents an OrderSignal.
             * @implements IOrderSignal
             * @constructor
             * @param {whalecopy.v1.IOrderSignal=} [properties] Properties to set
             */
            function OrderSignal(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * OrderSignal clientOrderId.
             * @member {string} clientOrderId
             * @memberof whalecopy.v1.OrderSignal
             * @instance
             */
            OrderSignal.prototype.clientOrderId = "";

            /**
             * OrderSignal followerId.
             * @member {string} followerId
             * @memberof whalecopy.v1.OrderSignal
             * @instance
             */
            OrderSignal.prototype.followerId = "";

            /**
             * OrderSignal whaleId.
             * @member {string} whaleId
             * @memberof whalecopy.v1.OrderSignal
             * @instance
             */
            OrderSignal.prototype.whaleId = "";

            /**
             * OrderSignal venue.
             * @member {whalecopy.v1.Venue} venue
             * @memberof whalecopy.v1.OrderSignal
             * @instance
             */
            OrderSignal.prototype.venue = 0;

            /**
             * OrderSignal symbol.
             * @member {string} symbol
             * @memberof whalecopy.v1.OrderSignal
             * @instance
             */
            OrderSignal.prototype.symbol = "";

            /**
             * OrderSignal side.
             * @member {whalecopy.v1.Side} side
             * @memberof whalecopy.v1.OrderSignal
             * @instance
             */
            OrderSignal.prototype.side = 0;

            /**
             * OrderSignal amount.
             * @member {string} amount
             * @memberof whalecopy.v1.OrderSignal
             * @instance
             */
            OrderSignal.prototype.amount = "";

            /**
             * OrderSignal reduceOnly.
             * @member {boolean} reduceOnly
             * @memberof whalecopy.v1.OrderSignal
             * @instance
             */
            OrderSignal.prototype.reduceOnly = false;

            /**
             * OrderSignal leg.
             * @member {number} leg
             * @memberof whalecopy.v1.OrderSignal
             * @instance
             */
            OrderSignal.prototype.leg = 0;

            /**
             * OrderSignal whaleSeq.
             * @member {number|Long} whaleSeq
             * @memberof whalecopy.v1.OrderSignal
             * @instance
             */
            OrderSignal.prototype.whaleSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * OrderSignal leverage.
             * @member {number} leverage
             * @memberof whalecopy.v1.OrderSignal
             * @instance
             */
            OrderSignal.prototype.leverage = 0;

            /**
             * OrderSignal refPrice.
             * @member {string} refPrice
             * @memberof whalecopy.v1.OrderSignal
             * @instance
             */
            OrderSignal.prototype.refPrice = "";

            /**
             * Creates a new OrderSignal instance using the specified properties.
             * @function create
             * @memberof whalecopy.v1.OrderSignal
             * @static
             * @param {whalecopy.v1.IOrderSignal=} [properties] Properties to set
             * @returns {whalecopy.v1.OrderSignal} OrderSignal instance
             */
            OrderSignal.create = function create(properties) {
                return new OrderSignal(properties);
            };

            /**
             * Encodes the specified OrderSignal message. Does not implicitly {@link whalecopy.v1.OrderSignal.verify|verify} messages.
             * @function encode
             * @memberof whalecopy.v1.OrderSignal
             * @static
             * @param {whalecopy.v1.IOrderSignal} message OrderSignal message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OrderSignal.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.clientOrderId != null && Object.hasOwnProperty.call(message, "clientOrderId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.clientOrderId);
                if (message.followerId != null && Object.hasOwnProperty.call(message, "followerId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.followerId);
                if (message.whaleId != null && Object.hasOwnProperty.call(message, "whaleId"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.whaleId);
                if (message.venue != null && Object.hasOwnProperty.call(message, "venue"))
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.venue);
                if (message.symbol != null && Object.hasOwnProperty.call(message, "symbol"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.symbol);
                if (message.side != null && Object.hasOwnProperty.call(message, "side"))
                    writer.uint32(/* id 6, wireType 0 =*/48).int32(message.side);
                if (message.amount != null && Object.hasOwnProperty.call(message, "amount"))
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.amount);
                if (message.reduceOnly != null && Object.hasOwnProperty.call(message, "reduceOnly"))
                    writer.uint32(/* id 8, wireType 0 =*/64).bool(message.reduceOnly);
                if (message.leg != null && Object.hasOwnProperty.call(message, "leg"))
                    writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.leg);
                if (message.whaleSeq != null && Object.hasOwnProperty.call(message, "whaleSeq"))
                    writer.uint32(/* id 10, wireType 0 =*/80).uint64(message.whaleSeq);
                if (message.leverage != null && Object.hasOwnProperty.call(message, "leverage"))
                    writer.uint32(/* id 11, wireType 0 =*/88).uint32(message.leverage);
                if (message.refPrice != null && Object.hasOwnProperty.call(message, "refPrice"))
                    writer.uint32(/* id 12, wireType 2 =*/98).string(message.refPrice);
                return writer;
            };

            /**
             * Encodes the specified OrderSignal message, length delimited. Does not implicitly {@link whalecopy.v1.OrderSignal.verify|verify} messages.
             * @function encodeDelimited
             * @memberof whalecopy.v1.OrderSignal
             * @static
             * @param {whalecopy.v1.IOrderSignal} message OrderSignal message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OrderSignal.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes an OrderSignal message from the specified reader or buffer.
             * @function decode
             * @memberof whalecopy.v1.OrderSignal
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {whalecopy.v1.OrderSignal} OrderSignal
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OrderSignal.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.whalecopy.v1.OrderSignal();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.clientOrderId = reader.string();
                            break;
                        }
                    case 2: {
                            message.followerId = reader.string();
                            break;
                        }
                    case 3: {
                            message.whaleId = reader.string();
                            break;
                        }
                    case 4: {
                            message.venue = reader.int32();
                            break;
                        }
                    case 5: {
                            message.symbol = reader.string();
                            break;
                        }
                    case 6: {
                            message.side = reader.int32();
                            break;
                        }
                    case 7: {
                            message.amount = reader.string();
                            break;
                        }
                    case 8: {
                            message.reduceOnly = reader.bool();
                            break;
                        }
                    case 9: {
                            message.leg = reader.uint32();
                            break;
                        }
                    case 10: {
                            message.whaleSeq = reader.uint64();
                            break;
                        }
                    case 11: {
                            message.leverage = reader.uint32();
                            break;
                        }
                    case 12: {
                            message.refPrice = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes an OrderSignal message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof whalecopy.v1.OrderSignal
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {whalecopy.v1.OrderSignal} OrderSignal
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OrderSignal.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies an OrderSignal message.
             * @function verify
             * @memberof whalecopy.v1.OrderSignal
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            OrderSignal.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (message.clientOrderId != null && Object.hasOwnProperty.call(message, "clientOrderId"))
                    if (!$util.isString(message.clientOrderId))
                        return "clientOrderId: string expected";
                if (message.followerId != null && Object.hasOwnProperty.call(message, "followerId"))
                    if (!$util.isString(message.followerId))
                        return "followerId: string expected";
                if (message.whaleId != null && Object.hasOwnProperty.call(message, "whaleId"))
                    if (!$util.isString(message.whaleId))
                        return "whaleId: string expected";
                if (message.venue != null && Object.hasOwnProperty.call(message, "venue"))
                    switch (message.venue) {
                    default:
                        return "venue: enum value expected";
                    case 0:
                    case 1:
                    case 2:
                        break;
                    }
                if (message.symbol != null && Object.hasOwnProperty.call(message, "symbol"))
                    if (!$util.isString(message.symbol))
                        return "symbol: string expected";
                if (message.side != null && Object.hasOwnProperty.call(message, "side"))
                    switch (message.side) {
                    default:
                        return "side: enum value expected";
                    case 0:
                    case 1:
                    case 2:
                        break;
                    }
                if (message.amount != null && Object.hasOwnProperty.call(message, "amount"))
                    if (!$util.isString(message.amount))
                        return "amount: string expected";
                if (message.reduceOnly != null && Object.hasOwnProperty.call(message, "reduceOnly"))
                    if (typeof message.reduceOnly !== "boolean")
                        return "reduceOnly: boolean expected";
                if (message.leg != null && Object.hasOwnProperty.call(message, "leg"))
                    if (!$util.isInteger(message.leg))
                        return "leg: integer expected";
                if (message.whaleSeq != null && Object.hasOwnProperty.call(message, "whaleSeq"))
                    if (!$util.isInteger(message.whaleSeq) && !(message.whaleSeq && $util.isInteger(message.whaleSeq.low) && $util.isInteger(message.whaleSeq.high)))
                        return "whaleSeq: integer|Long expected";
                if (message.leverage != null && Object.hasOwnProperty.call(message, "leverage"))
                    if (!$util.isInteger(message.leverage))
                        return "leverage: integer expected";
                if (message.refPrice != null && Object.hasOwnProperty.call(message, "refPrice"))
                    if (!$util.isString(message.refPrice))
                        return "refPrice: string expected";
                return null;
            };

            /**
             * Creates an OrderSignal message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof whalecopy.v1.OrderSignal
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {whalecopy.v1.OrderSignal} OrderSignal
             */
            OrderSignal.fromObject = function fromObject(object, long) {
                if (object instanceof $root.whalecopy.v1.OrderSignal)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".whalecopy.v1.OrderSignal: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.whalecopy.v1.OrderSignal();
                if (object.clientOrderId != null)
                    message.clientOrderId = String(object.clientOrderId);
                if (object.followerId != null)
                    message.followerId = String(object.followerId);
                if (object.whaleId != null)
                    message.whaleId = String(object.whaleId);
                switch (object.venue) {
                default:
                    if (typeof object.venue === "number") {
                        message.venue = object.venue;
                        break;
                    }
                    break;
                case "VENUE_UNSPECIFIED":
                case 0:
                    message.venue = 0;
                    break;
                case "VENUE_BINANCEUSDM":
                case 1:
                    message.venue = 1;
                    break;
                case "VENUE_HYPERLIQUID":
                case 2:
                    message.venue = 2;
                    break;
                }
                if (object.symbol != null)
                    message.symbol = String(object.symbol);
                switch (object.side) {
                default:
                    if (typeof object.side === "number") {
                        message.side = object.side;
                        break;
                    }
                    break;
                case "SIDE_UNSPECIFIED":
                case 0:
                    message.side = 0;
                    break;
                case "SIDE_BUY":
                case 1:
                    message.side = 1;
                    break;
                case "SIDE_SELL":
                case 2:
                    message.side = 2;
                    break;
                }
                if (object.amount != null)
                    message.amount = String(object.amount);
                if (object.reduceOnly != null)
                    message.reduceOnly = Boolean(object.reduceOnly);
                if (object.leg != null)
                    message.leg = object.leg >>> 0;
                if (object.whaleSeq != null)
                    if ($util.Long)
                        message.whaleSeq = $util.Long.fromValue(object.whaleSeq, true);
                    else if (typeof object.whaleSeq === "string")
                        message.whaleSeq = parseInt(object.whaleSeq, 10);
                    else if (typeof object.whaleSeq === "number")
                        message.whaleSeq = object.whaleSeq;
                    else if (typeof object.whaleSeq === "object")
                        message.whaleSeq = new $util.LongBits(object.whaleSeq.low >>> 0, object.whaleSeq.high >>> 0).toNumber(true);
                if (object.leverage != null)
                    message.leverage = object.leverage >>> 0;
                if (object.refPrice != null)
                    message.refPrice = String(object.refPrice);
                return message;
            };

            /**
             * Creates a plain object from an OrderSignal message. Also converts values to other types if specified.
             * @function toObject
             * @memberof whalecopy.v1.OrderSignal
             * @static
             * @param {whalecopy.v1.OrderSignal} message OrderSignal
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            OrderSignal.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.clientOrderId = "";
                    object.followerId = "";
                    object.whaleId = "";
                    object.venue = options.enums === String ? "VENUE_UNSPECIFIED" : 0;
                    object.symbol = "";
                    object.side = options.enums === String ? "SIDE_UNSPECIFIED" : 0;
                    object.amount = "";
                    object.reduceOnly = false;
                    object.leg = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.whaleSeq = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.whaleSeq = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    object.leverage = 0;
                    object.refPrice = "";
                }
                if (message.clientOrderId != null && Object.hasOwnProperty.call(message, "clientOrderId"))
                    object.clientOrderId = message.clientOrderId;
                if (message.followerId != null && Object.hasOwnProperty.call(message, "followerId"))
                    object.followerId = message.followerId;
                if (message.whaleId != null && Object.hasOwnProperty.call(message, "whaleId"))
                    object.whaleId = message.whaleId;
                if (message.venue != null && Object.hasOwnProperty.call(message, "venue"))
                    object.venue = options.enums === String ? $root.whalecopy.v1.Venue[message.venue] === undefined ? message.venue : $root.whalecopy.v1.Venue[message.venue] : message.venue;
                if (message.symbol != null && Object.hasOwnProperty.call(message, "symbol"))
                    object.symbol = message.symbol;
                if (message.side != null && Object.hasOwnProperty.call(message, "side"))
                    object.side = options.enums === String ? $root.whalecopy.v1.Side[message.side] === undefined ? message.side : $root.whalecopy.v1.Side[message.side] : message.side;
                if (message.amount != null && Object.hasOwnProperty.call(message, "amount"))
                    object.amount = message.amount;
                if (message.reduceOnly != null && Object.hasOwnProperty.call(message, "reduceOnly"))
                    object.reduceOnly = message.reduceOnly;
                if (message.leg != null && Object.hasOwnProperty.call(message, "leg"))
                    object.leg = message.leg;
                if (message.whaleSeq != null && Object.hasOwnProperty.call(message, "whaleSeq"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.whaleSeq = typeof message.whaleSeq === "number" ? BigInt(message.whaleSeq) : $util.Long.fromBits(message.whaleSeq.low >>> 0, message.whaleSeq.high >>> 0, true).toBigInt();
                    else if (typeof message.whaleSeq === "number")
                        object.whaleSeq = options.longs === String ? String(message.whaleSeq) : message.whaleSeq;
                    else
                        object.whaleSeq = options.longs === String ? $util.Long.prototype.toString.call(message.whaleSeq) : options.longs === Number ? new $util.LongBits(message.whaleSeq.low >>> 0, message.whaleSeq.high >>> 0).toNumber(true) : message.whaleSeq;
                if (message.leverage != null && Object.hasOwnProperty.call(message, "leverage"))
                    object.leverage = message.leverage;
                if (message.refPrice != null && Object.hasOwnProperty.call(message, "refPrice"))
                    object.refPrice = message.refPrice;
                return object;
            };

            /**
             * Converts this OrderSignal to JSON.
             * @function toJSON
             * @memberof whalecopy.v1.OrderSignal
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            OrderSignal.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for OrderSignal
             * @function getTypeUrl
             * @memberof whalecopy.v1.OrderSignal
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            OrderSignal.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/whalecopy.v1.OrderSignal";
            };

            return OrderSignal;
        })();

        v1.SignalBatch = (function() {

            /**
             * Properties of a SignalBatch.
             * @memberof whalecopy.v1
             * @interface ISignalBatch
             * @property {number|null} [shard] SignalBatch shard
             * @property {string|null} [whaleId] SignalBatch whaleId
             * @property {number|Long|null} [whaleSeq] SignalBatch whaleSeq
             * @property {Array.<whalecopy.v1.IOrderSignal>|null} [signals] SignalBatch signals
             * @property {whalecopy.v1.IHops|null} [hops] SignalBatch hops
             */

            /**
             * Constructs a new SignalBatch.
             * @memberof whalecopy.v1
             * @classdesc Represents a SignalBatch.
             * @implements ISignalBatch
             * @constructor
             * @param {whalecopy.v1.ISignalBatch=} [properties] Properties to set
             */
            function SignalBatch(properties) {
                this.signals = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * SignalBatch shard.
             * @member {number} shard
             * @memberof whalecopy.v1.SignalBatch
             * @instance
             */
            SignalBatch.prototype.shard = 0;

            /**
             * SignalBatch whaleId.
             * @member {string} whaleId
             * @memberof whalecopy.v1.SignalBatch
             * @instance
             */
            SignalBatch.prototype.whaleId = "";

            /**
             * SignalBatch whaleSeq.
             * @member {number|Long} whaleSeq
             * @memberof whalecopy.v1.SignalBatch
             * @instance
             */
            SignalBatch.prototype.whaleSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SignalBatch signals.
             * @member {Array.<whalecopy.v1.IOrderSignal>} signals
             * @memberof whalecopy.v1.SignalBatch
             * @instance
             */
            SignalBatch.prototype.signals = $util.emptyArray;

            /**
             * SignalBatch hops.
             * @member {whalecopy.v1.IHops|null|undefined} hops
             * @memberof whalecopy.v1.SignalBatch
             * @instance
             */
            SignalBatch.prototype.hops = null;

            /**
             * Creates a new SignalBatch instance using the specified properties.
             * @function create
             * @memberof whalecopy.v1.SignalBatch
             * @static
             * @param {whalecopy.v1.ISignalBatch=} [properties] Properties to set
             * @returns {whalecopy.v1.SignalBatch} SignalBatch instance
             */
            SignalBatch.create = function create(properties) {
                return new SignalBatch(properties);
            };

            /**
             * Encodes the specified SignalBatch message. Does not implicitly {@link whalecopy.v1.SignalBatch.verify|verify} messages.
             * @function encode
             * @memberof whalecopy.v1.SignalBatch
             * @static
             * @param {whalecopy.v1.ISignalBatch} message SignalBatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignalBatch.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.shard != null && Object.hasOwnProperty.call(message, "shard"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.shard);
                if (message.whaleId != null && Object.hasOwnProperty.call(message, "whaleId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.whaleId);
                if (message.whaleSeq != null && Object.hasOwnProperty.call(message, "whaleSeq"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.whaleSeq);
                if (message.signals != null && message.signals.length)
                    for (let i = 0; i < message.signals.length; ++i)
                        $root.whalecopy.v1.OrderSignal.encode(message.signals[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (message.hops != null && Object.hasOwnProperty.call(message, "hops"))
                    $root.whalecopy.v1.Hops.encode(message.hops, writer.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Encodes the specified SignalBatch message, length delimited. Does not implicitly {@link whalecopy.v1.SignalBatch.verify|verify} messages.
             * @function encodeDelimited
             * @memberof whalecopy.v1.SignalBatch
             * @static
             * @param {whalecopy.v1.ISignalBatch} message SignalBatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignalBatch.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a SignalBatch message from the specified reader or buffer.
             * @function decode
             * @memberof whalecopy.v1.SignalBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {whalecopy.v1.SignalBatch} SignalBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignalBatch.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.whalecopy.v1.SignalBatch();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.shard = reader.uint32();
                            break;
                        }
                    case 2: {
                            message.whaleId = reader.string();
                            break;
                        }
                    case 3: {
                            message.whaleSeq = reader.uint64();
                            break;
                        }
                    case 4: {
                            if (!(message.signals && message.signals.length))
                                message.signals = [];
                            message.signals.push($root.whalecopy.v1.OrderSignal.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 5: {
                            message.hops = $root.whalecopy.v1.Hops.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a SignalBatch message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof whalecopy.v1.SignalBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {whalecopy.v1.SignalBatch} SignalBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignalBatch.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a SignalBatch message.
             * @function verify
             * @memberof whalecopy.v1.SignalBatch
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SignalBatch.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (message.shard != null && Object.hasOwnProperty.call(message, "shard"))
                    if (!$util.isInteger(message.shard))
                        return "shard: integer expected";
                if (message.whaleId != null && Object.hasOwnProperty.call(message, "whaleId"))
                    if (!$util.isString(message.whaleId))
                        return "whaleId: string expected";
                if (message.whaleSeq != null && Object.hasOwnProperty.call(message, "whaleSeq"))
                    if (!$util.isInteger(message.whaleSeq) && !(message.whaleSeq && $util.isInteger(message.whaleSeq.low) && $util.isInteger(message.whaleSeq.high)))
                        return "whaleSeq: integer|Long expected";
                if (message.signals != null && Object.hasOwnProperty.call(message, "signals")) {
                    if (!Array.isArray(message.signals))
                        return "signals: array expected";
                    for (let i = 0; i < message.signals.length; ++i) {
                        let error = $root.whalecopy.v1.OrderSignal.verify(message.signals[i], long + 1);
                        if (error)
                            return "signals." + error;
                    }
                }
                if (message.hops != null && Object.hasOwnProperty.call(message, "hops")) {
                    let error = $root.whalecopy.v1.Hops.verify(message.hops, long + 1);
                    if (error)
                        return "hops." + error;
                }
                return null;
            };

            /**
             * Creates a SignalBatch message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof whalecopy.v1.SignalBatch
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {whalecopy.v1.SignalBatch} SignalBatch
             */
            SignalBatch.fromObject = function fromObject(object, long) {
                if (object instanceof $root.whalecopy.v1.SignalBatch)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".whalecopy.v1.SignalBatch: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.whalecopy.v1.SignalBatch();
                if (object.shard != null)
                    message.shard = object.shard >>> 0;
                if (object.whaleId != null)
                    message.whaleId = String(object.whaleId);
                if (object.whaleSeq != null)
                    if ($util.Long)
                        message.whaleSeq = $util.Long.fromValue(object.whaleSeq, true);
                    else if (typeof object.whaleSeq === "string")
                        message.whaleSeq = parseInt(object.whaleSeq, 10);
                    else if (typeof object.whaleSeq === "number")
                        message.whaleSeq = object.whaleSeq;
                    else if (typeof object.whaleSeq === "object")
                        message.whaleSeq = new $util.LongBits(object.whaleSeq.low >>> 0, object.whaleSeq.high >>> 0).toNumber(true);
                if (object.signals) {
                    if (!Array.isArray(object.signals))
                        throw TypeError(".whalecopy.v1.SignalBatch.signals: array expected");
                    message.signals = [];
                    for (let i = 0; i < object.signals.length; ++i) {
                        if (!$util.isObject(object.signals[i]))
                            throw TypeError(".whalecopy.v1.SignalBatch.signals: object expected");
                        message.signals[i] = $root.whalecopy.v1.OrderSignal.fromObject(object.signals[i], long + 1);
                    }
                }
                if (object.hops != null) {
                    if (!$util.isObject(object.hops))
                        throw TypeError(".whalecopy.v1.SignalBatch.hops: object expected");
                    message.hops = $root.whalecopy.v1.Hops.fromObject(object.hops, long + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a SignalBatch message. Also converts values to other types if specified.
             * @function toObject
             * @memberof whalecopy.v1.SignalBatch
             * @static
             * @param {whalecopy.v1.SignalBatch} message SignalBatch
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SignalBatch.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.signals = [];
                if (options.defaults) {
                    object.shard = 0;
                    object.whaleId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.whaleSeq = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.whaleSeq = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    object.hops = null;
                }
                if (message.shard != null && Object.hasOwnProperty.call(message, "shard"))
                    object.shard = message.shard;
                if (message.whaleId != null && Object.hasOwnProperty.call(message, "whaleId"))
                    object.whaleId = message.whaleId;
                if (message.whaleSeq != null && Object.hasOwnProperty.call(message, "whaleSeq"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.whaleSeq = typeof message.whaleSeq === "number" ? BigInt(message.whaleSeq) : $util.Long.fromBits(message.whaleSeq.low >>> 0, message.whaleSeq.high >>> 0, true).toBigInt();
                    else if (typeof message.whaleSeq === "number")
                        object.whaleSeq = options.longs === String ? String(message.whaleSeq) : message.whaleSeq;
                    else
                        object.whaleSeq = options.longs === String ? $util.Long.prototype.toString.call(message.whaleSeq) : options.longs === Number ? new $util.LongBits(message.whaleSeq.low >>> 0, message.whaleSeq.high >>> 0).toNumber(true) : message.whaleSeq;
                if (message.signals && message.signals.length) {
                    object.signals = [];
                    for (let j = 0; j < message.signals.length; ++j)
                        object.signals[j] = $root.whalecopy.v1.OrderSignal.toObject(message.signals[j], options, q + 1);
                }
                if (message.hops != null && Object.hasOwnProperty.call(message, "hops"))
                    object.hops = $root.whalecopy.v1.Hops.toObject(message.hops, options, q + 1);
                return object;
            };

            /**
             * Converts this SignalBatch to JSON.
             * @function toJSON
             * @memberof whalecopy.v1.SignalBatch
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SignalBatch.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for SignalBatch
             * @function getTypeUrl
             * @memberof whalecopy.v1.SignalBatch
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            SignalBatch.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/whalecopy.v1.SignalBatch";
            };

            return SignalBatch;
        })();

        return v1;
    })();

    return whalecopy;
})();

export { $root as default };
