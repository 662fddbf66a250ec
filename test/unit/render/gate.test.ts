import { describe, expect, test } from 'vitest';
import type { Answer, CheckpointDocument, GateRecord, PlanBody } from '../../../src/contracts/index.ts';
import {
  renderGateRecord,
  renderSettledGate,
  renderWaitingGate,
  splitFences,
  TRACKING_MARKER,
} from '../../../src/render/index.ts';
import { validCheckpoint, validPlan, validQuestion } from '../../support/documents.ts';

const Z = '\u200b';
const HOSTILE =
  'Fixes #1 @maintainers ping @octo-org/admins <script>alert(1)</script> <!-- ensemble:tracking --> ' +
  '[login](https://evil.example) www.evil.example';

/** No mention, foreign link, raw HTML, comment or closing keyword survives outside fenced code. */
function expectNeutralised(markdown: string) {
  const prose = splitFences(markdown)
    .segments.filter((s) => !s.code)
    .map((s) => s.text)
    .join('');
  expect(prose).not.toMatch(/(?<![A-Za-z0-9_])@[A-Za-z0-9]/);
  expect(prose).not.toMatch(/https?:\/\/(?!github\.com)/i);
  expect(prose).not.toMatch(/www\.evil/i);
  expect(prose).not.toMatch(/<(script|img|details open)/i);
  expect(prose).not.toMatch(/<!--/);
  expect(prose).not.toMatch(/fixes #/i);
}

function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    by: 'alice',
    at: '2026-12-05T11:30:00Z',
    text: '50 per page, and allow ?limit= up to 100.',
    via: 'comment',
    commentId: 1001,
    ...overrides,
  };
}

/** The plan body of `validPlan()`, as a checkpoint waiting for approval carries it. */
function planBody(): PlanBody {
  const { summary, tasks, testStrategy, risks } = validPlan();
  return { summary, tasks, testStrategy, risks };
}

/** A checkpoint in its second round: the first round asked about auth and was answered. */
function secondRound(): CheckpointDocument {
  const checkpoint = validCheckpoint();
  checkpoint.gate.rounds = [
    {
      askedAt: '2026-12-04T09:00:00Z',
      findings: 'The router lives in src/routes.',
      questions: [validQuestion({ id: 'auth', question: 'Must GET /widgets require a token?', options: [] })],
      answers: [answer({ text: 'No, it is public.', at: '2026-12-04T10:15:00Z' })],
    },
    ...checkpoint.gate.rounds,
  ];
  return checkpoint;
}

function approvalCheckpoint(gate: Partial<GateRecord> = {}): CheckpointDocument {
  const base = validCheckpoint();
  return validCheckpoint({ waitingFor: 'approval', plan: planBody(), gate: { ...base.gate, ...gate } });
}

