import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { parseAppPrivateKey } from '../../../../src/github/app-token.ts';
import { choosePublishCredentials, describePublishCredentials } from '../../../../src/runtime/actions/publish.ts';
import { isUserError } from '../../../../src/util/errors.ts';

const privateKey = parseAppPrivateKey(
  generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
);
/** Token-shaped values built at run time (no token literal in the sources). */
const PAT = `ghp_${'p'.repeat(36)}`;
const WORKFLOW_TOKEN = `ghs_${'w'.repeat(36)}`;
const none = { githubToken: null, appId: null, appPrivateKey: null };

describe('which credential publish writes with', () => {
  test('the App when both app inputs are set, over github-token (publish-token or github.token)', () => {
    const chosen = choosePublishCredentials(
      { githubToken: PAT, appId: 4711, appPrivateKey: privateKey },
      { GITHUB_TOKEN: WORKFLOW_TOKEN },
    );
    expect(chosen).toEqual({ kind: 'app', app: { appId: 4711, privateKey } });
  });

  test('then the github-token input, then GITHUB_TOKEN, then GH_TOKEN from the environment', () => {
    expect(choosePublishCredentials({ ...none, githubToken: PAT }, { GITHUB_TOKEN: WORKFLOW_TOKEN })).toEqual({
      kind: 'token',
      token: PAT,
      source: 'github-token',
    });
    expect(choosePublishCredentials(none, { GH_TOKEN: PAT, GITHUB_TOKEN: WORKFLOW_TOKEN })).toEqual({
      kind: 'token',
      token: WORKFLOW_TOKEN,
      source: 'GITHUB_TOKEN',
    });
    expect(choosePublishCredentials(none, { GH_TOKEN: PAT })).toMatchObject({ source: 'GH_TOKEN' });
  });

  test('none at all is a user error naming the three ways to give one', () => {
    let error: unknown;
    try {
      choosePublishCredentials(none, {});
    } catch (e) {
      error = e;
    }
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(
      /github-token input is empty.*personal access token.*app-id and app-private-key/,
    );
  });

  test('the log says which one, never its value, and tells a GITHUB_TOKEN user how to have CI run', () => {
    const app = describePublishCredentials({ kind: 'app', app: { appId: 4711, privateKey } });
    expect(app).toBe(
      'publishing as GitHub App 4711 (app-id and app-private-key are set, and take precedence over ' +
        'github-token), with an installation token made for this step',
    );
    const pat = describePublishCredentials({ kind: 'token', token: PAT, source: 'github-token' });
    expect(pat).toBe('publishing with the github-token input, a personal access token');
    const workflow = describePublishCredentials({ kind: 'token', token: WORKFLOW_TOKEN, source: 'GITHUB_TOKEN' });
    expect(workflow).toBe(
      "publishing with GITHUB_TOKEN from the environment, an installation token: the workflow's GITHUB_TOKEN, " +
        "or a GitHub App's. If it is GITHUB_TOKEN, the pull request starts none of the repository's workflows (CI); " +
        "to have them run, set app-id and app-private-key (the reusable workflow's secrets publish-app-id and " +
        'publish-app-private-key)',
    );
    for (const line of [app, pat, workflow]) {
      expect(line).not.toContain(PAT.slice(4));
      expect(line).not.toContain(WORKFLOW_TOKEN.slice(4));
    }
  });
});
