import { UserError } from '../util/errors.ts';

/** A stage could not produce what it promised; the message says why and what to do. */
export class StageError extends UserError {
  override name = 'StageError';
  readonly stage: string;
  constructor(stage: string, message: string) {
    super(`${stage} stage: ${message}`);
    this.stage = stage;
  }
}
