/**
 * The gates of `ensemble run` (`pipeline/gates.ts` decides where a run waits; this is who answers
 * locally). The planning agent's questions are answered from `--answers FILE`, then at the
 * terminal when there is one; a plan that waits for approval is approved ahead with `--approve`,
 * or at the prompt (approve, revise, stop). Without a terminal (`--json`, a pipe, CI) the run
 * never blocks: it ends waiting, and says how to continue.
 */
import type { ModelMessage } from 'ai';
import { stringify } from 'yaml';
import { ARTIFACTS } from '../../artifacts/names.ts';
import type { RunDirectory } from '../../artifacts/run-directory.ts';
import type { CheckpointDocument } from '../../contracts/checkpoint.ts';
import type { Answer, Approval, Question } from '../../contracts/gate.ts';
import type { PlanBody, PlanDocument } from '../../contracts/plan.ts';
import type { RunGateResult, RunGateRound, RunWaiting } from '../../contracts/run-result.ts';
import type { CheckpointOrigin, PlanGate } from '../../pipeline/gates.ts';
import type { Reporter } from '../../stages/context.ts';
import { clip } from '../../util/text.ts';
import { type AnswersFile, answersFromFile, type FileUse, MAX_ANSWER_CHARS } from './answers-file.ts';
import { type GateTerminal, type LineIo, printable } from './terminal.ts';

export interface LocalGateOptions {
  /** Who answers and approves: the git user name of the checkout, or `local`. */
  person: string;
  answers: AnswersFile | null;
  /** `--approve`: the plan is approved before it is made. */
  approve: boolean;
  /** The person at the terminal; null when the run must not block on input. */
  terminal: GateTerminal | null;
  runDir: RunDirectory;
  reporter: Reporter;
  now?: () => Date;
}

/** What the gates did in a run, for its result. */
export interface GateOutcome {
  gate: RunGateResult;
  waiting: RunWaiting | null;
  /** Why the run ended without a plan when the person stopped it at the prompt; null otherwise. */
  stopped: string | null;
}

/** The revisions a gate record holds at most (`GateRecord`). */
const MAX_REVISIONS = 20;

export class LocalGates {
  private readonly options: LocalGateOptions;
  private readonly now: () => Date;
  private readonly rounds: RunGateRound[] = [];
  /** The answer given to each question id (from the file or typed), for the answers file of a waiting run. */
  private readonly given = new Map<string, string>();
  private readonly fileUse: FileUse = { textUsed: false, given: new Set() };
  private readonly approvedAhead: Approval | null;
  private revisions = 0;
  private stopped: string | null = null;

  constructor(options: LocalGateOptions) {
    this.options = options;
    this.now = options.now ?? (() => new Date());
    this.approvedAhead = options.approve ? this.approval() : null;
  }

  /** How the plan step starts: a fresh plan, approved ahead with `--approve`. */
  firstGate(): PlanGate {
    return { kind: 'fresh', preApproved: this.approvedAhead };
  }

  /** The scheduler's `onWait`: the gate to continue with, or null to end the run (waiting, or stopped). */
  async onWait(checkpoint: CheckpointDocument, conversation: ModelMessage[] | null): Promise<PlanGate | null> {
    const origin: CheckpointOrigin = { runId: checkpoint.run.runId, commit: null };
    if (checkpoint.waitingFor === 'answers') {
      const answers = await this.answer(checkpoint);
      if (answers.length === 0) return null;
      return { kind: 'answers', checkpoint, origin, conversation, answers, preApproved: this.approvedAhead };
    }
    const { terminal } = this.options;
    if (terminal === null || checkpoint.plan === null) return null;
    const where = this.options.runDir.artifactPath(ARTIFACTS.plan, 'checkpoint.json');
    const revisable = this.revisions < MAX_REVISIONS;
    const choice = await terminal.converse((io) => askApproval(io, checkpoint.plan as PlanBody, where, revisable));
    switch (choice.kind) {
      case 'approve':
        return { kind: 'approve', checkpoint, origin, approval: this.approval() };
      case 'revise': {
        this.revisions++;
        const revision = { by: this.options.person, at: this.now().toISOString(), instructions: choice.instructions };
        return { kind: 'revise', checkpoint, origin, conversation, revision };
      }
      case 'stop':
        this.stop(checkpoint);
        return null;
      case 'end':
        return null;
    }
  }

