// Public surface of proto/: the generated protobufjs classes of package whalecopy.v1 (for the engine's
// codec and the console). Generated code lives in gen/ and is never edited by hand.
export { whalecopy } from './gen/whalecopy.js';
