import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_PROTECTED_PATHS } from '../../../src/contracts/config.ts';
import {
  checkSafeOutputs,
  defaultPublishProtectedPaths,
  formatRefusals,
  MAX_BODY_CHARS,
  publishProtectedPaths,
  type Refusal,
  type SafeOutputsInput,
  type SafeOutputsOptions,
  sanitiseText,
  type TextInput,
} from '../../../src/publish/policy.ts';
import { safeBlock } from '../../../src/render/safe.ts';
import { cleanupTemps, createRepo, type FileTree, git, isolateGit, type TestRepo } from '../../support/git-fixture.ts';

beforeAll(isolateGit);
afterAll(cleanupTemps);

const Z = '\u200b';

// Canaries, built at run time so that no credential-shaped string is in the source.
const body36 = 'a1B2c3D4e5'.repeat(4).slice(0, 36);
const CANARIES = {
  'GitHub token': ['gh', 'p_', body36].join(''),
  'GitHub token (app installation)': ['gh', 's_', body36].join(''),
  'GitHub fine-grained personal access token': ['github', '_pat_', '11ABCDEFG0', 'x'.repeat(30)].join(''),
  'Anthropic API key': ['sk', '-ant-', 'api03-', 'Zx9'.repeat(10)].join(''),
  'OpenAI API key': ['sk', '-proj-', 'Ab3_Cd4-'.repeat(4)].join(''),
  'OpenAI API key (legacy)': ['sk', '-', 'T3BlbkFJ'.repeat(6)].join(''),
  'AWS access key id': ['AK', 'IA', 'Q3EGRIKPOTUZ7X4M'].join(''),
  'private key block': ['-----BEGIN ', 'RSA PRIVATE', ' KEY-----'].join(''),
} as const;
/** The name the refusal gives each canary's pattern. */
const PATTERN_NAME = (label: string) => label.replace(/ \(.*\)$/, '');

type Options = SafeOutputsOptions;

const OPTIONS: Options = {
  protectedPaths: defaultPublishProtectedPaths(),
  maxPatchBytes: 1_000_000,
  maxFiles: 300,
  secretValues: [],
  allowedHost: 'github.com',
};

/** A real `git diff --binary` patch: `files` written over the repository's current commit. */
function patchOf(repo: TestRepo, files: FileTree, renames: Array<[string, string]> = []): string {
  const before = repo.head();
  for (const [from, to] of renames) git(repo.dir, ['mv', from, to]);
  const after = repo.commit(files);
  return git(repo.dir, ['diff', '--binary', '--full-index', '-M', before, after]);
}

function refusalsOf(result: Awaited<ReturnType<typeof checkSafeOutputs>>): Refusal[] {
  if (result.ok) throw new Error(`expected a refusal, got ok with ${JSON.stringify(result.texts)}`);
  return result.refusals;
}

/** One text, under the key `body`. */
function oneText(label: string, text: string) {
  return { texts: { body: { label, text } } };
}

/** `input.texts` are keyed by the caller: the result holds each, sanitised, under the same key. */
async function check<K extends string = never>(input: Partial<SafeOutputsInput<K>>, options: Partial<Options> = {}) {
  const texts = {} as Record<K, TextInput>;
  return checkSafeOutputs<K>({ patches: [], texts, ...input }, { ...OPTIONS, ...options });
}