  /** The answers to the last round of `checkpoint`: from the file, then typed; none leaves the run waiting. */
  private async answer(checkpoint: CheckpointDocument): Promise<Answer[]> {
    const questions = checkpoint.gate.rounds.at(-1)?.questions ?? [];
    const round: RunGateRound = { asked: questions.map((q) => q.id), answered: [], unanswered: [], unmatched: [] };
    this.rounds.push(round);
    const byId = new Map<string, string>();
    let other: string | null = null;
    const file = this.options.answers;
    if (file !== null) {
      const fromFile = answersFromFile(file, questions, this.fileUse);
      round.unmatched = fromFile.unmatched;
      other = fromFile.other;
      for (const id of fromFile.answered) {
        round.answered.push({ id, via: 'file' });
        if (file.kind === 'mapping') this.given.set(id, file.answers.get(id) as string);
      }
      for (const [id, text] of fromFile.byId) byId.set(id, text);
      if (fromFile.answered.length > 0) {
        this.options.reporter.info(
          `answered ${fromFile.answered.length} of ${questions.length} of the planning agent's questions ` +
            `from ${file.file}`,
        );
      }
    }
    const open = questions.filter((q) => !round.answered.some((a) => a.id === q.id));
    const { terminal } = this.options;
    if (open.length > 0 && terminal !== null) {
      const typed = await terminal.converse((io) => askQuestions(io, open, questions.length - open.length));
      for (const [id, text] of typed) {
        round.answered.push({ id, via: 'terminal' });
        this.given.set(id, text);
        byId.set(id, `[${id}] ${text}`);
      }
    }
    round.answered.sort((a, b) => round.asked.indexOf(a.id) - round.asked.indexOf(b.id));
    round.unanswered = round.asked.filter((id) => !round.answered.some((a) => a.id === id));
    // In the order asked, then what the file said beyond the questions.
    const texts = [...questions.flatMap((q) => byId.get(q.id) ?? []), ...(other === null ? [] : [other])];
    if (texts.length > 0 && round.unanswered.length > 0) {
      this.options.reporter.warn(
        `no answer to ${round.unanswered.join(', ')}: the planning agent plans without ` +
          (round.unanswered.length === 1 ? 'it' : 'them'),
      );
    }
    const at = this.now().toISOString();
    return texts.map((text) => ({ by: this.options.person, at, text, via: 'local', commentId: null }));
  }

  private approval(): Approval {
    return { by: this.options.person, at: this.now().toISOString(), via: 'local' };
  }

  /** The person stopped the run at the prompt: the checkpoint says so, and the run ends without a plan. */
  private stop(checkpoint: CheckpointDocument): void {
    const at = this.now().toISOString();
    const stopped: CheckpointDocument = {
      ...checkpoint,
      status: 'stopped',
      settled: { by: this.options.person, at, runId: checkpoint.run.runId },
    };
    this.options.runDir.writeDocument(ARTIFACTS.plan, 'checkpoint.json', stopped);
    this.stopped =
      `stopped at the approval prompt by ${this.options.person}: ` + 'the plan was not approved, so nothing was coded';
  }

  /** What the gates did, once the pipeline has returned: its plan, or the checkpoint it waits on. */
  outcome(final: { plan: PlanDocument | null; waiting: CheckpointDocument | null }): GateOutcome {
    const approval = final.plan?.gate?.approval ?? null;
    const gate: RunGateResult = {
      rounds: this.rounds,
      revisions: this.revisions,
      approval: approval ? { by: approval.by, ahead: this.approvedAhead !== null } : null,
    };
    if (this.stopped !== null || final.waiting === null) return { gate, waiting: null, stopped: this.stopped };
    return { gate, waiting: this.waiting(final.waiting), stopped: null };
  }

  private waiting(checkpoint: CheckpointDocument): RunWaiting {
    const where = this.options.runDir.artifactPath(ARTIFACTS.plan, 'checkpoint.json');
    const answersFile = checkpoint.gate.rounds.length > 0 ? this.writeAnswersTemplate(checkpoint) : null;
    const orTerminal =
      this.options.terminal === null ? '; or run it in a terminal, without --json, to answer at the prompt' : '';
    if (checkpoint.waitingFor === 'answers') {
      return {
        waitingFor: 'answers',
        questions: checkpoint.gate.rounds.at(-1)?.questions ?? [],
        plan: null,
        checkpoint: where,
        answersFile,
        next:
          `write the answers in ${answersFile}, then run the same \`ensemble run\` command again with ` +
          `\`--answers ${answersFile}\` (in place of any --answers given)${orTerminal}`,
      };
    }
    const plan = checkpoint.plan as PlanBody;
    const withAnswers = answersFile ? ` --answers ${answersFile}` : '';
    const atPrompt =
      this.options.terminal === null
        ? '; or run it in a terminal, without --json, to approve, revise or stop at the prompt'
        : '';
    return {
      waitingFor: 'approval',
      questions: [],
      plan: { summary: clip(plan.summary, 2_000), tasks: plan.tasks.map((t) => ({ id: t.id, title: t.title })) },
      checkpoint: where,
      answersFile,
      next:
        `read the plan in ${where}; to go ahead, run the same \`ensemble run\` command again with ` +
        `\`--approve${withAnswers}\`: the planning agent plans anew and that plan is coded without waiting, ` +
        `so it may differ from this one${atPrompt}`,
    };
  }

