/**
 * The gates in Markdown: what a waiting run shows on the issue (the planner's questions, or its plan
 * awaiting approval, and the exact commands that continue it), what a settled checkpoint says, and
 * the record of questions, answers, revisions and the approval that the pull request body and the
 * tracking comment carry. The caller adds the tracking comment's marker.
 *
 * Questions and findings are model text, answers and revision instructions people's text: all of it
 * goes through the context. Logins are shown as `@login` with the mention neutralised (as any
 * mention in untrusted text): the text names the person without notifying them on every edit of
 * the comment; the policy on what ensemble writes neutralises mentions anyway.
 */
import type { CheckpointDocument } from '../contracts/checkpoint.ts';
import type { GateRecord, Question, QuestionRound, Revision } from '../contracts/gate.ts';
import { clip } from '../util/text.ts';
import { type Ctx, finish, makeCtx, type RenderOptions } from './context.ts';
import { blocks, GITHUB_BODY_LIMIT, table } from './markdown.ts';
import { planSection } from './plan.ts';

/** Longest answer or revision request quoted; the rest stays in the issue comment it came from. */
const QUOTE_CHARS = 2_000;
/** Longest planner's findings shown with its questions; the rest is in the checkpoint. */
const FINDINGS_CHARS = 8_000;

export interface WaitingGateOptions extends RenderOptions {
  /** The label on the issue while ensemble waits for answers (`gates.needs-info-label`); null: none. */
  label: string | null;
}

