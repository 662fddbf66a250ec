export * from './errors.ts';
export * from './hash.ts';
export * from './instructions.ts';
export * from './load.ts';
export * from './reference.ts';
export * from './summary.ts';