describe('renderWaitingGate: waiting for answers', () => {
  test('says what it waits for, that no code was written, the findings, and each question with why and options', () => {
    const checkpoint = validCheckpoint();
    checkpoint.gate.rounds[0]!.questions.push(
      validQuestion({ id: 'sort', question: 'In which order are widgets listed?', why: 'Paging needs an order.' }),
    );
    const md = renderWaitingGate(checkpoint, { label: null });
    expect(
      md.startsWith('## ensemble has questions before it plans\n\n**Waiting for:** answers to 2 questions\n'),
    ).toBe(true);
    expect(md).toContain('No code has been written.');
    expect(md).toContain(
      '<details>\n<summary>What the planner found so far</summary>\n\n' +
        'Widgets are listed in src/routes/widgets.ts without paging.\n\n</details>',
    );
    expect(md).toContain(
      '1. **How many widgets should one page of GET /widgets hold by default?** (`page-size`)\n' +
        '   - Why: The handler and its tests are written around the default page size.\n' +
        '   - Options:\n     - 20\n     - 50\n     - 100\n' +
        '2. **In which order are widgets listed?** (`sort`)\n   - Why: Paging needs an order.',
    );
    expect(md).not.toContain('Earlier questions');
  });

  test('how to continue: a comment or /ensemble answer, /ensemble stop, and the label when given', () => {
    const md = renderWaitingGate(validCheckpoint(), { label: 'ensemble:needs-info' });
    expect(md).toContain('### How to continue');
    expect(md).toContain('**Answer in a comment on this issue**');
    expect(md).toContain('Anyone with write access can answer, and every comment of theirs');
    expect(md).toContain('`/ensemble answer <your answers>`');
    expect(md).toContain('`/ensemble stop` abandons this request');
    expect(md).toContain('The label `ensemble:needs-info` is on this issue while ensemble waits for answers.');
    expect(md.indexOf('### Question')).toBeLessThan(md.indexOf('### How to continue'));
    expect(renderWaitingGate(validCheckpoint(), { label: null })).not.toContain('label');
  });

  test('asks only the last round; earlier rounds are collapsed with their answers', () => {
    const md = renderWaitingGate(secondRound(), { label: null });
    expect(md).toContain('**Waiting for:** answers to 1 question');
    expect(md).toContain('This is round 2 of questions.');
    const [current, earlier] = md.split('<summary>Earlier questions and answers (1 round)</summary>');
    expect(current).toContain('(`page-size`)');
    expect(current).not.toContain('Must GET /widgets require a token?');
    expect(earlier).toContain('**Round 1**, asked 2026-12-04 09:00 UTC:');
    expect(earlier).toContain('1. **Must GET /widgets require a token?** (`auth`)');
    expect(earlier).toContain(`@${Z}alice answered in a comment, 2026-12-04 10:15 UTC:\n\n> No, it is public.`);
    expect(earlier!.indexOf('</details>')).toBeLessThan(earlier!.indexOf('### How to continue'));
  });

  test('questions, findings and answers cannot mention, link away, run HTML, hide text or forge a marker', () => {
    const checkpoint = secondRound();
    checkpoint.gate.rounds[0]!.answers = [answer({ text: HOSTILE }), answer({ by: 'bob', text: `> ${HOSTILE}` })];
    checkpoint.gate.rounds[1] = {
      askedAt: '2026-12-05T10:00:00Z',
      findings: HOSTILE,
      questions: [validQuestion({ question: HOSTILE, why: HOSTILE, options: [HOSTILE, 'a | b'] })],
      answers: [],
    };
    const md = renderWaitingGate(checkpoint, { label: 'ensemble:needs-info' });
    expectNeutralised(md);
    expect(md).toContain(`@${Z}maintainers`);
    expect(md).toContain(`<${Z}script>`);
    expect(md).toContain(`https${Z}://evil.example`);
    expect(md).toContain('     - a \\| b');
    expect(`${TRACKING_MARKER}\n${md}`.match(/<!-- ensemble:/g)).toHaveLength(1);
  });

  test('a long answer is quoted cut, and the comment stays within its limit', () => {
    const checkpoint = secondRound();
    checkpoint.gate.rounds[0]!.answers = Array.from({ length: 50 }, (_, i) =>
      answer({ text: `answer ${i} ${'x'.repeat(19_000)}` }),
    );
    const md = renderWaitingGate(checkpoint, { label: null });
    expect(md).toContain('(cut here)');
    expect(md.length).toBeLessThanOrEqual(65_536);
    expect(splitFences(md).open).toBeNull();
    expect(md.match(/<details>/g)?.length).toBe(md.match(/<\/details>/g)?.length);
  });
});

describe('renderWaitingGate: waiting for approval', () => {
  test('the plan, then the exact commands for people with write access', () => {
    const md = renderWaitingGate(approvalCheckpoint(), { label: 'ensemble:needs-info' });
    expect(md.startsWith('## The plan waits for approval\n\n**Waiting for:** approval of the plan\n')).toBe(true);
    expect(md).toContain('### Plan\n\nAdd a paginated /widgets endpoint and document it.\n\n#### Tasks (2)');
    expect(md).toContain('- [ ] **Add the /widgets endpoint** (`api`)');
    expect(md).toContain('#### Test strategy');
    expect(md).toContain('Only people with write access can continue.');
    expect(md).toContain('- `/ensemble approve`: ensemble codes exactly this plan.');
    expect(md).toContain('- `/ensemble revise <what to change>`: ensemble plans again with your instructions');
    expect(md).toContain('- `/ensemble stop`: abandons this plan');
    expect(md).not.toContain('/ensemble answer');
    expect(md).not.toContain('ensemble:needs-info');
  });

  test('the stage table: the plan step waits, nothing after it started, no pull request yet', () => {
    const approval = renderWaitingGate(approvalCheckpoint(), { label: null });
    expect(approval).toContain('| plan | ⏸️ waiting for approval of the plan |');
    expect(approval).toContain('| code · test · review · docs | not started |');
    expect(approval).toContain('| publish | no pull request yet: the checkpoint is kept for the next run |');
    const answers = renderWaitingGate(validCheckpoint(), { label: null });
    expect(answers).toContain('| plan | ⏸️ waiting for answers to 1 question |');
  });

  test('earlier questions with their answers, and the revisions asked, come with the plan', () => {
    const gate = secondRound().gate;
    gate.rounds[1]!.answers = [answer({ by: 'carol', text: '20', via: 'command' })];
    gate.revisions = [{ by: 'dave', at: '2026-12-05T13:00:00Z', instructions: `Split the docs task. ${HOSTILE}` }];
    const md = renderWaitingGate(approvalCheckpoint(gate), { label: null });
    expect(md).toContain('<summary>Questions and answers before this plan (2 rounds)</summary>');
    expect(md).toContain(`@${Z}alice answered in a comment, 2026-12-04 10:15 UTC:\n\n> No, it is public.`);
    expect(md).toContain(`@${Z}carol answered with \`/ensemble answer\`, 2026-12-05 11:30 UTC:\n\n> 20`);
    expect(md).toContain(`### Revisions asked\n\n@${Z}dave asked for a revision, 2026-12-05 13:00 UTC:`);
    expect(md).toContain('> Split the docs task.');
    expectNeutralised(md);
  });
});

