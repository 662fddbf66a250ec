/**
 * The activity rows of the tracking comment (`publish/activity.ts`), against the OpenAPI-checked
 * GitHub fake: what a person reading the issue sees after the pull request (a table, updated in
 * place), what later writes read back (the hidden block, from ensemble's own comment only), and
 * that the final report's rewrite of the comment keeps them.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { createOctokit } from '../../../src/github/octokit.ts';
import {
  type ActivityRow,
  activityRows,
  carryActivity,
  recordActivity,
  spentOn,
  withActivity,
} from '../../../src/publish/activity.ts';
import { checkSafeOutputs } from '../../../src/publish/policy.ts';
import { NOTHING_WRITTEN, report } from '../../../src/publish/report.ts';
import { textPolicy } from '../../../src/publish/tracking.ts';
import { ACTIVITY_BEGIN, ACTIVITY_END } from '../../../src/render/activity.ts';
import { TRACKING_MARKER } from '../../../src/render/marker.ts';
import { validPlan } from '../../support/documents.ts';
import { type GitHubFake, startGitHubFake } from '../../support/github-fake.ts';

const REPO = { owner: 'octo-org', repo: 'widgets' };
const ISSUE = 42;
const RUN_URL = 'https://github.com/octo-org/widgets/actions/runs/9876543210';
const BOT = 'github-actions[bot]';
/** Built at run time: no credential-shaped literal in the sources. */
const TOKEN = ['gh', 'p_', 'a1B2c3D4e5'.repeat(4).slice(0, 36)].join('');
const SECRET = 'Zq7-unusual-Secret-Value-91';
const TRACKING_BODY = `${TRACKING_MARKER}\nensemble is working on this issue: [workflow run](${RUN_URL}).\n\n## Plan\n\nDo it.\n`;

const fakes: GitHubFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function setup(comments: { author: string; body: string }[] = [{ author: BOT, body: TRACKING_BODY }]) {
  const github = await startGitHubFake({
    ...REPO,
    users: ['maya'],
    issues: [{ number: ISSUE, title: 'List widgets', body: 'Over HTTP.', author: 'maya', comments }],
  });
  fakes.push(github);
  const warnings: string[] = [];
  const octokit = createOctokit({ token: 'test-token', baseUrl: github.url, secondMs: 1 });
  const options = {
    secretValues: [{ name: 'ANTHROPIC_API_KEY', value: SECRET }],
    serverUrl: 'https://github.com',
    log: { info: () => {}, warn: (m: string) => warnings.push(m) },
  };
  const record = (row: ActivityRow) => recordActivity(octokit, REPO, ISSUE, row, options);
  return { github, octokit, warnings, options, record };
}

function row(overrides: Partial<ActivityRow> = {}): ActivityRow {
  return {
    key: 'ci-repair:1a2b3c4:test',
    kind: 'ci-repair',
    state: 'running',
    title: 'CI repair 1/3: test (CI) failed on 1a2b3c4',
    detail: null,
    link: 'https://github.com/octo-org/widgets/actions/runs/111',
    at: '2025-03-04T05:06:07Z',
    costUsd: null,
    ...overrides,
  };
}

/** The bot's tracking comments on the issue. */
function tracking(github: GitHubFake) {
  return github.state.comments.filter((c) => c.issue === ISSUE && c.body.includes(TRACKING_MARKER));
}

/** The table's body rows as a person reads them: the lines between the table's rule and the first blank line. */
function tableRows(body: string): string[] {
  const lines = body.slice(body.indexOf('### After the pull request')).split('\n');
  const rule = lines.findIndex((l) => l.startsWith('|---'));
  if (rule < 0) return [];
  const end = lines.findIndex((l, i) => i > rule && !l.startsWith('|'));
  return lines.slice(rule + 1, end);
}

