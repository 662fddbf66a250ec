export { type BinaryContent, decodeBase85Line, deltaInserts, forwardBinary } from './binary-patch.ts';