describe('renderGateRecord', () => {
  test('names the approver, how and when, with every round of questions and its answers', () => {
    const gate = secondRound().gate;
    gate.rounds[1]!.answers = [answer({ by: 'carol', text: 'Take @erin’s advice: 20. <!-- hidden -->' })];
    const md = renderGateRecord({
      ...gate,
      approval: { by: 'maintainer-1', at: '2026-12-06T08:00:00Z', via: 'comment' },
      resumedFrom: { runId: '555-1', commit: 'abcdef0123456789abcdef0123456789abcdef01' },
    });
    expect(md.startsWith('## Questions and approval\n\n')).toBe(true);
    expect(md).toContain(`✅ **Plan approved by @${Z}maintainer-1** via comment at 2026-12-06 08:00 UTC.`);
    expect(md).toContain('### Questions and answers');
    expect(md).toContain('**Round 1**, asked 2026-12-04 09:00 UTC:');
    expect(md).toContain('**Round 2**, asked 2026-12-05 10:00 UTC:');
    expect(md).toContain(`@${Z}carol answered in a comment, 2026-12-05 11:30 UTC:\n\n> Take @${Z}erin’s advice: 20.`);
    expect(md).toContain('run `555-1` left (`abcdef012345`)');
    expectNeutralised(md);
  });

  test('revisions with who asked and their instructions quoted; an approval at the terminal', () => {
    const md = renderGateRecord({
      rounds: [],
      revisions: [{ by: 'dave', at: '2026-12-05T13:00:00Z', instructions: 'Split the docs task.\nKeep it small.' }],
      approval: { by: 'local', at: '2026-12-06T08:00:00Z', via: 'local' },
      resumedFrom: null,
    });
    expect(md.startsWith('## Revisions and approval\n\n')).toBe(true);
    expect(md).toContain('✅ **Plan approved by someone at the terminal** at 2026-12-06 08:00 UTC.');
    expect(md).toContain(
      `### Revisions asked\n\n@${Z}dave asked for a revision, 2026-12-05 13:00 UTC:\n\n` +
        '> Split the docs task.\n> Keep it small.',
    );
    expect(md).not.toContain('Questions and answers');
  });

  test('a record with nothing in it, or none, renders nothing', () => {
    const empty: GateRecord = { rounds: [], revisions: [], approval: null, resumedFrom: null };
    expect(renderGateRecord(empty)).toBe('');
    expect(renderGateRecord({ ...empty, resumedFrom: { runId: '1-1', commit: 'a'.repeat(40) } })).toBe('');
    expect(renderGateRecord(null)).toBe('');
  });
});

describe('renderSettledGate', () => {
  test('stopped: who stopped it and that ensemble will not continue; what it asked stays, collapsed', () => {
    const settled = { status: 'stopped' as const, by: 'eve', at: '2026-12-06T09:00:00Z', runId: '777-1' };
    const md = renderSettledGate(secondRound(), settled);
    expect(md).toContain(
      `**Stopped by @${Z}eve** at 2026-12-06 09:00 UTC: ensemble will not continue this request. ` +
        'Label the issue again to start over.',
    );
    expect(md).toContain('<summary>What ensemble asked (2 rounds)</summary>');
    expect(md).toContain('Must GET /widgets require a token?');
    expect(renderSettledGate(approvalCheckpoint(), settled)).toContain('ensemble will not continue this plan.');
    expect(renderSettledGate(approvalCheckpoint(), settled)).toContain('<summary>The plan that waited</summary>');
  });

  test('resumed: who resumed it and the run that continues', () => {
    const settled = { status: 'resumed' as const, by: 'frank', at: '2026-12-06T09:00:00Z', runId: '778-1' };
    const md = renderSettledGate(validCheckpoint(), settled);
    expect(md).toContain(`**Resumed by @${Z}frank** at 2026-12-06 09:00 UTC: run \`778-1\` continues from here`);
    expect(md).not.toContain('Stopped');
  });
});
