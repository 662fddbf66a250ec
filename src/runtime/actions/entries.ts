/** One entry file per action in dist/: every stage of the pipeline table, the approval gate and the all-in-one job. */
export { ACTION_ENTRIES, type ActionEntry } from '../../pipeline/stages.ts';
