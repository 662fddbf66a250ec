import { describe, expect, test } from 'vitest';
import { errorMessage, isUserError, USER_ERROR, UserError } from '../../src/errors.ts';

describe('errorMessage', () => {
  test("is an error's message, or what was thrown as text", () => {
    expect(errorMessage(new TypeError('x is not a function'))).toBe('x is not a function');
    expect(errorMessage('a string was thrown')).toBe('a string was thrown');
    expect(errorMessage({ message: 'an error-like object' })).toBe('an error-like object');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
    expect(errorMessage(null)).toBe('null');
  });
});

describe('user errors are told from bugs by type', () => {
  class SettingError extends UserError {
    override name = 'SettingError';
  }

  test('a UserError, a subclass of it and an error carrying the marker are user errors', () => {
    expect(isUserError(new UserError('fix the setting'))).toBe(true);
    expect(isUserError(new SettingError('fix the setting'))).toBe(true);
    expect(new SettingError('x')).toBeInstanceOf(Error);
    class MarkedError extends RangeError {
      readonly [USER_ERROR] = true;
    }
    expect(UserError.isInstance(new MarkedError('marked'))).toBe(true);
  });

  test('the marker is the registered symbol, so a copy of the class from another bundle is recognised', () => {
    const marker = Symbol.for('ensemble.user-error');
    const fromAnotherBundle = Object.assign(new Error('from another copy'), { [marker]: true });
    expect(isUserError(fromAnotherBundle)).toBe(true);
  });

  test('anything else is not: plain errors, a name or message that looks like one, values that are not errors', () => {
    expect(isUserError(new Error('configuration is invalid'))).toBe(false);
    expect(isUserError(Object.assign(new Error('x'), { name: 'ConfigError' }))).toBe(false);
    expect(isUserError({ [USER_ERROR]: true, message: 'not an Error' })).toBe(false);
    expect(isUserError('ConfigError')).toBe(false);
    expect(isUserError(undefined)).toBe(false);
  });
});