describe('a clean change', () => {
  test('passes, with texts sanitised: mentions neutralised, foreign links inert, hidden characters gone, code kept', async () => {
    const repo = createRepo({ 'src/a.ts': 'export const a = 1;\n' });
    const patch = patchOf(repo, { 'src/a.ts': 'export const a = 2;\n', 'src/b.ts': 'export const b = 1;\n' });
    const result = await check({
      patches: [{ label: 'task api', patch }],
      texts: {
        title: { label: 'PR title', text: 'Fix @octocat bug\nsee https://evil.example/x' },
        body: {
          label: 'PR body',
          text: [
            'Thanks @alice and @org/team!',
            'See https://github.com/o/r/pull/1 and https://evil.example/steal and www.evil.example.',
            `Invisible\u202e text and zero\u2060width.`,
            '```java',
            '@Override // https://evil.example in code is kept',
            '```',
          ].join('\n'),
        },
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.stats).toEqual({ patchBytes: Buffer.byteLength(patch), files: 2 });
    const { title, body } = result.texts;
    expect(title).toEqual({
      label: 'PR title',
      text: `Fix @${Z}octocat bug see https${Z}://evil.example/x`,
      truncated: false,
    });
    expect(body?.text).toBe(
      [
        `Thanks @${Z}alice and @${Z}org/team!`,
        `See https://github.com/o/r/pull/1 and https${Z}://evil.example/steal and www${Z}.evil.example.`,
        'Invisible text and zerowidth.',
        '```java',
        '@Override // https://evil.example in code is kept',
        '```',
      ].join('\n'),
    );
  });

  test('text a renderer already made safe passes unchanged: its marker, Closes #n and neutralised HTML survive', async () => {
    const rendered = [
      '<!-- ensemble:pr run=12-1 -->',
      `**Title** — #12`,
      '',
      'Closes #12',
      '',
      safeBlock('Injected <img src=x> and <!-- hidden --> by @mallory; Fixes #3; https://evil.example'),
      '<details><summary>More</summary>',
      '',
      'text',
      '',
      '</details>',
    ].join('\n');
    const result = await check(oneText('PR body', rendered));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.texts.body.text).toBe(rendered);
    // and the renderer's neutralisation was not undone
    expect(rendered).toContain(`<${Z}img`);
  });

  test('kind "raw" applies all of safeBlock (HTML and closing keywords too)', () => {
    const raw = 'Fixes #3 <!-- ensemble:pr run=1 --> @bob';
    expect(sanitiseText(raw, 'raw', { allowedHost: 'github.com' }).text).toBe(safeBlock(raw));
    expect(sanitiseText(raw, 'body', { allowedHost: 'github.com' }).text).toBe(
      `Fixes #3 <!-- ensemble:pr run=1 --> @${Z}bob`,
    );
  });

  test('titles are capped at 256 characters and bodies at 65,536, without a refusal', async () => {
    const result = await check({
      texts: {
        title: { label: 'PR title', text: 'word '.repeat(100) },
        body: { label: 'PR body', text: 'paragraph of text\n'.repeat(5_000) },
        short: { label: 'review finding 1 body', text: 'short' },
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { title, body, short } = result.texts;
    expect(title?.truncated).toBe(true);
    expect(title?.text.length).toBeLessThanOrEqual(256);
    expect(title?.text.endsWith('…')).toBe(true);
    // cut at 255 characters, then the space the cut left before the ellipsis dropped
    expect(title?.text).toBe(`${'word '.repeat(50)}word…`);
    expect(body?.truncated).toBe(true);
    expect(body?.text.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
    expect(body?.text).toContain('Truncated');
    expect(short).toEqual({ label: 'review finding 1 body', text: 'short', truncated: false });
  });
});

describe('protected paths', () => {
  test('the defaults: what runs without review, the config file, the instruction files', () => {
    expect(defaultPublishProtectedPaths()).toEqual([
      ...DEFAULT_PROTECTED_PATHS,
      '/.github/ensemble.yml',
      'AGENTS.md',
      'CLAUDE.md',
      '.github/copilot-instructions.md',
    ]);
    // A config path is matched literally and anchored; the configured list is kept.
    expect(publishProtectedPaths([], './config/[x]*.yml')).toEqual([
      '/config/\\[x]\\*.yml',
      'AGENTS.md',
      'CLAUDE.md',
      '.github/copilot-instructions.md',
    ]);
  });

  test('modifying a workflow is refused, naming the rule, the patch and file, and the pattern', async () => {
    const repo = createRepo({ '.github/workflows/ci.yml': 'on: push\n', 'src/a.ts': 'a\n' });
    const patch = patchOf(repo, { '.github/workflows/ci.yml': 'on: pull_request\n', 'src/a.ts': 'b\n' });
    const refusals = refusalsOf(await check({ patches: [{ label: 'task api', patch }] }));
    expect(refusals).toEqual([
      {
        rule: 'protected-path',
        where: 'task api: .github/workflows/ci.yml',
        detail:
          'modifies .github/workflows/ci.yml; .github/workflows/ci.yml is protected by ".github/workflows/**" (protected-paths)',
      },
    ]);
  });

  test('renaming a file out of a protected path is refused (the source side counts)', async () => {
    const repo = createRepo({ '.github/workflows/ci.yml': 'on: push\njobs: {}\n' });
    const patch = patchOf(repo, {}, [['.github/workflows/ci.yml', 'ci.yml']]);
    expect(patch).toContain('rename from .github/workflows/ci.yml');
    const refusals = refusalsOf(await check({ patches: [{ label: 'tests', patch }] }));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ rule: 'protected-path', where: 'tests: .github/workflows/ci.yml' });
    expect(refusals[0]?.detail).toContain('renames .github/workflows/ci.yml to ci.yml');
  });

  test('the config file and nested instruction files are protected; a look-alike is not', async () => {
    const repo = createRepo({ 'README.md': 'x\n' });
    const patch = patchOf(repo, {
      '.github/ensemble.yml': 'limits: {}\n',
      'pkg/AGENTS.md': 'do things\n',
      'docs/ensemble.yml': 'not the config\n',
    });
    const refusals = refusalsOf(await check({ patches: [{ label: 'docs', patch }] }));
    expect(refusals.map((r) => r.where).sort()).toEqual(['docs: .github/ensemble.yml', 'docs: pkg/AGENTS.md']);
  });

  test('old and new names that differ without rename lines: a protected old name is refused', async () => {
    // git applies this "modification" by writing b.txt and deleting the workflow, but lists only
    // b.txt in `git apply --numstat`; the patch reader used to read it as a modification of
    // b.txt too, so the deletion passed. It is read as a rename now.
    const workflow = '.github/workflows/ci.yml';
    const patch = `diff --git a/${workflow} b/b.txt\n--- a/${workflow}\n+++ b/b.txt\n@@ -1 +1 @@\n-on: push\n+x\n`;
    const repo = createRepo({ [workflow]: 'on: push\n', 'b.txt': 'b\n' });
    git(repo.dir, ['apply'], { input: patch });
    expect(repo.git('status', '--short')).toBe(`D ${workflow}\n M b.txt`);
    const refusals = refusalsOf(await check({ patches: [{ label: 'task api', patch }] }));
    const detail = `renames ${workflow} to b.txt; ${workflow} is protected by ".github/workflows/**" (protected-paths)`;
    expect(refusals).toEqual([{ rule: 'protected-path', where: `task api: ${workflow}`, detail }]);
  });

  test('a plain `---`/`+++` file after the hunks of a `diff --git` section is checked too', async () => {
    const patch = [
      'diff --git a/x.txt b/x.txt',
      '--- a/x.txt',
      '+++ b/x.txt',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      '--- a/.github/workflows/ci.yml',
      '+++ b/.github/workflows/ci.yml',
      '@@ -1 +1 @@',
      '-on: push',
      '+on: pull_request',
      '',
    ].join('\n');
    const refusals = refusalsOf(await check({ patches: [{ label: 'task api', patch }] }));
    expect(refusals.map((r) => [r.rule, r.where])).toEqual([['protected-path', 'task api: .github/workflows/ci.yml']]);
  });
});

describe('limits', () => {
  test('a change over max-patch-bytes is refused, all patches counted', async () => {
    const repo = createRepo({ 'README.md': 'x\n' });
    const a = patchOf(repo, { 'a.txt': 'a\n'.repeat(200) });
    const b = patchOf(repo, { 'b.txt': 'b\n'.repeat(200) });
    const limit = Buffer.byteLength(a) + 10;
    const refusals = refusalsOf(
      await check(
        {
          patches: [
            { label: 'task a', patch: a },
            { label: 'task b', patch: b },
          ],
        },
        { maxPatchBytes: limit },
      ),
    );
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ rule: 'patch-size', where: 'the change' });
    expect(refusals[0]?.detail).toContain(
      `more than the limit of ${limit.toLocaleString('en-US')} (limits.max-patch-bytes)`,
    );
  });

  test('more distinct files than max-files is refused; a file in two patches counts once', async () => {
    const repo = createRepo({ 'README.md': 'x\n' });
    const a = patchOf(repo, { 'a.txt': '1\n', 'b.txt': '1\n' });
    const b = patchOf(repo, { 'a.txt': '2\n' });
    const patches = [
      { label: 'task a', patch: a },
      { label: 'tests', patch: b },
    ];
    const ok = await check({ patches }, { maxFiles: 2 });
    expect(ok).toMatchObject({ ok: true, stats: { files: 2 } });
    const c = patchOf(repo, { 'c.txt': '1\n' });
    const refusals = refusalsOf(await check({ patches: [...patches, { label: 'docs', patch: c }] }, { maxFiles: 2 }));
    expect(refusals).toEqual([
      {
        rule: 'file-count',
        where: 'the change',
        detail: '3 files touched, more than the limit of 2 (limits.max-files)',
      },
    ]);
  });

  test("git's own listing of a patch it made stands for its reading: a protected path there is refused", async () => {
    const repo = createRepo({ 'README.md': 'x\n' });
    const patch = patchOf(repo, { 'src/a.ts': 'a\n' });
    // git is not asked again: a directory where it cannot run would make it unreadable.
    const nowhere = { gitCwd: '/nonexistent/ensemble-no-git-here' };
    const readByGit = await check({ patches: [{ label: 'task a', patch }] }, nowhere);
    expect(refusalsOf(readByGit).map((r) => r.rule)).toEqual(['unreadable-patch']);
    const changes = [{ kind: 'added' as const, path: 'src/a.ts', oldPath: null }];
    expect(await check({ patches: [{ label: 'task a', patch, changes }] }, nowhere)).toMatchObject({ ok: true });
    // What git listed counts beside this module's parser: a path only it names is still checked.
    const listed = [...changes, { kind: 'added' as const, path: '.github/workflows/ci.yml', oldPath: null }];
    const refusals = refusalsOf(await check({ patches: [{ label: 'task a', patch, changes: listed }] }, nowhere));
    expect(refusals.map((r) => [r.rule, r.where])).toEqual([['protected-path', 'task a: .github/workflows/ci.yml']]);
  });

  test('a patch git cannot read is refused as unreadable', async () => {
    const patch = 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,5 +1,5 @@\n+only one line\n';
    const refusals = refusalsOf(await check({ patches: [{ label: 'task api', patch }] }));
    expect(refusals.map((r) => [r.rule, r.where])).toContainEqual(['unreadable-patch', 'task api']);
  });
});

describe('credentials', () => {
  const labels = Object.keys(CANARIES) as Array<keyof typeof CANARIES>;

  test.each(labels)('%s in an added line of a patch is refused, masked', async (label) => {
    const token = CANARIES[label];
    const repo = createRepo({ 'src/config.ts': 'export const a = 1;\n' });
    const patch = patchOf(repo, { 'src/config.ts': `export const a = 1;\nexport const key = "${token}";\n` });
    const refusals = refusalsOf(await check({ patches: [{ label: 'task api', patch }] }));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ rule: 'credential', where: 'task api: src/config.ts' });
    expect(refusals[0]?.detail).toContain(`${PATTERN_NAME(label)} `);
    expect(refusals[0]?.detail).toContain('on line 2');
    if (label !== 'private key block') {
      expect(refusals[0]?.detail).toContain(`${token.slice(0, 4)}…(${token.length} chars)`);
      expect(JSON.stringify(refusals)).not.toContain(token.slice(0, 12));
    }
  });

  test.each(labels)('%s in a text is refused, masked', async (label) => {
    const token = CANARIES[label];
    const refusals = refusalsOf(await check(oneText('review finding 3 body', `All good.\nUse ${token} to log in.`)));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ rule: 'credential', where: 'review finding 3 body' });
    expect(refusals[0]?.detail).toContain(`${PATTERN_NAME(label)} `);
    expect(refusals[0]?.detail).toContain('on line 2');
    if (label !== 'private key block') expect(formatRefusals(refusals)).not.toContain(token.slice(0, 12));
  });

  test('an Anthropic key is reported once, not also as an OpenAI key', async () => {
    const refusals = refusalsOf(await check(oneText('PR body', CANARIES['Anthropic API key'])));
    expect(refusals.map((r) => r.detail.split(' sk-')[0])).toEqual(['Anthropic API key']);
  });

  test('a token split by an invisible character is still found', async () => {
    const token = CANARIES['GitHub token'];
    const split = `${token.slice(0, 10)}\u200b${token.slice(10)}`;
    const refusals = refusalsOf(await check(oneText('commit message of task api', split)));
    expect(refusals.map((r) => r.rule)).toEqual(['credential']);
  });

  test('a token in the name of a new file is refused', async () => {
    const repo = createRepo({ 'README.md': 'x\n' });
    const patch = patchOf(repo, { [`leak-${CANARIES['GitHub token']}.txt`]: 'x\n' });
    const refusals = refusalsOf(await check({ patches: [{ label: 'docs', patch }] }));
    expect(refusals[0]).toMatchObject({ rule: 'credential' });
    expect(refusals[0]?.detail).toContain('in the file name');
  });

  test.each([
    ['a GitHub token prefix that is too short', `token ${['gh', 'p_'].join('')}${'a'.repeat(35)}`],
    ['sk-learn and scikit-learn', 'We use sk-learn (scikit-learn) for the model.'],
    ['a kebab-case name after sk-', 'the sk-some-long-kebab-case-name-here flag'],
    ['a word ending in sk- followed by a long name', 'disk-usage-monitor-Service-2-name'],
    ['a public key and a certificate', '-----BEGIN PUBLIC KEY-----\n-----BEGIN CERTIFICATE-----'],
    [
      'an AWS-like id that is too short or too long',
      `${['AK', 'IA'].join('')}${'A'.repeat(15)} ${['AK', 'IA'].join('')}${'A'.repeat(17)}`,
    ],
  ])('near miss: %s is not flagged', async (_name, text) => {
    const result = await check(oneText('PR body', text));
    expect(result.ok).toBe(true);
  });

  test('a removed or context line holding a token is not flagged: removing a leaked key must be possible', async () => {
    const token = CANARIES['GitHub token'];
    const repo = createRepo({
      'src/config.ts': `const a = 1;\nconst token = "${token}";\nconst b = 2;\n`,
      'src/k.ts': `// ${token}\nx\n`,
    });
    const patch = patchOf(repo, {
      'src/config.ts': 'const a = 1;\nconst token = process.env.TOKEN;\nconst b = 2;\n',
      'src/k.ts': `// ${token}\ny\n`,
    });
    expect(patch).toContain(`-const token = "${token}"`);
    expect(patch).toContain(` // ${token}`);
    const result = await check({ patches: [{ label: 'task api', patch }] });
    expect(result.ok).toBe(true);
  });
});

