export * from './diff-lines.ts';
export * from './findings.ts';
export * from './fix-rounds.ts';
export * from './ledger.ts';
