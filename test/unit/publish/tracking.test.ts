/**
 * `postPlanTrackingComment`: the plan job's comment on the issue, against the OpenAPI-checked
 * GitHub fake. The plan is posted through the safe-output policy, and left out when it carries a
 * credential or a secret value.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { createOctokit } from '../../../src/github/octokit.ts';
import { activityRows, recordActivity } from '../../../src/publish/activity.ts';
import { postPlanTrackingComment, trackingBody } from '../../../src/publish/tracking.ts';
import { TRACKING_MARKER } from '../../../src/render/marker.ts';
import { validPlan, validPlanTask } from '../../support/documents.ts';
import { type GitHubFake, startGitHubFake } from '../../support/github-fake.ts';

const REPO = { owner: 'octo-org', repo: 'widgets' };
const ISSUE = 42;
const RUN_URL = 'https://github.com/octo-org/widgets/actions/runs/9876543210';
/** Built at run time: no credential-shaped literal in the sources. */
const TOKEN = ['gh', 'p_', 'a1B2c3D4e5'.repeat(4).slice(0, 36)].join('');
const SECRET = 'Zq7-unusual-Secret-Value-91';

const fakes: GitHubFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

/** The fake with the issue, and every option of `postPlanTrackingComment` but the plan. */
async function setup() {
  const github = await startGitHubFake({
    ...REPO,
    issues: [{ number: ISSUE, title: 'List widgets', body: 'Over HTTP.', author: 'octocat', labels: ['ensemble'] }],
  });
  fakes.push(github);
  const warnings: string[] = [];
  const options = {
    octokit: createOctokit({ token: 'test-token', baseUrl: github.url, secondMs: 1 }),
    repo: REPO,
    issue: ISSUE,
    runUrl: RUN_URL,
    secretValues: [{ name: 'ANTHROPIC_API_KEY', value: SECRET }],
    serverUrl: 'https://github.com',
    log: { info: () => {}, warn: (m: string) => warnings.push(m) },
  };
  return { github, warnings, options };
}

function commentsOn(github: GitHubFake) {
  return github.state.comments.filter((c) => c.issue === ISSUE);
}

describe('postPlanTrackingComment', () => {
  test('a plan is posted with the marker, the run link and the plan; posting again keeps the one comment', async () => {
    const { github, warnings, options } = await setup();
    const plan = validPlan({ summary: 'Add a paginated /widgets endpoint; thanks @octocat.' });
    const posted = await postPlanTrackingComment({ ...options, plan });
    const comments = commentsOn(github);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    const head = `${TRACKING_MARKER}\nensemble is working on this issue: [workflow run](${RUN_URL}).`;
    expect(body.startsWith(head)).toBe(true);
    // Rendered text passes the policy unchanged: the comment is what the renderer made.
    expect(body).toBe(trackingBody(plan, RUN_URL, 'github.com'));
    expect(body).toContain('Add a paginated /widgets endpoint');
    expect(body).not.toMatch(/(?<!\u200b)@octocat/);
    expect(body).toContain('Document the endpoint');
    expect(posted).toMatchObject({ id: comments[0]!.id, outcome: 'created', planWithheld: false, body });
    expect(warnings).toEqual([]);

    const again = await postPlanTrackingComment({ ...options, plan });
    expect(again).toMatchObject({ id: posted.id, outcome: 'unchanged' });
    expect(commentsOn(github)).toHaveLength(1);
    expect(github.problems).toEqual([]);
  });

  test("a token in the plan's summary never reaches the comment: the plan is withheld, the run linked", async () => {
    const { github, warnings, options } = await setup();
    const plan = validPlan({ summary: `Call the API with ${TOKEN} to list widgets.` });
    const posted = await postPlanTrackingComment({ ...options, plan });
    const body = commentsOn(github)[0]!.body;
    expect(body).not.toContain(TOKEN.slice(4, 12));
    expect(body).not.toContain('Document the endpoint');
    expect(body).toContain(TRACKING_MARKER);
    expect(body).toContain(`[workflow run](${RUN_URL})`);
    expect(body).toContain('withheld: it contains a credential or a secret value; see the run');
    expect(posted.planWithheld).toBe(true);
    expect(warnings).toHaveLength(1);
    const [warning] = warnings;
    expect(warning).toMatch(/^the plan is withheld from the tracking comment on issue #42: credential \(GitHub token/);
    expect(warning).not.toContain(TOKEN.slice(4, 12));
  });

  test("a secret value the job was given, in a task's title, never reaches the comment", async () => {
    const { github, warnings, options } = await setup();
    const plan = validPlan({ tasks: [validPlanTask({ title: `Read the key ${SECRET} from the vault` })] });
    const posted = await postPlanTrackingComment({ ...options, plan });
    const body = commentsOn(github)[0]!.body;
    expect(body).not.toContain(SECRET);
    expect(body).toContain('withheld: it contains a credential or a secret value; see the run');
    expect(posted.planWithheld).toBe(true);
    expect(warnings[0]).toContain('the value of secret "ANTHROPIC_API_KEY"');
    expect(warnings[0]).not.toContain(SECRET);
  });

  test('an existing tracking comment (a re-run) is updated in place, not added to', async () => {
    const { github, options } = await setup();
    await postPlanTrackingComment({ ...options, plan: validPlan({ summary: `Leaked ${TOKEN}.` }) });
    const first = commentsOn(github)[0]!;
    const posted = await postPlanTrackingComment({ ...options, plan: validPlan() });
    expect(posted).toMatchObject({ id: first.id, outcome: 'updated', planWithheld: false });
    expect(commentsOn(github)).toHaveLength(1);
    expect(commentsOn(github)[0]!.body).toContain('Document the endpoint');
  });

  test('a re-render of the plan keeps the activity rows recorded after the pull request', async () => {
    const { github, options } = await setup();
    await postPlanTrackingComment({ ...options, plan: validPlan() });
    const row = {
      key: 'ci-repair:1a2b3c4:test',
      kind: 'ci-repair' as const,
      state: 'done' as const,
      title: 'CI repair 1/3: test (CI) failed on 1a2b3c4',
      detail: 'Pushed a fix.',
      link: null,
      at: '2025-03-04T05:06:07Z',
      costUsd: 0.42,
    };
    await recordActivity(options.octokit, REPO, ISSUE, row, options);
    const posted = await postPlanTrackingComment({ ...options, plan: validPlan({ summary: 'A revised plan.' }) });
    const body = commentsOn(github)[0]!.body;
    expect(body).toContain('A revised plan.');
    expect(body).toContain('| CI repair 1/3: test (CI) failed on 1a2b3c4<br>Pushed a fix. | ✅ done | $0.4200 |');
    expect(activityRows(body)).toMatchObject([{ key: row.key, state: 'done', costUsd: 0.42 }]);
    expect(posted.body).toBe(body);

    // Also when the plan is withheld: the rows are ensemble's own, checked when they were recorded.
    await postPlanTrackingComment({ ...options, plan: validPlan({ summary: `Leaked ${TOKEN}.` }) });
    const withheld = commentsOn(github)[0]!.body;
    expect(withheld).not.toContain('A revised plan.');
    expect(activityRows(withheld)).toMatchObject([{ key: row.key }]);
    expect(commentsOn(github)).toHaveLength(1);
  });
});