describe('the secrets the step was given', () => {
  const secret = 'Zq7-unusual-Secret-Value-91';

  test("a secret's exact value in a patch or a text is refused, naming the secret, never showing it", async () => {
    const repo = createRepo({ 'README.md': 'x\n' });
    const patch = patchOf(repo, { 'notes.txt': `one\ntwo ${secret} three\n` });
    const refusals = refusalsOf(
      await check(
        { patches: [{ label: 'task api', patch }], texts: { body: { label: 'PR body', text: `Token: ${secret}` } } },
        { secretValues: [{ name: 'ANTHROPIC_API_KEY', value: secret }, 'short'] },
      ),
    );
    expect(refusals).toEqual([
      {
        rule: 'secret-value',
        where: 'task api: notes.txt',
        detail: `the value of secret "ANTHROPIC_API_KEY" (${secret.length} characters) on line 2`,
      },
      {
        rule: 'secret-value',
        where: 'PR body',
        detail: `the value of secret "ANTHROPIC_API_KEY" (${secret.length} characters) on line 1`,
      },
    ]);
    expect(formatRefusals(refusals)).not.toContain(secret.slice(0, 4));
  });

  test('its base64 form is found at any alignment; a value under 8 characters is ignored', async () => {
    for (const prefix of ['', 'x', 'xy']) {
      const encoded = Buffer.from(`${prefix}${secret}!`).toString('base64');
      const refusals = refusalsOf(await check(oneText('PR body', `data ${encoded}`), { secretValues: [secret] }));
      expect(refusals).toEqual([
        {
          rule: 'secret-value',
          where: 'PR body',
          detail: `the base64-encoded value of secret #1 given to this step (${secret.length} characters) on line 1`,
        },
      ]);
    }
    const ok = await check(oneText('PR body', 'hunter2 is in here'), { secretValues: ['hunter2'] });
    expect(ok.ok).toBe(true);
  });

  test('a given token is reported as the secret, not a second time as a pattern', async () => {
    const token = CANARIES['GitHub token'];
    const given = { secretValues: [{ name: 'GITHUB_TOKEN', value: token }] };
    const refusals = refusalsOf(await check(oneText('PR body', token), given));
    expect(refusals.map((r) => r.rule)).toEqual(['secret-value']);
  });
});

