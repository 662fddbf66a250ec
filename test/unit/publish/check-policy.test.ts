/**
 * `checkPolicy`: the safe-output policy on everything publish composed, the model's own texts and
 * every patch, the task commits' included. Either every text comes back sanitised in its own
 * place, or nothing does and the refusals say why.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { buildChange, type Change } from '../../../src/publish/build-change.ts';
import { checkPolicy } from '../../../src/publish/check-policy.ts';
import { composeTexts, type PublishTexts } from '../../../src/publish/compose-texts.ts';
import { defaultPublishProtectedPaths, type SafeOutputsOptions, type TextInput } from '../../../src/publish/policy.ts';
import { isolateGit } from '../../support/git-fixture.ts';
import { createStepInputs, defaultTasks, type StepInputs } from '../../support/publish-fixtures.ts';

const Z = '\u200b';
/** Built at run time: no credential-shaped literal in the sources. */
const TOKEN = ['gh', 'p_', 'a1B2c3D4e5'.repeat(4).slice(0, 36)].join('');

const POLICY: SafeOutputsOptions = {
  protectedPaths: defaultPublishProtectedPaths(),
  maxPatchBytes: 1_000_000,
  maxFiles: 300,
  secretValues: [],
  allowedHost: 'github.com',
};

interface Prepared {
  inputs: StepInputs;
  change: Change;
  texts: PublishTexts<TextInput>;
}

async function prepare(spec: Parameters<typeof createStepInputs>[0] = {}): Promise<Prepared> {
  const inputs = await createStepInputs(spec);
  const { origin, artifacts } = inputs;
  const change = await buildChange({ repoDir: origin, artifacts, changePatch: artifacts.changePatch });
  if (!change.ok) throw new Error(change.stop.error);
  const runUrl = 'https://github.com/octo-org/textkit/actions/runs/4242';
  const texts = composeTexts({ artifacts, change, blockOn: 'high', runUrl, allowedHost: 'github.com' });
  return { inputs, change, texts };
}

function check({ inputs, change, texts }: Prepared) {
  const { artifacts, origin } = inputs;
  const { changePatch } = artifacts;
  return checkPolicy({ texts, artifacts, changePatch, sequence: change.sequence, repoDir: origin, policy: POLICY });
}

beforeAll(isolateGit);

describe('checkPolicy', () => {
  test('every text comes back sanitised in its own place: each commit message with its own commit', async () => {
    const tasks = defaultTasks();
    tasks[0]!.commitMessage = 'Add maxLength, thanks @alice (see https://evil.example/x)';
    const prepared = await prepare({ tasks });
    const title = { ...prepared.texts.prTitle, text: 'Slugs for @octocat\nand sentences' };
    const result = await check({ ...prepared, texts: { ...prepared.texts, prTitle: title } });
    if (!result.ok) throw new Error(result.stop.error);

    const [first, second] = prepared.change.sequence.commits;
    expect(result.texts.commitMessages).toEqual([
      { sha: first!.sha, message: `Add maxLength, thanks @${Z}alice (see https${Z}://evil.example/x)` },
      { sha: second!.sha, message: 'Add countSentences' },
    ]);
    expect(result.texts.prTitle).toBe(`Slugs for @${Z}octocat and sentences`);
    // Rendered text was safe already: it comes back as it was, each in its place.
    expect(result.texts.prBody).toBe(prepared.texts.prBody.text);
    const review = prepared.texts.review!;
    expect(result.texts.review).toEqual({
      fingerprint: review.fingerprint,
      event: review.event,
      body: review.body.text,
      commentBody: review.commentBody.text,
      unplacedBody: review.unplacedBody.text,
      unplacedCommentBody: review.unplacedCommentBody.text,
      comments: review.comments.map((c) => ({ ...c, body: c.body.text })),
    });
  }, 60_000);

  test("a mention flood in a task's summary, neutralised in the PR body, is refused by the summary label", async () => {
    const tasks = defaultTasks();
    const names = Array.from({ length: 11 }, (_, i) => `@user${i}`).join(' ');
    tasks[1]!.summary = `Added countSentences; thanks ${names}.`;
    const result = await check(await prepare({ tasks }));
    if (result.ok) throw new Error('expected a refusal');
    const detail = '11 distinct @mentions, more than the 10 allowed in one text';
    expect(result.refusals).toEqual([{ rule: 'mention-flood', where: 'summary of task count-sentences', detail }]);
    expect(result.stop.status).toBe('refused');
    expect(result.stop.error).toMatch(/^publish refused: rule mention-flood, in summary of task count-sentences: 11/);
    expect(result).not.toHaveProperty('texts');
  }, 60_000);

  test("a credential a task commit adds and the change drops is refused: the branch's history keeps it", async () => {
    const tasks = defaultTasks();
    tasks[0]!.files['notes.txt'] = `token: ${TOKEN}\n`;
    const prepared = await prepare({ tasks, tests: { 'test/index.test.js': 'ok\n', 'notes.txt': null } });
    expect(prepared.inputs.artifacts.changePatch).not.toContain('notes.txt');
    const result = await check(prepared);
    if (result.ok) throw new Error('expected a refusal');
    const where = 'commit of task slugify-max-length: notes.txt';
    expect(result.refusals.map((r) => [r.rule, r.where])).toEqual([['credential', where]]);
  }, 60_000);
});
