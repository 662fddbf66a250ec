export { type BinaryContent, decodeBase85Line, deltaInserts, forwardBinary } from './binary-patch.ts';
export { cQuote, type QuotedPath, readQuoted } from './quoted-path.ts';
export { isGitSection, splitSections } from './sections.ts';
