/**
 * Task ids appear in artifact names, matrix legs, branch trailers and file names. Apart from the
 * schemas (`TaskId` in common.ts) so that an action's input check does not load zod.
 */
export const TASK_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** A review lens's name (`LensName` in config.ts), here for the same reason. */
export const LENS_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;
