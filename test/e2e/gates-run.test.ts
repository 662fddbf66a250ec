/**
 * The gates in `ensemble run`: the planning agent's questions answered from `--answers FILE` or at
 * the terminal, a plan approved ahead (`--approve`) or at the prompt, and a run that ends waiting
 * when nobody can answer. The real CLI against the scripted model; the terminal is a stream.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, test } from 'vitest';
import { main } from '../../src/cli.ts';
import { RunResult } from '../../src/contracts/run-result.ts';
import { formatSummary } from '../../src/runtime/local/cli-run.ts';
import { DEMO_PROMPT, demoScript } from '../support/demo-model.ts';
import { artifact, demoRepo, GIT_ENV, git, readJson } from '../support/local-e2e.ts';
import { requireSandboxForTests } from '../support/sandbox-required.ts';
import {
  askingPlanner,
  type ScriptedModelServer,
  type ScriptedReply,
  type ScriptedRequest,
  startScriptedModel,
  untrustedBlocks,
} from '../support/scripted-model.ts';

const PERSON = 'Ada Lovelace';

const QUESTIONS = {
  findings: 'slugify lives in src/slugify.js and countWords in src/count.js; both are exported from src/index.js.',
  questions: [
    {
      id: 'cut',
      question: 'Should maxLength cut the slug after a whole word, or at exactly maxLength characters?',
      why: 'The slugify task cuts differently.',
      options: ['after a whole word', 'at exactly maxLength characters'],
    },
    {
      id: 'sentence-ends',
      question: 'Which characters end a sentence?',
      why: 'countSentences splits the text on them.',
      options: [],
    },
  ],
};

const isPlanner = (request: ScriptedRequest) => request.system.includes('You are the planning agent');

/** The demo's plan, as its planner submits it. */
function demoPlan(): Record<string, unknown> {
  const turn = { role: 'assistant' as const, text: '', toolCalls: [], toolResults: [] };
  const request = {
    system: 'You are the planning agent',
    messages: [turn, turn],
    tools: [],
  } as unknown as ScriptedRequest;
  return demoScript(request).toolCalls?.[0]?.args as Record<string, unknown>;
}

/** The demo's agents, with a planner that asks `rounds` first (and revises its plan when asked). */
function scriptWith(rounds: unknown[]): (request: ScriptedRequest) => ScriptedReply {
  const planner = askingPlanner({
    rounds,
    plan: demoScript,
    revise: (_request, instructions) => ({
      toolCalls: [
        {
          name: 'submit_plan',
          args: { ...demoPlan(), summary: `Revised as asked (${instructions.slice(0, 40)}): the same two tasks.` },
        },
      ],
    }),
  });
  return (request) => (isPlanner(request) ? planner(request) : demoScript(request));
}

/** The demo repository with `config` as its configuration and PERSON as git's user name. */
function repoWith(config: string | null = null): string {
  const repo = demoRepo((dir) => {
    if (config === null) return;
    mkdirSync(join(dir, '.github'));
    writeFileSync(join(dir, '.github/ensemble.yml'), config);
  });
  git(repo, 'config', 'user.name', PERSON);
  return repo;
}

const servers: ScriptedModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

interface Terminal {
  /** Lines typed, all ahead (the prompt reads them as it asks); absent: no stdin at all. */
  typed?: string[];
  /** Whether stdin and stdout are terminals. */
  tty: boolean;
}

