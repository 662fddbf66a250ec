import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ARTIFACTS } from '../../../../src/artifacts/names.ts';
import { RunDirectory } from '../../../../src/artifacts/run-directory.ts';
import { CheckpointDocument } from '../../../../src/contracts/checkpoint.ts';
import { RunResult } from '../../../../src/contracts/run-result.ts';
import { readAnswersFile } from '../../../../src/runtime/local/answers-file.ts';
import { formatSummary } from '../../../../src/runtime/local/cli-run.ts';
import { type LocalGateOptions, LocalGates } from '../../../../src/runtime/local/gates.ts';
import { runResult } from '../../../../src/runtime/local/run-result.ts';
import type { GateTerminal } from '../../../../src/runtime/local/terminal.ts';
import type { Reporter } from '../../../../src/stages/context.ts';
import { validCheckpoint, validPlan, validQuestion } from '../../../support/documents.ts';

const NOW = new Date('2026-12-05T11:00:00.000Z');

/** A person at a terminal who types `lines` in turn, then ends the input (Ctrl-D). */
function typing(lines: string[]) {
  const state = { output: '', exchanges: 0 };
  const terminal: GateTerminal = {
    async converse(talk) {
      state.exchanges++;
      return talk({
        write: (text) => {
          state.output += text;
        },
        readLine: async (prompt) => {
          state.output += prompt;
          return lines.shift() ?? null;
        },
      });
    },
  };
  return { terminal, state };
}

function gates(overrides: Partial<LocalGateOptions> = {}) {
  const runDir = RunDirectory.at(mkdtempSync(join(tmpdir(), 'ensemble-gates-')));
  const said: string[] = [];
  const reporter: Reporter = {
    info: (m) => said.push(m),
    warn: (m) => said.push(`warning: ${m}`),
    event: () => {},
  };
  const local = new LocalGates({
    person: 'Ada Lovelace',
    answers: null,
    approve: false,
    terminal: null,
    runDir,
    reporter,
    now: () => NOW,
    ...overrides,
  });
  return { local, runDir, said };
}

const twoQuestions = () =>
  validCheckpoint({
    gate: {
      ...validCheckpoint().gate,
      rounds: [
        {
          ...(validCheckpoint().gate.rounds[0] as CheckpointDocument['gate']['rounds'][number]),
          questions: [validQuestion(), validQuestion({ id: 'sort', question: 'Sorted by what?', options: [] })],
        },
      ],
    },
  });

const { schema: _s, run: _r, usage: _u, request: _q, gate: _g, ...PLAN_BODY } = validPlan();
const awaitingApproval = () =>
  validCheckpoint({ waitingFor: 'approval', plan: PLAN_BODY, gate: { ...validCheckpoint().gate, rounds: [] } });

function answersFile(name: string, text: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'ensemble-answers-')), name);
  writeFileSync(path, text);
  return readAnswersFile(path, name);
}