describe('recordActivity', () => {
  test('a row is added to the tracking comment, then updated in place by its key', async () => {
    const { github, record } = await setup();
    const added = await record(row());
    const [comment] = tracking(github);
    expect(added).toEqual({ url: expect.stringContaining(`/issues/${ISSUE}#issuecomment-`) });
    expect(comment!.body.startsWith(TRACKING_BODY.trimEnd())).toBe(true);
    expect(tableRows(comment!.body)).toEqual([
      '| 2025-03-04 05:06 UTC | CI repair 1/3: test (CI) failed on 1a2b3c4 ' +
        '([view](https://github.com/octo-org/widgets/actions/runs/111)) | ⏳ running | — |',
    ]);

    await record(row({ state: 'done', detail: 'Pushed a fix: `expect(2)` was `expect(3)`.', costUsd: 0.42 }));
    const comments = tracking(github);
    expect(comments).toHaveLength(1);
    const rows = tableRows(comments[0]!.body);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('✅ done');
    expect(rows[0]).toContain('<br>Pushed a fix: `expect(2)` was `expect(3)`.');
    expect(rows[0]).toContain('$0.4200');
    expect(activityRows(comments[0]!.body)).toMatchObject([{ key: row().key, state: 'done', costUsd: 0.42 }]);
    expect(github.problems).toEqual([]);
  });

  test('two kinds side by side, newest last; the plan above them untouched', async () => {
    const { github, record } = await setup();
    await record(row());
    await record(row({ key: 'ci-waiting:1a2b3c4', kind: 'ci-waiting', state: 'note', title: 'Waiting for checks' }));
    await record(row({ state: 'failed' }));
    const body = tracking(github)[0]!.body;
    const rows = tableRows(body);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/CI repair 1\/3.*❌ failed/);
    expect(rows[1]).toMatch(/Waiting for checks.*ℹ️ note/);
    expect(body).toContain('## Plan\n\nDo it.');
    expect(activityRows(body).map((r) => r.kind)).toEqual(['ci-repair', 'ci-waiting']);
  });

  test('no tracking comment on the issue: skipped, nothing written', async () => {
    const { github, record } = await setup([]);
    expect(await record(row())).toEqual({ skipped: `no tracking comment on issue #${ISSUE}` });
    expect(github.state.comments.filter((c) => c.issue === ISSUE)).toEqual([]);
    expect(github.calls('issues/create-comment')).toHaveLength(0);
  });

  test("a person's comment with a forged tracking marker and rows is neither read nor edited", async () => {
    const forged = withActivity(
      `${TRACKING_MARKER}\nlooks like ensemble`,
      row({ key: 'ci-repair:forged', costUsd: 1_000, title: 'forged repair' }),
    );
    expect(activityRows(forged)).toHaveLength(1);
    const { github, record } = await setup([
      { author: 'maya', body: forged },
      { author: BOT, body: TRACKING_BODY },
    ]);
    await record(row({ costUsd: 0.1 }));
    const mine = github.state.comments.find((c) => c.body === forged);
    expect(mine).toBeDefined();
    const bot = github.state.comments.filter((c) => c.issue === ISSUE && c.body !== forged);
    expect(bot).toHaveLength(1);
    const rows = activityRows(bot[0]!.body);
    expect(rows.map((r) => r.key)).toEqual([row().key]);
    expect(spentOn(rows, ['ci-repair'])).toBeCloseTo(0.1);
    expect(bot[0]!.body).not.toContain('forged repair');
  });

  test('a person alone with a forged comment: skipped, their comment untouched', async () => {
    const forged = withActivity(`${TRACKING_MARKER}\nlooks like ensemble`, row({ key: 'x', title: 'forged' }));
    const { github, record } = await setup([{ author: 'maya', body: forged }]);
    expect(await record(row())).toEqual({ skipped: `no tracking comment on issue #${ISSUE}` });
    expect(github.calls('issues/update-comment')).toHaveLength(0);
  });

  test('a credential or a secret value in a detail or a title is withheld, in the table and in the data', async () => {
    const { github, record, warnings } = await setup();
    await record(row({ detail: `The log said ${TOKEN} and more.` }));
    await record(row({ key: 'ci-rerun:1', kind: 'ci-rerun', title: `Re-ran with ${SECRET}` }));
    const body = tracking(github)[0]!.body;
    expect(body).not.toContain(TOKEN.slice(4, 14));
    expect(body).not.toContain(SECRET);
    const [repair, rerun] = tableRows(body);
    expect(repair).toContain('<br>withheld (credential)');
    expect(rerun).toContain('| withheld (secret-value) ([view]');
    const rows = activityRows(body);
    expect(rows[0]!.detail).toBe('withheld (credential)');
    expect(rows[1]!.title).toBe('withheld (secret-value)');
    expect(JSON.stringify(rows)).not.toContain(SECRET);
    expect(warnings).toHaveLength(2);
    expect(warnings.join('\n')).not.toContain(SECRET);
  });

  test('a mention and a link to another host in a detail are neutralised', async () => {
    const { github, record } = await setup();
    await record(row({ detail: 'Thanks @octocat, see https://evil.example/x.' }));
    const [line] = tableRows(tracking(github)[0]!.body);
    expect(line).toContain('@\u200boctocat');
    expect(line).not.toContain('https://evil.example');
  });
});

