export * from './diff.ts';
export * from './findings.ts';