export interface SettledGate {
  status: 'stopped' | 'resumed';
  /** Who stopped it, or whose answer or command resumed it. */
  by: string;
  at: string;
  /** The run that settled it. */
  runId: string;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `2026-12-05 10:00 UTC`; the text as it is when it is not a time. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A person: `@login` (mention neutralised), or who answered at the terminal (`local`: no name). */
function person(by: string, ctx: Ctx, local = by === 'local'): string {
  if (!local) return ctx.inline(`@${by}`);
  return by === 'local' ? 'someone at the terminal' : `${ctx.inline(by)} at the terminal`;
}

/** Untrusted text as a block quote, cut at `QUOTE_CHARS`. */
function quote(text: string, ctx: Ctx): string {
  const trimmed = text.trim();
  if (trimmed === '') return '> _(empty)_';
  const cut = trimmed.length > QUOTE_CHARS ? `${clip(trimmed, QUOTE_CHARS)}\n\n(cut here)` : trimmed;
  return ctx
    .block(cut)
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** The numbered questions, each with why it matters and the options the planner sees. */
function questionList(questions: readonly Question[], ctx: Ctx): string {
  return questions
    .map((q, i) => {
      const lines = [`${i + 1}. **${ctx.inline(q.question)}** (${ctx.code(q.id)})`, `   - Why: ${ctx.inline(q.why)}`];
      if (q.options.length > 0) lines.push('   - Options:', ...q.options.map((o) => `     - ${ctx.inline(o)}`));
      return lines.join('\n');
    })
    .join('\n');
}

const VIA: Record<QuestionRound['answers'][number]['via'], string> = {
  comment: ' in a comment',
  command: ' with `/ensemble answer`',
  local: '',
};

/** A round: its questions, then each answer quoted under who gave it, how and when. */
function roundSection(round: QuestionRound, index: number, ctx: Ctx): string {
  const answers = round.answers.map((a) => {
    const who = person(a.by, ctx, a.via === 'local');
    return blocks(`${who} answered${VIA[a.via]}, ${formatTime(a.at)}:`, quote(a.text, ctx));
  });
  return blocks(
    `**Round ${index + 1}**, asked ${formatTime(round.askedAt)}:`,
    questionList(round.questions, ctx),
    answers.length > 0 ? blocks(...answers) : '_Not answered._',
  );
}

function revisionSection(revision: Revision, ctx: Ctx): string {
  return blocks(
    `${person(revision.by, ctx)} asked for a revision, ${formatTime(revision.at)}:`,
    quote(revision.instructions, ctx),
  );
}

function approvalLine(record: GateRecord, ctx: Ctx): string | null {
  const approval = record.approval;
  if (!approval) return null;
  const how = approval.via === 'local' ? '' : ' via comment';
  const who = person(approval.by, ctx, approval.via === 'local');
  return `✅ **Plan approved by ${who}**${how} at ${formatTime(approval.at)}.`;
}

/** Whether the record has anything to show: a question, a revision or an approval. */
export function hasGateContent(record: GateRecord | null | undefined): record is GateRecord {
  return !!record && (record.rounds.length > 0 || record.revisions.length > 0 || record.approval !== null);
}

/** `Questions and approval`, `Questions, revisions and approval`, `Approval`, …: what the record holds. */
function recordTitle(record: GateRecord): string {
  const parts = [
    record.rounds.length > 0 && 'questions',
    record.revisions.length > 0 && 'revisions',
    record.approval !== null && 'approval',
  ].filter((p): p is string => typeof p === 'string');
  const text = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The gates of a plan as a section under `ctx.heading(0, …)`: the approval (who, how, when), the
 * rounds of questions with their answers, the revisions asked, and the checkpoint resumed from;
 * null when the record holds no question, revision or approval.
 */
export function gateRecordSection(record: GateRecord | null | undefined, ctx: Ctx): string | null {
  if (!hasGateContent(record)) return null;
  const resumed = record.resumedFrom
    ? `ensemble resumed from the checkpoint that run ${ctx.code(record.resumedFrom.runId)} left ` +
      `(${ctx.code(record.resumedFrom.commit.slice(0, 12))}).`
    : null;
  return blocks(
    ctx.heading(0, recordTitle(record)),
    approvalLine(record, ctx),
    record.rounds.length > 0 && ctx.heading(1, 'Questions and answers'),
    ...record.rounds.map((round, i) => roundSection(round, i, ctx)),
    record.revisions.length > 0 && ctx.heading(1, 'Revisions asked'),
    ...record.revisions.map((revision) => revisionSection(revision, ctx)),
    resumed,
  );
}

/**
 * The gates of a plan for the pull request body or the tracking comment (see `gateRecordSection`):
 * an empty string when the record holds nothing. Capped at 65,536 characters unless `options.limit`
 * says otherwise.
 */
export function renderGateRecord(record: GateRecord | null | undefined, options: RenderOptions = {}): string {
  const section = gateRecordSection(record, makeCtx(options));
  return section === null ? '' : finish(section, options, GITHUB_BODY_LIMIT);
}

// ---------------------------------------------------------------------------------------------
// a run that waits

const STOP_ANSWERS = '`/ensemble stop` abandons this request: ensemble will not plan it.';
const KEEP_REQUEST =
  "Leave the issue's title and description as they are while ensemble waits: if they change, it cannot " +
  'continue from here.';

function waitingForAnswers(checkpoint: CheckpointDocument, options: WaitingGateOptions, ctx: Ctx): string {
  const rounds = checkpoint.gate.rounds;
  const last = rounds.at(-1);
  if (!last) throw new Error('a checkpoint waiting for answers has no round of questions');
  const earlier = rounds.slice(0, -1);
  const findings = last.findings.trim();
  const count = last.questions.length;
  return blocks(
    ctx.heading(0, 'ensemble has questions before it plans'),
    `**Waiting for:** answers to ${plural(count, 'question')}`,
    'The request leaves open what the repository cannot settle, so ensemble asks before it plans. ' +
      'No code has been written.' +
      (rounds.length > 1 ? ` This is round ${rounds.length} of questions.` : ''),
    findings !== '' &&
      blocks(
        '<details>\n<summary>What the planner found so far</summary>',
        ctx.block(clip(findings, FINDINGS_CHARS)),
        '</details>',
      ),
    ctx.heading(1, count === 1 ? 'Question' : 'Questions'),
    questionList(last.questions, ctx),
    earlier.length > 0 &&
      blocks(
        `<details>\n<summary>Earlier questions and answers (${plural(earlier.length, 'round')})</summary>`,
        ...earlier.map((round, i) => roundSection(round, i, ctx)),
        '</details>',
      ),
    revisionsBlock(checkpoint, ctx),
    ctx.heading(1, 'How to continue'),
    [
      '- **Answer in a comment on this issue**, in your own words; numbering your answers like the questions ' +
        'helps. Anyone with write access can answer, and every comment of theirs while ensemble waits counts ' +
        'as an answer. Or write `/ensemble answer <your answers>`.',
      `- ${STOP_ANSWERS}`,
      options.label !== null &&
        `- The label ${ctx.code(options.label)} is on this issue while ensemble waits for answers.`,
      `- ${KEEP_REQUEST}`,
    ]
      .filter((line): line is string => typeof line === 'string')
      .join('\n'),
  );
}

/** Revisions asked before, when there were any. */
function revisionsBlock(checkpoint: CheckpointDocument, ctx: Ctx): string | null {
  const revisions = checkpoint.gate.revisions;
  if (revisions.length === 0) return null;
  return blocks(ctx.heading(1, 'Revisions asked'), ...revisions.map((r) => revisionSection(r, ctx)));
}

function waitingForApproval(checkpoint: CheckpointDocument, options: WaitingGateOptions, ctx: Ctx): string {
  const plan = checkpoint.plan;
  if (!plan) throw new Error('a checkpoint waiting for approval has no plan');
  const rounds = checkpoint.gate.rounds;
  // The plan's own headings one level below "Plan".
  const planCtx = makeCtx(options, 3);
  return blocks(
    ctx.heading(0, 'The plan waits for approval'),
    '**Waiting for:** approval of the plan',
    'No code has been written: ensemble codes this plan once someone with write access approves it.',
    ctx.heading(1, 'Plan'),
    planSection(plan, planCtx),
    rounds.length > 0 &&
      blocks(
        `<details>\n<summary>Questions and answers before this plan (${plural(rounds.length, 'round')})</summary>`,
        ...rounds.map((round, i) => roundSection(round, i, ctx)),
        '</details>',
      ),
    revisionsBlock(checkpoint, ctx),
    ctx.heading(1, 'How to continue'),
    'Only people with write access can continue. Write one of these in a comment on this issue:',
    [
      '- `/ensemble approve`: ensemble codes exactly this plan.',
      '- `/ensemble revise <what to change>`: ensemble plans again with your instructions; the new plan waits ' +
        'for approval too.',
      '- `/ensemble stop`: abandons this plan; ensemble will not code it.',
    ].join('\n'),
    KEEP_REQUEST,
  );
}

/**
 * The Markdown of a run that waits (the tracking comment's content; the caller adds its marker):
 * one bold line saying what it waits for, then the last round of questions with the planner's
 * findings and the earlier rounds with their answers, or the plan awaiting approval, and the
 * exact commands that continue or stop it. Capped at 65,536 characters unless `options.limit` says
 * otherwise.
 */
export function renderWaitingGate(checkpoint: CheckpointDocument, options: WaitingGateOptions): string {
  const ctx = makeCtx(options);
  const body =
    checkpoint.waitingFor === 'answers'
      ? waitingForAnswers(checkpoint, options, ctx)
      : waitingForApproval(checkpoint, options, ctx);
  const run = ctx.code(checkpoint.run.runId);
  const footer = `<sub>ensemble run ${run} waits here; the next run continues from its checkpoint.</sub>`;
  return finish(blocks(body, stageTable(checkpoint, ctx), `---\n${footer}`), options, GITHUB_BODY_LIMIT);
}

/** Where the pipeline stands while it waits: the plan step waits, nothing after it started. */
function stageTable(checkpoint: CheckpointDocument, ctx: Ctx): string {
  const questions = checkpoint.gate.rounds.at(-1)?.questions.length ?? 0;
  const waits =
    checkpoint.waitingFor === 'answers'
      ? `⏸️ waiting for answers to ${plural(questions, 'question')}`
      : '⏸️ waiting for approval of the plan';
  return blocks(
    ctx.heading(1, 'Stages'),
    table(
      ['Stage', 'Status'],
      [
        ['plan', waits],
        ['code · test · review · docs', 'not started'],
        ['publish', 'no pull request yet: the checkpoint is kept for the next run'],
      ],
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// a checkpoint no longer waiting

/**
 * What a checkpoint came to: stopped by someone (nothing more happens until the issue is labelled
 * again), or resumed by someone's answer or command in another run. What it waited on (the
 * questions and answers, the plan) stays below, collapsed.
 */
export function renderSettledGate(
  checkpoint: CheckpointDocument,
  settled: SettledGate,
  options: RenderOptions = {},
): string {
  const ctx = makeCtx(options);
  const who = person(settled.by, ctx);
  const when = formatTime(settled.at);
  const run = ctx.code(settled.runId);
  const answers = checkpoint.waitingFor === 'answers';
  const head =
    settled.status === 'stopped'
      ? blocks(
          ctx.heading(0, 'ensemble stopped'),
          `**Stopped by ${who}** at ${when}: ensemble will not continue this ${answers ? 'request' : 'plan'}. ` +
            'Label the issue again to start over.',
        )
      : blocks(
          ctx.heading(0, 'ensemble continues'),
          `**Resumed by ${who}** at ${when}: run ${run} continues from here` +
            (answers ? ', planning with the answers.' : ', from the plan that waited.'),
        );
  const rounds = checkpoint.gate.rounds;
  const waited = blocks(
    ...rounds.map((round, i) => roundSection(round, i, ctx)),
    ...checkpoint.gate.revisions.map((r) => revisionSection(r, ctx)),
    checkpoint.plan && blocks(ctx.heading(1, 'Plan'), planSection(checkpoint.plan, makeCtx(options, 3))),
  );
  const summary = answers ? `What ensemble asked (${plural(rounds.length, 'round')})` : 'The plan that waited';
  return finish(
    blocks(head, waited !== '' && blocks(`<details>\n<summary>${summary}</summary>`, waited, '</details>')),
    options,
    GITHUB_BODY_LIMIT,
  );
}