describe('mentions', () => {
  const names = (n: number) => Array.from({ length: n }, (_, i) => `@user${i}`).join(' ');

  test('more than 10 distinct mentions in one text is refused', async () => {
    const refusals = refusalsOf(await check(oneText('review finding 2 body', `ping ${names(11)}`)));
    expect(refusals).toEqual([
      {
        rule: 'mention-flood',
        where: 'review finding 2 body',
        detail: '11 distinct @mentions, more than the 10 allowed in one text',
      },
    ]);
  });

  test('10, repeats, and mentions in code are not a flood; they are neutralised', async () => {
    const text = `${names(10)} @USER1 @user1\n\`@Override\` \`@Test\`\n\`\`\`\n@a @b @c @d @e @f @g @h @i @j @k\n\`\`\``;
    const result = await check(oneText('PR body', text));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.texts.body.text.startsWith(`@${Z}user0 @${Z}user1`)).toBe(true);
    const lower = await check(oneText('PR body', names(4)), { maxMentions: 3 });
    expect(refusalsOf(lower)[0]?.rule).toBe('mention-flood');
  });
});

describe('all or nothing', () => {
  test('one bad text among good ones: no texts, only the refusal', async () => {
    const result = await check({
      texts: {
        title: { label: 'PR title', text: 'Fine' },
        finding: { label: 'review finding 1 body', text: `key ${CANARIES['AWS access key id']}` },
      },
    });
    expect(result).toEqual({
      ok: false,
      refusals: [
        { rule: 'credential', where: 'review finding 1 body', detail: 'AWS access key id AKIA…(20 chars) on line 1' },
      ],
      stats: { patchBytes: 0, files: 0 },
    });
  });
});