/** `ensemble run` with the demo's request and `args`; stdin is counted when anything opens it. */
async function run(repo: string, args: string[], script: (r: ScriptedRequest) => ScriptedReply, term: Terminal) {
  const server = await startScriptedModel(script);
  servers.push(server);
  let stdout = '';
  let stderr = '';
  let stdinOpened = 0;
  const stdin = Object.assign(new PassThrough(), { isTTY: term.tty });
  if (term.typed) stdin.end(term.typed.map((line) => `${line}\n`).join(''));
  const code = await main(
    ['run', '--repo', repo, '--prompt', DEMO_PROMPT, ...args, '--model', 'openai-compatible:scripted'].concat([
      '--base-url',
      server.baseUrlOpenAI,
    ]),
    {
      stdout: { write: (t: string) => (stdout += t), isTTY: term.tty },
      stderr: { write: (t: string) => (stderr += t) },
      get stdin() {
        stdinOpened++;
        return stdin;
      },
      cwd: repo,
      env: { PATH: GIT_ENV.PATH },
    },
  );
  const json = args.includes('--json') && stdout ? RunResult.parse(JSON.parse(stdout)) : null;
  return { code, stdout, stderr, server, json, stdinOpened, stdinRead: stdin.readableFlowing !== null };
}

/** The last message of each of the planner's requests that brought something from a person. */
function plannerBlocks(server: ScriptedModelServer, source: string) {
  return server.requests
    .flatMap((r) => (r.request && isPlanner(r.request) ? [r.request] : []))
    .flatMap((r) => {
      const last = r.messages.at(-1);
      return last?.role === 'user' ? untrustedBlocks(last.text) : [];
    })
    .filter((b) => b.source === `${source} @${PERSON}`);
}

const coderRequests = (server: ScriptedModelServer) =>
  server.requests.filter((r) => r.request?.system.includes('You are a coding agent')).length;
const ensembleBranches = (repo: string) => git(repo, 'branch', '--list', 'ensemble/*').trim();

