/**
 * Errors a user fixes versus bugs, told apart by type, never by message.
 *
 * A user error is a mistake the user fixes (the configuration, an input, an artifact that is
 * missing or not the contract, a runner without bubblewrap, an event ensemble refuses); its
 * message says what to change, and the entries (`runtime/actions/run.ts`, `cli.ts`) print it as
 * it is. Any other error reaching an entry is unexpected: a bug, reported with a note asking to
 * report it.
 *
 * Errors carry a marker symbol rather than relying on `instanceof` alone (vercel/ai's pattern):
 * `Symbol.for` is shared by every copy of this module, so an error thrown by another bundle or
 * module instance is still recognised, and a class with another base (the model errors) can carry
 * the marker as a field.
 */

/** The marker every user error carries, set to `true`. */
export const USER_ERROR: unique symbol = Symbol.for('ensemble.user-error');

/** A mistake the user fixes; its message says what to change. Extend it, or throw it as it is. */
export class UserError extends Error {
  readonly [USER_ERROR] = true;
  override name = 'UserError';

  /** Is `error` a user error: a {@link UserError}, or any error carrying the {@link USER_ERROR} marker? */
  static isInstance(error: unknown): error is Error & { readonly [USER_ERROR]: true } {
    return error instanceof Error && (error as Partial<Record<typeof USER_ERROR, unknown>>)[USER_ERROR] === true;
  }
}

/** {@link UserError.isInstance}, as a function. */
export function isUserError(error: unknown): error is Error & { readonly [USER_ERROR]: true } {
  return UserError.isInstance(error);
}

/** The message of anything thrown: an error's message, or the value as text. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  const message = (error as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}
