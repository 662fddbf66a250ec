import { describe, expect, test } from 'vitest';
import { PathError } from '../../../src/agent/paths.ts';
import { SandboxUnavailableError } from '../../../src/agent/sandbox.ts';
import { ArtifactFileMissingError, ArtifactMissingError } from '../../../src/artifacts/store.ts';
import { ConfigError } from '../../../src/config/errors.ts';
import { ModelSpecError } from '../../../src/contracts/model-spec.ts';
import { ContractError } from '../../../src/contracts/read.ts';
import { GitHubApiError } from '../../../src/github/errors.ts';
import {
  ModelAuthError,
  ModelConfigError,
  ModelRequestError,
  ModelSpendLimitError,
} from '../../../src/model/errors.ts';
import { PatchApplyError } from '../../../src/publish/commits.ts';
import { InputError } from '../../../src/runtime/actions/inputs.ts';
import { TriggerError } from '../../../src/runtime/actions/trigger.ts';
import { UsageError } from '../../../src/runtime/local/cli-io.ts';
import { StageError } from '../../../src/stages/errors.ts';
import { errorMessage, isUserError, USER_ERROR, UserError } from '../../../src/util/errors.ts';
import { DirtyRepositoryError, NotAGitRepositoryError, ProtectedPathError } from '../../../src/workspace/errors.ts';
import { GitError } from '../../../src/workspace/git.ts';
import { GlobError } from '../../../src/workspace/glob.ts';

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

describe("ensemble's own errors", () => {
  const github = { status: 403, action: 'create the branch', githubMessage: 'Forbidden', cause: null };
  test.each([
    new ConfigError([{ file: 'ensemble.yml', line: 1, column: 1, key: 'model', message: 'unknown provider' }]),
    new ContractError('ensemble-plan: plan.json', 'plan', [{ path: '$', message: 'not valid JSON' }], 'Re-run.'),
    new ArtifactMissingError('ensemble-test', 'test', []),
    new ArtifactFileMissingError('ensemble-test', 'test.json', 'test', ['change.patch']),
    new SandboxUnavailableError('bwrap is not installed'),
    new TriggerError('the push event does not start ensemble'),
    new InputError("Input 'issue' is required"),
    new UsageError('unknown command'),
    new ModelSpecError('"claude" is not a model spec'),
    new ModelConfigError('anthropic', 'no API key for anthropic'),
    new ModelAuthError('openai', 401, ''),
    new ModelSpendLimitError('openai', 429, ''),
    new StageError('review', 'the change is empty: there is nothing to review'),
    new NotAGitRepositoryError('/tmp/x'),
    new DirtyRepositoryError('/tmp/x', ['a.txt']),
    new ProtectedPathError([{ path: '.github/workflows/ci.yml', pattern: '.github/workflows/**' }]),
    new GlobError('an empty path pattern matches nothing; remove it'),
    new GitHubApiError('the token lacks a permission', github),
  ])('%s is a user error: the user fixes what its message names', (error) => {
    expect(isUserError(error)).toBe(true);
  });

  test.each([
    new GitError('git failed', { args: ['status'], cwd: '/tmp', exitCode: 128, stderr: '' }),
    new PatchApplyError('change.patch', 'change.patch does not apply', 'conflicts in a.ts'),
    new ModelRequestError('openai', 'connection error', { reason: 'network', attempts: 3 }),
    new PathError('../x leaves the workspace'),
    new TypeError("Cannot read properties of undefined (reading 'id')"),
  ])('%s is not a user error', (error) => {
    expect(isUserError(error)).toBe(false);
  });
});