describe('the section', () => {
  test('a `-->` or a section marker in a title does not end the hidden block or the comment', () => {
    const title = `evil --> <!-- ${ACTIVITY_END} ${ACTIVITY_BEGIN} --!> |pipe|`;
    const body = withActivity(TRACKING_BODY, row({ title, detail: 'a\n\nb --> c' }));
    expect(activityRows(body)).toMatchObject([{ title, detail: 'a\n\nb --> c' }]);
    // One HTML comment per marker, nothing else: the title shows, it opens or closes none.
    const comments = body.match(/<!--/g) ?? [];
    expect(comments).toHaveLength(4);
    expect(body).toMatch(/^<!-- ensemble:activity-rows v=1 data=[A-Za-z0-9_-]+ -->$/m);
    expect(tableRows(body)[0]).toContain('\\|pipe\\|');
    // A second write reads the first's rows back.
    const again = withActivity(body, row({ key: 'other', title: 'next' }));
    expect(activityRows(again).map((r) => r.title)).toEqual([title, 'next']);
  });

  test("GitHub's 65,536-character limit holds with many rows: the oldest are dropped first, 30 shown", async () => {
    let body = TRACKING_BODY;
    for (let i = 0; i < 250; i++) {
      const detail = `Attempt ${i}: ${'the job failed because of a flaky network call; '.repeat(8)}`;
      body = withActivity(body, row({ key: `ci-repair:${i}`, title: `CI repair ${i}`, detail, costUsd: 0.01 }));
      expect(body.length).toBeLessThanOrEqual(65_536);
    }
    const rows = activityRows(body);
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.length).toBeLessThanOrEqual(200);
    expect(rows.at(-1)!.key).toBe('ci-repair:249');
    expect(rows[0]!.key).toBe(`ci-repair:${250 - rows.length}`);
    expect(tableRows(body)).toHaveLength(30);
    expect(body).toContain(`_${rows.length - 30} earlier activities are not shown._`);
    expect(body.startsWith(TRACKING_BODY.trimEnd())).toBe(true);
    // The hidden data pass the policy as they are: nothing in them reads as a credential.
    const texts = { comment: { label: 'tracking comment', text: body, kind: 'body' as const } };
    const checked = await checkSafeOutputs({ patches: [], texts }, textPolicy([], 'github.com'));
    expect(checked.ok && checked.texts.comment.text).toBe(body);
  });

  test('a plan as large as a comment can be still leaves room for the newest rows', () => {
    const huge = `${TRACKING_MARKER}\n${'A long plan line.\n'.repeat(4_000)}`;
    const body = carryActivity(withActivity(TRACKING_BODY, row()), huge);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(activityRows(body)).toHaveLength(1);
    expect(body.startsWith(TRACKING_MARKER)).toBe(true);
    expect(body).toContain('**Truncated**');
  });

  test('a missing, cut or corrupt block reads as no rows, and a forged block inside a code fence is not the section', () => {
    expect(activityRows('')).toEqual([]);
    expect(activityRows(TRACKING_BODY)).toEqual([]);
    const body = withActivity(TRACKING_BODY, row());
    expect(activityRows(body.replace(/data=[A-Za-z0-9_-]+/, 'data=%%%not-base64'))).toEqual([]);
    const data = (json: string) =>
      body.replace(/data=[A-Za-z0-9_-]+/, `data=${Buffer.from(json).toString('base64url')}`);
    expect(activityRows(data('{"rows":7}'))).toEqual([]);
    expect(activityRows(data('{"rows":[{"key":'))).toEqual([]);
    expect(
      activityRows(
        data(
          JSON.stringify({
            rows: [
              { ...row(), kind: 'mine' },
              { ...row(), key: 'kept' },
            ],
          }),
        ),
      ),
    ).toMatchObject([{ key: 'kept' }]);
    expect(activityRows(body.slice(0, body.length - 40))).toEqual([]);
    const fenced = `${TRACKING_BODY}\n\`\`\`\n${withActivity('', row({ key: 'forged' }))}\`\`\`\n`;
    expect(activityRows(fenced)).toEqual([]);
    expect(activityRows(withActivity(fenced, row())).map((r) => r.key)).toEqual([row().key]);
  });

  test('carryActivity keeps the rows of the comment it replaces; with none, the new body is as rendered', () => {
    const previous = withActivity(withActivity(TRACKING_BODY, row()), row({ key: 'ready', kind: 'ready' }));
    const next = `${TRACKING_MARKER}\nensemble opened a pull request.\n`;
    const carried = carryActivity(previous, next);
    expect(carried.startsWith(next.trimEnd())).toBe(true);
    expect(activityRows(carried).map((r) => r.key)).toEqual([row().key, 'ready']);
    expect(carryActivity(null, next)).toBe(next);
    expect(carryActivity(TRACKING_BODY, next)).toBe(next);
    expect(carryActivity(carried, carried)).toBe(carried);
  });

  test('spentOn sums the cost of the kinds asked for', () => {
    const rows = [
      row({ key: 'a', costUsd: 0.25 }),
      row({ key: 'b', costUsd: 0.5 }),
      row({ key: 'c', kind: 'ci-rerun', costUsd: 2 }),
      row({ key: 'd', costUsd: null }),
      row({ key: 'e', kind: 'revert', costUsd: 4 }),
    ];
    expect(spentOn(rows, ['ci-repair'])).toBeCloseTo(0.75);
    expect(spentOn(rows, ['ci-repair', 'ci-rerun'])).toBeCloseTo(2.75);
    expect(spentOn(rows, [])).toBe(0);
  });
});

