import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  checkSafeOutputs,
  defaultPublishProtectedPaths,
  type SafeOutputsOptions,
} from '../../../src/publish/policy.ts';
import { cleanupTemps, createRepo, type FileTree, git, isolateGit, type TestRepo } from '../../support/git-fixture.ts';

beforeAll(isolateGit);
afterAll(cleanupTemps);

const TOKEN = ['gh', 'o_', 'Q9w8E7r6T5'.repeat(4).slice(0, 36)].join('');
const SECRET = 'binary-Secret-Value-4711';

const OPTIONS: SafeOutputsOptions = {
  protectedPaths: defaultPublishProtectedPaths(),
  maxPatchBytes: 1_000_000,
  maxFiles: 300,
  secretValues: [{ name: 'API_KEY', value: SECRET }],
  allowedHost: 'github.com',
};

/** Bytes that do not compress (a fixed pseudo-random sequence) with NULs, so git treats the file as binary. */
function noise(length: number, seed = 1): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = i % 97 === 0 ? 0 : x >>> 24;
  }
  return out;
}

function patchOf(repo: TestRepo, files: FileTree): string {
  const before = repo.head();
  const after = repo.commit(files);
  return git(repo.dir, ['diff', '--binary', '--full-index', '-M', before, after]);
}

const check = (patch: string, options: Partial<SafeOutputsOptions> = {}) =>
  checkSafeOutputs({ patches: [{ label: 'task assets', patch }], texts: {} }, { ...OPTIONS, ...options });

describe('binary files in a patch', () => {
  test('a new binary file holding a token is refused (the literal is decoded)', async () => {
    const repo = createRepo();
    const patch = patchOf(repo, { 'assets/blob.bin': Buffer.concat([noise(300), Buffer.from(TOKEN), noise(300, 2)]) });
    expect(patch).toMatch(/GIT binary patch\nliteral \d+/);
    const result = await check(patch);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusals).toEqual([
      {
        rule: 'credential',
        where: 'task assets: assets/blob.bin',
        detail: 'GitHub token gho_…(40 chars) in the new binary content',
      },
    ]);
  });

  test('a binary change written as a delta is refused when the inserted data holds a secret value', async () => {
    const base = noise(20_000);
    const repo = createRepo({ 'assets/big.bin': base });
    const changed = Buffer.concat([base.subarray(0, 10_000), Buffer.from(`key=${SECRET};`), base.subarray(10_000)]);
    const patch = patchOf(repo, { 'assets/big.bin': changed });
    expect(patch).toMatch(/GIT binary patch\ndelta \d+/);
    const result = await check(patch);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusals).toEqual([
      {
        rule: 'secret-value',
        where: 'task assets: assets/big.bin',
        detail: `the value of secret "API_KEY" (${SECRET.length} characters) in the new binary content`,
      },
    ]);
  });

  test('a clean binary file passes; removing a token from one passes (the reverse hunk is the old content)', async () => {
    const repo = createRepo({ 'assets/old.bin': Buffer.concat([noise(500), Buffer.from(TOKEN), noise(500, 3)]) });
    const patch = patchOf(repo, { 'assets/old.bin': noise(1_000, 4), 'assets/new.bin': noise(400, 5) });
    expect(patch.match(/GIT binary patch/g)).toHaveLength(2);
    const result = await check(patch);
    expect(result).toMatchObject({ ok: true, stats: { files: 2 } });
  });

  test('a binary hunk that inflates beyond max-patch-bytes is refused before inflating', async () => {
    const repo = createRepo();
    const patch = patchOf(repo, { 'zeros.bin': Buffer.alloc(200_000) });
    expect(Buffer.byteLength(patch)).toBeLessThan(10_000);
    const result = await check(patch, { maxPatchBytes: 100_000 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusals).toEqual([
      {
        rule: 'binary-size',
        where: 'task assets: zeros.bin',
        detail: 'a binary hunk inflates to 200,000 bytes, more than the limit of 100,000 (limits.max-patch-bytes)',
      },
    ]);
  });

  test('a binary hunk that cannot be decoded is refused as unreadable (it cannot be scanned)', async () => {
    const repo = createRepo();
    const patch = patchOf(repo, { 'assets/blob.bin': noise(300) });
    const lines = patch.split('\n');
    const data = lines.findIndex((l) => /^literal \d+$/.test(l)) + 1;
    lines[data] = `${(lines[data] as string).slice(0, 10)}""""${(lines[data] as string).slice(14)}`;
    const result = await check(lines.join('\n'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusals.map((r) => [r.rule, r.where])).toContainEqual([
      'unreadable-patch',
      'task assets: assets/blob.bin',
    ]);
  });
});
