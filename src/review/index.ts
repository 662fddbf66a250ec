export * from './diff-lines.ts';
export * from './findings.ts';