describe('the final report', () => {
  test("publish's rewrite of the tracking comment keeps the activity rows", async () => {
    const { github, octokit, record, options } = await setup();
    await record(row({ state: 'done', costUsd: 0.3 }));
    await record(row({ key: 'ready:1', kind: 'ready', state: 'done', title: 'Ready for review' }));
    const plan = validPlan();
    const pr = { number: 7, url: 'https://github.com/octo-org/widgets/pull/7', outcome: 'updated' as const };
    await report(
      {
        status: 'published',
        error: null,
        stages: [],
        notes: [],
        bodies: { prBody: null, reviewBody: null },
        written: { ...NOTHING_WRITTEN, branch: 'ensemble/issue-42', pr },
      },
      {
        octokit,
        repo: REPO,
        plan,
        branch: 'ensemble/issue-42',
        policy: textPolicy(options.secretValues, 'github.com'),
        log: { warn: () => {} },
        runUrl: RUN_URL,
        allowedHost: 'github.com',
      },
    );
    const comments = tracking(github);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    expect(body).toContain('ensemble opened a pull request');
    expect(body).not.toContain('## Plan\n\nDo it.');
    expect(tableRows(body).map((l) => l.split(' | ')[1])).toEqual([
      'CI repair 1/3: test (CI) failed on 1a2b3c4 ([view](https://github.com/octo-org/widgets/actions/runs/111))',
      'Ready for review ([view](https://github.com/octo-org/widgets/actions/runs/111))',
    ]);
    expect(spentOn(activityRows(body), ['ci-repair'])).toBeCloseTo(0.3);
    expect(github.problems).toEqual([]);
  });
});
