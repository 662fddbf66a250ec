export { type BinaryContent, decodeBase85Line, deltaInserts, forwardBinary } from './binary-patch.ts';
export { cQuote, type QuotedPath, readQuoted } from './quoted-path.ts';
export { isGitSection, splitSections } from './sections.ts';
export type { ChangeKind, DiffFile, DiffHunk, DiffLine } from './unified-diff.ts';
export { headerNames, parseUnifiedDiff } from './unified-diff.ts';