  /**
   * `answers.yml` in the run directory: every question asked so far with the answer given to it,
   * to fill in and pass with `--answers` when the run is started again.
   */
  private writeAnswersTemplate(checkpoint: CheckpointDocument): string {
    const lines = [
      `# Answers to the planning agent's questions (ensemble run ${this.options.runDir.runId}).`,
      '# Write each answer after its id, then run the same `ensemble run` command again with',
      '# --answers <this file>. A question left empty stays unanswered.',
    ];
    if (this.fileUse.textUsed && this.options.answers) {
      lines.push(`# The first round was answered with the whole text of ${this.options.answers.file}.`);
    }
    const written = new Set<string>();
    checkpoint.gate.rounds.forEach((round, i) => {
      lines.push('', `# Round ${i + 1}`);
      for (const q of round.questions) {
        if (written.has(q.id)) continue;
        written.add(q.id);
        lines.push('', ...comment(q.question), ...comment(`why: ${q.why}`));
        if (q.options.length > 0) lines.push(...comment(`options: ${q.options.join(' | ')}`));
        lines.push(stringify({ [q.id]: this.given.get(q.id) ?? '' }, { lineWidth: 0 }).trimEnd());
      }
    });
    return this.options.runDir.writeRunFile('answers.yml', `${lines.join('\n')}\n`);
  }
}

const comment = (text: string) =>
  printable(text)
    .split(/[\n\u0085\u2028\u2029]/)
    .map((line) => `# ${line}`);

/** `text` indented under a numbered line. */
const indented = (text: string, indent: string) => printable(text).replace(/\n/g, `\n${indent}`);

/**
 * Asks each question, one line per answer: a number picks one of the options, an empty line skips
 * the question, the end of input (Ctrl-D) skips the rest. Returns the answers typed, by id.
 */
export async function askQuestions(
  io: LineIo,
  questions: readonly Question[],
  answeredFromFile: number,
): Promise<Map<string, string>> {
  const count = questions.length === 1 ? '1 question' : `${questions.length} questions`;
  const more = answeredFromFile > 0 ? ` more (the answers file answered ${answeredFromFile})` : '';
  io.write(
    `\nThe planning agent asks ${count}${more} before it plans.\n` +
      'Answer each on one line (a number picks an option); an empty line skips a question, Ctrl-D skips the rest.\n',
  );
  const typed = new Map<string, string>();
  for (const [i, q] of questions.entries()) {
    io.write(`\n${i + 1}. [${q.id}] ${indented(q.question, '   ')}\n   why: ${indented(q.why, '   ')}\n`);
    q.options.forEach((option, j) => {
      io.write(`   ${j + 1}) ${indented(option, '      ')}\n`);
    });
    const line = await io.readLine('> ');
    if (line === null) break;
    const answer = line.trim();
    if (answer === '') continue;
    const picked = /^[0-9]+$/.test(answer) ? q.options[Number(answer) - 1] : undefined;
    typed.set(q.id, clip(picked ?? answer, MAX_ANSWER_CHARS));
  }
  return typed;
}

export type ApprovalChoice =
  | { kind: 'approve' }
  | { kind: 'revise'; instructions: string }
  | { kind: 'stop' }
  /** The input ended (Ctrl-D): the run ends waiting for approval. */
  | { kind: 'end' };

/** Shows the plan and asks for approval; `r` asks what should change (one line). */
export async function askApproval(
  io: LineIo,
  plan: PlanBody,
  where: string,
  revisable = true,
): Promise<ApprovalChoice> {
  io.write(describePlan(plan, where));
  for (;;) {
    const line = await io.readLine('Approve this plan? [y]es, [r]evise, [s]top: ');
    if (line === null) return { kind: 'end' };
    const word = line.trim().toLowerCase();
    if (word === 'y' || word === 'yes') return { kind: 'approve' };
    if (word === 's' || word === 'stop') return { kind: 'stop' };
    if (word === 'r' || word === 'revise') {
      if (!revisable) {
        io.write(`The plan was revised ${MAX_REVISIONS} times already: approve it or stop.\n`);
        continue;
      }
      const instructions = await io.readLine('What should change? (one line): ');
      if (instructions === null) return { kind: 'end' };
      if (instructions.trim() !== '')
        return { kind: 'revise', instructions: clip(instructions.trim(), MAX_ANSWER_CHARS) };
      io.write('Nothing to change was given.\n');
      continue;
    }
    io.write('Type y to approve the plan, r to have it made again with your changes, or s to stop the run.\n');
  }
}

function describePlan(plan: PlanBody, where: string): string {
  const width = Math.max(...plan.tasks.map((t) => t.id.length));
  const tasks = plan.tasks.map((t, i) => {
    const after = t.dependsOn.length > 0 ? ` (after ${t.dependsOn.join(', ')})` : '';
    return `    ${i + 1}. ${t.id.padEnd(width)}  ${printable(t.title)}${after}`;
  });
  const risks = plan.risks.slice(0, 5).map((r) => `    - ${indented(clip(r, 300), '      ')}`);
  return [
    '',
    `The plan waits for your approval before any code is written (in full: ${where}):`,
    '',
    `  ${indented(clip(plan.summary, 1_500), '  ')}`,
    '',
    '  tasks:',
    ...tasks,
    ...(risks.length > 0 ? ['  risks:', ...risks] : []),
    '',
    '',
  ].join('\n');
}