describe('keyed texts', () => {
  test('each text comes back under its own key, also when two share a label; a refusal names the label', async () => {
    const texts = {
      'comment 0': { label: 'review comment 1 (src/a.ts:3)', text: 'Use @alice here' },
      'comment 1': { label: 'review comment 1 (src/a.ts:3)', text: 'Plain' },
      prTitle: { label: 'PR title', text: 'One\nline' },
    };
    const result = await check({ texts });
    if (!result.ok) throw new Error(formatRefusals(result.refusals));
    expect(Object.keys(result.texts)).toEqual(['comment 0', 'comment 1', 'prTitle']);
    expect(result.texts['comment 0'].text).toBe(`Use @${Z}alice here`);
    expect(result.texts['comment 1'].text).toBe('Plain');
    expect(result.texts.prTitle.text).toBe('One line');
    const leaked = { ...texts, 'comment 1': { ...texts['comment 1'], text: CANARIES['GitHub token'] } };
    const refusals = refusalsOf(await check({ texts: leaked }));
    expect(refusals.map((r) => [r.rule, r.where])).toEqual([['credential', 'review comment 1 (src/a.ts:3)']]);
  });
});

describe('formatRefusals', () => {
  test('one refusal: rule, where, what, and that nothing was written, then what to do', () => {
    const message = formatRefusals([
      { rule: 'patch-size', where: 'the change', detail: '2 bytes of patch, more than 1' },
    ]);
    expect(message.split('\n')[0]).toBe(
      'publish refused: rule patch-size, in the change: 2 bytes of patch, more than 1; nothing was written.',
    );
    expect(message).toContain('raise `limits.max-patch-bytes`');
  });

  test('several: a line each; names cannot ping, link or start a workflow command', () => {
    const message = formatRefusals([
      { rule: 'protected-path', where: 'task api: x\n::add-mask::@bob', detail: 'see https://evil.example' },
      { rule: 'mention-flood', where: 'PR body', detail: '11 distinct @mentions' },
    ]);
    const lines = message.split('\n');
    expect(lines[0]).toBe('publish refused (2 problems); nothing was written:');
    expect(lines[1]).toBe(
      `- rule protected-path, in task api: x\\u000a::add-mask::@${Z}bob: see https${Z}://evil.example`,
    );
    expect(lines.some((l) => l.startsWith('::'))).toBe(false);
    expect(message).toContain('- mention-flood: ');
  });
});