describe('ensemble run with the gates', () => {
  requireSandboxForTests('whole runs of `ensemble run`');

  test('--answers FILE answers the questions it names: the answers reach the planner, which plans; the run completes', async () => {
    const repo = repoWith();
    const answers = join(mkdtempSync(join(tmpdir(), 'ensemble-answers-')), 'answers.yml');
    writeFileSync(answers, 'cut: after a whole word\ncolour: blue, please\n');
    const { code, stderr, server, json } = await run(repo, ['--json', '--answers', answers], scriptWith([QUESTIONS]), {
      tty: false,
    });
    expect(server.problems).toEqual([]);
    expect(code, stderr).toBe(0);
    expect(json).toMatchObject({ outcome: 'green', exitCode: 0, waiting: null });
    expect(json?.branch).toMatch(/^ensemble\//);
    // The planner's next request carries the answers, as untrusted text naming who gave them.
    const blocks = plannerBlocks(server, 'answer by');
    expect(blocks.map((b) => b.text)).toEqual([
      '[cut] after a whole word',
      expect.stringMatching(/match none of your questions.*\n\[colour\] blue, please$/),
    ]);
    expect(json?.gate.rounds).toEqual([
      {
        asked: ['cut', 'sentence-ends'],
        answered: [{ id: 'cut', via: 'file' }],
        unanswered: ['sentence-ends'],
        unmatched: ['colour'],
      },
    ]);
    expect(stderr).toContain('no answer to sentence-ends: the planning agent plans without it');
    const summary = formatSummary(json as RunResult);
    expect(summary).toContain(
      '  round 1: asked cut, sentence-ends; answered cut (answers file); unanswered sentence-ends; ' +
        'in the answers file but not asked: colour',
    );
    // The plan keeps the round, with the answers as given.
    const plan = readJson(artifact(json as RunResult, 'ensemble-plan', 'plan.json'));
    expect(plan.gate.rounds).toHaveLength(1);
    expect(plan.gate.rounds[0].questions.map((q: { id: string }) => q.id)).toEqual(['cut', 'sentence-ends']);
    expect(plan.gate.rounds[0].answers).toEqual([
      expect.objectContaining({ by: PERSON, via: 'local', commentId: null, text: '[cut] after a whole word' }),
      expect.objectContaining({ by: PERSON, text: expect.stringContaining('[colour] blue, please') }),
    ]);
    expect(plan.gate.approval).toBeNull();
  });

  test('--json without answers: the run waits (exit 4), lists the questions, codes nothing, never opens stdin; the answers file it writes continues it', async () => {
    const repo = repoWith();
    const script = scriptWith([QUESTIONS]);
    const waited = await run(repo, ['--json'], script, { typed: ['whole word'], tty: true });
    expect(waited.server.problems).toEqual([]);
    expect(waited.code, waited.stderr).toBe(4);
    expect(waited.stdinOpened).toBe(0);
    const result = waited.json as RunResult;
    expect(result).toMatchObject({ outcome: 'waiting', exitCode: 4, branch: null });
    expect(result.verdict).toMatch(/^WAITING \(exit 4\): no branch: the planning agent asked 2 questions/);
    expect(result.verdict).not.toMatch(/done|green/);
    expect(result.problems).toEqual([
      'the planning agent asked 2 questions and waits for the answers: cut, sentence-ends',
    ]);
    expect(result.waiting?.waitingFor).toBe('answers');
    expect(result.waiting?.questions).toEqual(QUESTIONS.questions);
    expect(result.waiting?.plan).toBeNull();
    expect(result.stages.map((s) => [s.stage, s.status])).toEqual([['plan', 'waiting']]);
    expect(result.tasks).toEqual([]);
    expect(coderRequests(waited.server)).toBe(0);
    expect(ensembleBranches(repo)).toBe('');
    expect(readdirSync(join(result.runDir, 'artifacts')).filter((a) => a.startsWith('ensemble-code'))).toEqual([]);
    expect(readJson(result.waiting?.checkpoint as string)).toMatchObject({ waitingFor: 'answers', status: 'waiting' });
    // The terminal summary shows the questions and how to continue.
    const summary = formatSummary(result);
    expect(summary).toContain('waiting for answers:\n  1. [cut] Should maxLength cut the slug');
    expect(summary).toContain('     options: after a whole word | at exactly maxLength characters');
    expect(summary).toContain(`  to continue:  write the answers in ${result.waiting?.answersFile}`);

    // The way to continue it names: fill in the file it wrote, run again with --answers.
    const file = result.waiting?.answersFile as string;
    expect(result.waiting?.next).toContain(`--answers ${file}`);
    const template = readFileSync(file, 'utf8');
    expect(template).toContain('# Should maxLength cut the slug after a whole word');
    expect(template).toContain('cut: ""\n');
    writeFileSync(file, template.replace('cut: ""', 'cut: "at exactly maxLength characters"'));
    const resumed = await run(repo, ['--json', '--answers', file], script, { tty: false });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(plannerBlocks(resumed.server, 'answer by').map((b) => b.text)).toEqual([
      '[cut] at exactly maxLength characters',
    ]);
  });

  test('at a terminal: the questions are asked and the typed answers reach the planner', async () => {
    const repo = repoWith();
    // "1" picks the first option; the empty line skips the second question.
    const { code, stdout, stderr, server } = await run(repo, [], scriptWith([QUESTIONS]), {
      typed: ['1', ''],
      tty: true,
    });
    expect(server.problems).toEqual([]);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('The planning agent asks 2 questions before it plans.');
    expect(stdout).toContain('1. [cut] Should maxLength cut the slug after a whole word');
    expect(stdout).toContain('   1) after a whole word\n   2) at exactly maxLength characters\n> ');
    expect(stdout).toContain('2. [sentence-ends] Which characters end a sentence?');
    expect(plannerBlocks(server, 'answer by').map((b) => b.text)).toEqual(['[cut] after a whole word']);
    expect(stdout).toContain('  round 1: asked cut, sentence-ends; answered cut (typed); unanswered sentence-ends');
    expect(stdout).toMatch(/^green \(exit 0\): branch ensemble\//m);
  });

  test('at a terminal with gates.approval: comment: revise sends the instructions to the planner, yes codes the plan', async () => {
    const repo = repoWith('gates:\n  approval: comment\n');
    const instructions = 'Say in the summary what changed.';
    const { code, stdout, stderr, server } = await run(repo, [], scriptWith([]), {
      typed: ['maybe', 'r', instructions, 'y'],
      tty: true,
    });
    expect(server.problems).toEqual([]);
    expect(code, stderr).toBe(0);
    const prompts = stdout.split('Approve this plan? [y]es, [r]evise, [s]top: ').length - 1;
    expect(prompts).toBe(3);
    expect(stdout).toContain('Type y to approve the plan');
    expect(stdout).toContain('    1. slugify-max-length  Add a maxLength option to slugify');
    expect(plannerBlocks(server, 'revision asked by').map((b) => b.text)).toEqual([instructions]);
    const runDir = /run directory: (.+)$/m.exec(stdout)?.[1] as string;
    const plan = readJson(join(runDir, 'artifacts/ensemble-plan/plan.json'));
    expect(plan.summary).toMatch(/^Revised as asked \(Say in the summary what changed\./);
    expect(plan.gate.revisions).toEqual([expect.objectContaining({ by: PERSON, instructions })]);
    expect(plan.gate.approval).toMatchObject({ by: PERSON, via: 'local' });
    expect(stdout).toContain('  plan revised once\n  plan approved by Ada Lovelace\n');
    expect(ensembleBranches(repo)).not.toBe('');
  });

  test('at a terminal, s stops the run: no plan, no code, no branch, and it says it was stopped', async () => {
    const repo = repoWith('gates:\n  approval: comment\n');
    const { code, stdout, server } = await run(repo, [], scriptWith([]), { typed: ['s'], tty: true });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^STOPPED \(exit 1\): no branch: stopped at the approval prompt by Ada Lovelace/m);
    expect(stdout).not.toContain('waiting for');
    expect(stdout).toMatch(/^plan +stopped +/m);
    expect(coderRequests(server)).toBe(0);
    expect(ensembleBranches(repo)).toBe('');
    const runDir = /run directory: (.+)$/m.exec(stdout)?.[1] as string;
    expect(existsSync(join(runDir, 'artifacts/ensemble-plan/plan.json'))).toBe(false);
    expect(readJson(join(runDir, 'artifacts/ensemble-plan/checkpoint.json'))).toMatchObject({
      status: 'stopped',
      settled: { by: PERSON },
    });
  });

  test('gates.approval: comment without a terminal waits for approval; --approve then codes the plan without asking', async () => {
    const repo = repoWith('gates:\n  approval: comment\n');
    const waited = await run(repo, ['--json'], scriptWith([]), { tty: false });
    expect(waited.code, waited.stderr).toBe(4);
    const result = waited.json as RunResult;
    expect(result.waiting).toMatchObject({ waitingFor: 'approval', questions: [], answersFile: null });
    expect(result.waiting?.plan?.tasks.map((t) => t.id)).toEqual(['slugify-max-length', 'count-sentences']);
    expect(result.waiting?.next).toContain('--approve');
    expect(result.problems).toEqual(['the plan (2 tasks) waits for approval']);
    expect(coderRequests(waited.server)).toBe(0);
    expect(formatSummary(result)).toContain('waiting for approval of the plan:\n');

    const approved = await run(repo, ['--approve'], scriptWith([]), { tty: true, typed: [] });
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.stdout).not.toContain('Approve this plan?');
    expect(approved.stdinRead).toBe(false);
    expect(approved.stdout).toContain('  plan approved by Ada Lovelace (--approve)');
    const runDir = /run directory: (.+)$/m.exec(approved.stdout)?.[1] as string;
    const plan = readJson(join(runDir, 'artifacts/ensemble-plan/plan.json'));
    expect(plan.gate.approval).toMatchObject({ by: PERSON, via: 'local' });
  });
});
