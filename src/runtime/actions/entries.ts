/** One entry file per action in dist/: the six stages and the all-in-one pipeline. */
export const ACTION_ENTRIES = ['plan', 'code', 'test', 'review', 'docs', 'publish', 'all'] as const;
export type ActionEntry = (typeof ACTION_ENTRIES)[number];
