import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  checkSafeOutputs,
  defaultPublishProtectedPaths,
  type Refusal,
  type SafeOutputsOptions,
} from '../../../src/publish/policy.ts';
import { cleanupTemps, createRepo, type FileTree, git, isolateGit, type TestRepo } from '../../support/git-fixture.ts';

beforeAll(isolateGit);
afterAll(cleanupTemps);

// Canaries, built at run time so that no credential-shaped string is in the source.
const TOKEN = ['gh', 'p_', 'a1B2c3D4e5'.repeat(4).slice(0, 36)].join('');
const SECRET = 'Zq7-unusual-Secret-Value-91';
const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');

const OPTIONS: SafeOutputsOptions = {
  protectedPaths: defaultPublishProtectedPaths(),
  maxPatchBytes: 1_000_000,
  maxFiles: 300,
  secretValues: [{ name: 'ANTHROPIC_API_KEY', value: SECRET }],
  allowedHost: 'github.com',
};

/** A real `git diff --binary` patch: `files` written over the repository's current commit. */
function patchOf(repo: TestRepo, files: FileTree): string {
  const before = repo.head();
  const after = repo.commit(files);
  return git(repo.dir, ['diff', '--binary', '--full-index', '-M', before, after]);
}

async function refusalsFor(files: FileTree): Promise<Refusal[]> {
  const repo = createRepo({ 'test/fixtures/README.md': 'fixtures\n' });
  const patch = patchOf(repo, files);
  const result = await checkSafeOutputs({ patches: [{ label: 'tests', patch }], texts: {} }, OPTIONS);
  return result.ok ? [] : result.refusals;
}

describe('the publish policy refuses secrets a reviewer would read past', () => {
  test('a hex-encoded token in a test fixture is refused, named and masked', async () => {
    const refusals = await refusalsFor({
      'test/fixtures/auth.json': `{\n  "name": "auth",\n  "payload": "${hex(TOKEN)}"\n}\n`,
    });
    expect(refusals).toEqual([
      {
        rule: 'credential',
        where: 'tests: test/fixtures/auth.json',
        detail: 'hex-encoded GitHub token ghp_…(40 chars) on line 3',
      },
    ]);
    expect(JSON.stringify(refusals)).not.toContain(hex(TOKEN).slice(0, 16));
  });

  test('a token cut into string literals on two added lines is refused, at the line it starts on', async () => {
    const refusals = await refusalsFor({
      'test/auth.test.ts': `import x from 'y';\n\nconst token =\n  '${TOKEN.slice(0, 20)}' +\n  '${TOKEN.slice(20)}';\n`,
    });
    expect(refusals).toEqual([
      {
        rule: 'credential',
        where: 'tests: test/auth.test.ts',
        detail: 'GitHub token split across string literals ghp_…(40 chars) on line 4',
      },
    ]);
  });

  test("the step's secret, URL-encoded or reversed, is refused by the secret's name", async () => {
    const refusals = await refusalsFor({
      'test/fixtures/urls.txt': `https://example.com/cb?k=${encodeURIComponent(SECRET).replace(/-/g, '%2D')}\n`,
      'test/fixtures/rev.txt': `one\n${[...SECRET].reverse().join('')}\n`,
    });
    expect(refusals.map((r) => [r.where, r.detail])).toEqual([
      [
        'tests: test/fixtures/rev.txt',
        `the reversed value of secret "ANTHROPIC_API_KEY" (${SECRET.length} characters) on line 2`,
      ],
      [
        'tests: test/fixtures/urls.txt',
        `the URL-encoded value of secret "ANTHROPIC_API_KEY" (${SECRET.length} characters) on line 1`,
      ],
    ]);
  });

  test('ordinary hex and URLs in a change pass: SHAs, digests, UUIDs, %20', async () => {
    const refusals = await refusalsFor({
      'test/fixtures/lock.txt':
        'commit 3f786850e387550fdab836ed7e6dc881de23001b\n' +
        'sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n' +
        'id 123e4567-e89b-12d3-a456-426614174000\n' +
        'url https://example.com/search?q=a%20b%2Fc\n',
    });
    expect(refusals).toEqual([]);
  });
});