describe('the questions, answered locally', () => {
  test('with nobody to ask and no answers file, the run ends waiting, with a file of the questions to fill in', async () => {
    const { local, runDir } = gates();
    const checkpoint = twoQuestions();
    expect(await local.onWait(checkpoint, null)).toBeNull();
    const { waiting, gate, stopped } = local.outcome({ plan: null, waiting: checkpoint });
    expect(stopped).toBeNull();
    expect(gate.rounds).toEqual([
      { asked: ['page-size', 'sort'], answered: [], unanswered: ['page-size', 'sort'], unmatched: [] },
    ]);
    expect(waiting).toMatchObject({
      waitingFor: 'answers',
      questions: checkpoint.gate.rounds[0]?.questions,
      plan: null,
      checkpoint: runDir.artifactPath(ARTIFACTS.plan, 'checkpoint.json'),
      answersFile: join(runDir.dir, 'answers.yml'),
    });
    expect(waiting?.next).toContain(`--answers ${join(runDir.dir, 'answers.yml')}`);
    expect(waiting?.next).toContain('or run it in a terminal');
    const template = readFileSync(join(runDir.dir, 'answers.yml'), 'utf8');
    expect(parseYaml(template)).toEqual({ 'page-size': '', sort: '' });
    expect(template).toContain('# How many widgets should one page of GET /widgets hold by default?\n');
    expect(template).toContain('# options: 20 | 50 | 100\n');
  });

  test('the answers file answers what it can, the terminal is asked the rest; the answers come in the order asked', async () => {
    const answers = answersFile('a.yml', 'page-size: "50"\n');
    const { terminal, state } = typing(['by name']);
    const { local, said } = gates({ answers, terminal, approve: true });
    const gate = await local.onWait(twoQuestions(), [{ role: 'user', content: 'Plan it.' }]);
    expect(gate).toMatchObject({
      kind: 'answers',
      origin: { runId: twoQuestions().run.runId, commit: null },
      conversation: [{ role: 'user', content: 'Plan it.' }],
      preApproved: { by: 'Ada Lovelace', via: 'local', at: NOW.toISOString() },
    });
    expect(gate?.kind === 'answers' && gate.answers).toEqual([
      { by: 'Ada Lovelace', at: NOW.toISOString(), text: '[page-size] 50', via: 'local', commentId: null },
      { by: 'Ada Lovelace', at: NOW.toISOString(), text: '[sort] by name', via: 'local', commentId: null },
    ]);
    // Only the question the file left open was asked.
    expect(state.output).toContain('The planning agent asks 1 question more (the answers file answered 1)');
    expect(state.output).toContain('1. [sort] Sorted by what?');
    expect(state.output).not.toContain('page-size');
    expect(said).toEqual(["answered 1 of 2 of the planning agent's questions from a.yml"]);
    expect(local.outcome({ plan: null, waiting: null }).gate.rounds).toEqual([
      {
        asked: ['page-size', 'sort'],
        answered: [
          { id: 'page-size', via: 'file' },
          { id: 'sort', via: 'terminal' },
        ],
        unanswered: [],
        unmatched: [],
      },
    ]);
  });

  test('at the terminal a number picks an option, an empty line skips; nothing typed leaves the run waiting', async () => {
    const picked = typing(['2', '']);
    const { local, said } = gates({ terminal: picked.terminal });
    const gate = await local.onWait(twoQuestions(), null);
    expect(gate?.kind === 'answers' && gate.answers.map((a) => a.text)).toEqual(['[page-size] 50']);
    expect(said).toEqual(['warning: no answer to sort: the planning agent plans without it']);

    const silent = typing([]);
    const nobody = gates({ terminal: silent.terminal });
    expect(await nobody.local.onWait(twoQuestions(), null)).toBeNull();
    expect(nobody.local.outcome({ plan: null, waiting: twoQuestions() }).waiting?.next).not.toContain(
      'run it in a terminal',
    );
  });

  test('text a model wrote reaches the terminal without control characters', async () => {
    const { terminal, state } = typing(['']);
    const { local } = gates({ terminal });
    const checkpoint = twoQuestions();
    const question = checkpoint.gate.rounds[0]?.questions[0];
    if (question) question.question = 'Clear the screen?\u001b[2J\u001b]0;pwned\u0007 Or not?';
    await local.onWait(checkpoint, null);
    expect(state.output).toContain('1. [page-size] Clear the screen?[2J]0;pwned Or not?');
    expect(state.output).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });
});

describe('the plan, approved locally', () => {
  test('y approves it as the person at the terminal', async () => {
    const { terminal, state } = typing(['y']);
    const { local } = gates({ terminal });
    const gate = await local.onWait(awaitingApproval(), null);
    expect(gate).toMatchObject({ kind: 'approve', approval: { by: 'Ada Lovelace', via: 'local' } });
    expect(state.output).toContain('The plan waits for your approval before any code is written');
    expect(state.output).toContain('Approve this plan? [y]es, [r]evise, [s]top: ');
  });

  test('r asks what should change and sends it as a revision; an empty change asks again', async () => {
    const { terminal, state } = typing(['r', '  ', 'r', 'One task only.']);
    const { local } = gates({ terminal });
    const gate = await local.onWait(awaitingApproval(), [{ role: 'user', content: 'Plan it.' }]);
    expect(gate).toMatchObject({
      kind: 'revise',
      conversation: [{ role: 'user', content: 'Plan it.' }],
      revision: { by: 'Ada Lovelace', at: NOW.toISOString(), instructions: 'One task only.' },
    });
    expect(state.output).toContain('Nothing to change was given.');
    expect(local.outcome({ plan: null, waiting: null }).gate.revisions).toBe(1);
  });

  test('s stops the run: the checkpoint says who stopped it, and the run is not reported as waiting', async () => {
    const { terminal } = typing(['s']);
    const { local, runDir } = gates({ terminal });
    const checkpoint = awaitingApproval();
    expect(await local.onWait(checkpoint, null)).toBeNull();
    const outcome = local.outcome({ plan: null, waiting: checkpoint });
    expect(outcome.waiting).toBeNull();
    expect(outcome.stopped).toBe(
      'stopped at the approval prompt by Ada Lovelace: the plan was not approved, so nothing was coded',
    );
    const written = CheckpointDocument.parse(
      JSON.parse(readFileSync(runDir.artifactPath(ARTIFACTS.plan, 'checkpoint.json'), 'utf8')),
    );
    expect(written).toMatchObject({
      status: 'stopped',
      settled: { by: 'Ada Lovelace', at: NOW.toISOString(), runId: checkpoint.run.runId },
    });
  });

  test('the end of input leaves the plan waiting; without a terminal nothing is asked', async () => {
    const ended = gates({ terminal: typing([]).terminal });
    expect(await ended.local.onWait(awaitingApproval(), null)).toBeNull();
    const { waiting } = ended.local.outcome({ plan: null, waiting: awaitingApproval() });
    expect(waiting).toMatchObject({ waitingFor: 'approval', questions: [], answersFile: null });
    expect(waiting?.plan?.tasks).toEqual(PLAN_BODY.tasks.map((t) => ({ id: t.id, title: t.title })));
    expect(waiting?.next).toContain('`--approve`');

    const none = gates();
    expect(await none.local.onWait(awaitingApproval(), null)).toBeNull();
  });

  test('--approve approves the plan before it is made: the first gate carries it', () => {
    const { local } = gates({ approve: true });
    expect(local.firstGate()).toEqual({
      kind: 'fresh',
      preApproved: { by: 'Ada Lovelace', at: NOW.toISOString(), via: 'local' },
    });
    expect(gates().local.firstGate()).toEqual({ kind: 'fresh', preApproved: null });
  });
});

describe('a waiting run, as ensemble run reports it', () => {
  test('exit 4, the questions and how to continue; never "done" or green', async () => {
    const { local, runDir } = gates();
    const checkpoint = twoQuestions();
    await local.onWait(checkpoint, null);
    const { gate, waiting } = local.outcome({ plan: null, waiting: checkpoint });
    const result = runResult({
      runId: 'r1',
      runDir: runDir.dir,
      stages: new Set(['plan', 'code', 'test', 'review', 'docs', 'publish']),
      rows: [{ stage: 'plan', status: 'skipped', durationMs: 900, tokens: 10, costUsd: null, detail: 'waiting' }],
      planTasks: [],
      tasks: [],
      test: null,
      review: null,
      blockOn: 'high',
      docs: null,
      changeEmpty: true,
      branch: null,
      prFile: null,
      reviewFile: null,
      error: null,
      gate,
      waiting,
    });
    expect(RunResult.parse(result)).toEqual(result);
    expect(result).toMatchObject({ outcome: 'waiting', exitCode: 4, error: 'the run waits for answers' });
    expect(result.stages).toEqual([expect.objectContaining({ stage: 'plan', status: 'waiting', result: 'waiting' })]);
    expect(result.problems).toEqual([
      'the planning agent asked 2 questions and waits for the answers: page-size, sort',
    ]);
    expect(result.verdict).toMatch(
      /^WAITING \(exit 4\): no branch: the planning agent asked 2 questions .*To continue: write/,
    );
    const text = formatSummary(result);
    expect(text).toContain('branch:        none (the run waits for answers)');
    expect(text).toContain(
      'waiting for answers:\n' +
        '  1. [page-size] How many widgets should one page of GET /widgets hold by default?\n' +
        '     why: The handler and its tests are written around the default page size.\n' +
        '     options: 20 | 50 | 100\n' +
        '  2. [sort] Sorted by what?\n',
    );
    expect(text).toContain(`  to continue:  write the answers in ${join(runDir.dir, 'answers.yml')}`);
    expect(text).not.toContain('not green:');
    expect(text).not.toMatch(/\bdone\b/);
  });
});
