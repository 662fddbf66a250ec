import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { probeBubblewrap, resetBubblewrapProbe } from '../../../../src/agent/sandbox.ts';
import type { CommandSettings } from '../../../../src/agent/tools/index.ts';
import type { EnsembleConfigInput } from '../../../../src/contracts/config.ts';
import { PlanTask, type TaskDocument, TestDocument } from '../../../../src/contracts/index.ts';
import type { StageContext, StageEvent } from '../../../../src/stages/context.ts';
import { runTestStage } from '../../../../src/stages/test/index.ts';
import { diffAgainstBase, withWorktree } from '../../../../src/workspace/index.ts';
import { validPlan, validRun, validTask } from '../../../support/documents.ts';
import {
  cleanupTemps,
  createRepo,
  type FileTree,
  isolateGit,
  type TestRepo,
  writeFiles,
} from '../../../support/git-fixture.ts';
import type { Script, ScriptedModelServer, ScriptedReply } from '../../../support/scripted-model.ts';
import { scriptedStageContext } from '../../../support/stage-context.ts';

beforeAll(() => {
  isolateGit();
  resetBubblewrapProbe();
});
afterAll(() => cleanupTemps());

const servers: ScriptedModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A tiny real project whose tests run with `node --test`: `add` passes, `legacy` already fails at the base. */
const MATH = 'export function add(a, b) {\n  return a + b;\n}\n\nexport function sub(a, b) {\n  return a - b;\n}\n';
const PROJECT: FileTree = {
  'package.json': `${JSON.stringify({ name: 'calc', private: true, type: 'module', scripts: { test: 'node --test' } }, null, 2)}\n`,
  'src/math.js': MATH,
  'test/math.test.js': [
    "import assert from 'node:assert/strict';",
    "import { test } from 'node:test';",
    "import { add, sub } from '../src/math.js';",
    '',
    "test('add', () => assert.equal(add(2, 3), 5));",
    "test('sub', () => assert.equal(sub(5, 3), 2));",
    '',
  ].join('\n'),
  'README.md': '# calc\n',
  '.github/workflows/ci.yml': 'on: push\n',
};
const LEGACY_TEST =
  "import assert from 'node:assert/strict';\nimport { test } from 'node:test';\n\ntest('legacy', () => assert.equal(1, 2));\n";

const SUBMIT = (summary: string, testsAdded: string[] = []): ScriptedReply => ({
  toolCalls: [{ name: 'submit_tests', args: { summary, testsAdded } }],
});

interface Harness {
  repo: TestRepo;
  base: string;
  server: ScriptedModelServer;
  ctx: StageContext;
  events: StageEvent[];
  messages: string[];
}

async function harness(
  script: Script,
  options: { files?: FileTree; config?: EnsembleConfigInput; commands?: CommandSettings } = {},
): Promise<Harness> {
  const repo = createRepo(options.files ?? PROJECT);
  const base = repo.head();
  const { ctx, server, events, messages } = await scriptedStageContext({
    script,
    repoDir: repo.dir,
    baseSha: base,
    config: { 'test-command': 'node --test', ...options.config },
    agentContext: '# Repository\ncalc: a tiny calculator with node:test tests.',
    ...(options.commands ? { commands: options.commands } : {}),
  });
  servers.push(server);
  return { repo, base, server, ctx, events, messages };
}

/** A task's patch against the base, made the way the code stage makes it. */
async function taskPatch(h: Harness, files: FileTree): Promise<string> {
  return withWorktree(h.repo.dir, h.base, async (dir) => {
    writeFiles(dir, files);
    return (await diffAgainstBase(dir, h.base)).patch;
  });
}

function planOf(h: Harness, ids: string[]) {
  return validPlan({
    run: validRun({ baseSha: h.base }),
    tasks: ids.map((id) =>
      PlanTask.parse({
        id,
        title: `Task ${id}`,
        description: `Implements ${id}.`,
        acceptanceCriteria: [`${id}() is exported from src/math.js and tested`],
        files: ['src/math.js'],
      }),
    ),
  });
}

function task(h: Harness, id: string, patch: string, overrides: Partial<TaskDocument> = {}) {
  return { document: validTask({ run: validRun({ baseSha: h.base }), taskId: id, ...overrides }), patch };
}

function worktrees(repo: TestRepo): string[] {
  return repo
    .git('worktree', 'list', '--porcelain')
    .split('\n')
    .filter((l) => l.startsWith('worktree '));
}

const MUL_TEST =
  "import assert from 'node:assert/strict';\nimport { test } from 'node:test';\nimport { mul } from '../src/math.js';\n\n" +
  "test('mul', () => assert.equal(mul(2, 3), 6));\n";

const withMul = MATH.replace(
  'export function sub',
  'export function mul(a, b) {\n  return a * b;\n}\n\nexport function sub',
);
const withDiv = MATH.replace(
  'export function sub',
  'export function div(a, b) {\n  return a / b;\n}\n\nexport function sub',
);
const withBoth = MATH.replace(
  'export function sub',
  'export function mul(a, b) {\n  return a * b;\n}\n\nexport function div(a, b) {\n  return a / b;\n}\n\nexport function sub',
);

describe('runTestStage', () => {
  test('two task patches integrate and the tests pass, in the default sandbox; the agent submits at once', async () => {
    const logs: string[] = [];
    const h = await harness([SUBMIT('Both criteria are covered by the existing tests.')], {
      commands: { log: (m) => logs.push(m) },
    });
    const a = await taskPatch(h, { 'src/mul.js': 'export const mul = (a, b) => a * b;\n' });
    const b = await taskPatch(h, { 'README.md': '# calc\n\nAdds, subtracts and multiplies.\n' });
    const { document, patch } = await runTestStage(h.ctx, {
      plan: planOf(h, ['a', 'b']),
      tasks: [task(h, 'b', b), task(h, 'a', a)],
    });

    expect(h.server.problems).toEqual([]);
    expect(TestDocument.parse(document)).toEqual(document);
    expect(document).toMatchObject({
      schema: 'ensemble.test/v1',
      run: h.ctx.run,
      status: 'passed',
      command: 'node --test',
      exitCode: 0,
      passed: 2,
      failed: 0,
      failures: [],
      fixAttempts: 0,
      testsAdded: [],
      integration: [
        { taskId: 'a', result: 'applied', conflictingFiles: [] },
        { taskId: 'b', result: 'applied', conflictingFiles: [] },
      ],
    });
    expect(document.usage).toMatchObject({ model: 'openai:gpt-5', calls: 1 });
    expect(document.summary).toMatch(/^Both criteria are covered by the existing tests\./);
    expect(document.summary).toContain(
      '`node --test` (from `test-command` in the configuration) passed, exit code 0: 2 passed, 0 failed.',
    );
    expect(patch).toContain('+++ b/src/mul.js');
    expect(patch).toContain('+Adds, subtracts and multiplies.');

    // What the testing agent was told: the criteria, the command and its result, the diff.
    const prompt = h.server.requests[0]?.request?.messages[0]?.text ?? '';
    expect(h.server.requests[0]?.request?.system).toContain('a() is exported from src/math.js and tested');
    expect(prompt).toContain('- a: integrated\n- b: integrated');
    expect(prompt).toContain('`node --test` (from `test-command` in the configuration): passed, exit code 0');
    expect(prompt).toContain('+export const mul = (a, b) => a * b;');
    expect(h.server.requests[0]?.request?.system).toContain(
      'Your tools: list_files, read_file, search, write_file, edit_file, run_command, submit_tests.',
    );

    expect(h.events.at(0)).toEqual({ stage: 'test', status: 'started' });
    expect(h.events.at(-1)).toMatchObject({ stage: 'test', status: 'finished', detail: 'passed: 2 passed, 0 failed' });
    expect(h.events.some((e) => e.agent === 'test' && e.status === 'finished')).toBe(true);
    expect(worktrees(h.repo)).toHaveLength(1);
    expect(h.repo.git('status', '--porcelain')).toBe('');
    // The default isolation: inside bubblewrap wherever it works (the warning is logged otherwise).
    if ((await probeBubblewrap()).available) expect(logs).toEqual([]);
    else expect(logs).toEqual([expect.stringContaining('commands run without network isolation')]);
  });

  test('a conflicting pair: the integration step resolves the markers (resolved)', async () => {
    let integratePrompt = '';
    const script: Script = (request) => {
      if (request.system.includes('integration step')) {
        if (request.messages.length === 1) {
          integratePrompt = request.messages[0]?.text ?? '';
          return { toolCalls: [{ name: 'write_file', args: { path: 'src/math.js', content: withBoth } }] };
        }
        return SUBMIT('Kept both mul and div above sub.');
      }
      return SUBMIT('Tests pass.');
    };
    const h = await harness(script);
    const a = await taskPatch(h, { 'src/math.js': withMul });
    const b = await taskPatch(h, { 'src/math.js': withDiv });
    const { document, patch } = await runTestStage(h.ctx, {
      plan: planOf(h, ['a', 'b']),
      tasks: [task(h, 'a', a), task(h, 'b', b)],
    });

    expect(h.server.problems).toEqual([]);
    expect(document.integration).toEqual([
      { taskId: 'a', result: 'applied', conflictingFiles: [], detail: '' },
      {
        taskId: 'b',
        result: 'resolved',
        conflictingFiles: ['src/math.js'],
        detail: 'resolved by the testing agent: Kept both mul and div above sub.',
      },
    ]);
    expect(integratePrompt).toContain('Files with conflict markers: src/math.js.');
    expect(integratePrompt).toContain('b() is exported from src/math.js and tested');
    expect(patch).toContain('+export function mul(a, b) {');
    expect(patch).toContain('+export function div(a, b) {');
    expect(patch).not.toMatch(/^\+(<{7}|>{7}|={7})/m);
    expect(document.status).toBe('passed');
    expect(h.events.some((e) => e.agent === 'test:integrate-b' && e.status === 'finished')).toBe(true);
    expect(worktrees(h.repo)).toHaveLength(1);
  });

  test('a conflicting pair the agent does not resolve stays conflicted with the file named; the other task is still applied', async () => {
    const script: Script = (request) =>
      request.system.includes('integration step') ? SUBMIT('I could not decide.') : SUBMIT('Tests pass.');
    const h = await harness(script);
    const a = await taskPatch(h, { 'src/math.js': withMul });
    const b = await taskPatch(h, { 'src/math.js': withDiv, 'README.md': '# calc\n\nDivides.\n' });
    const { document, patch } = await runTestStage(h.ctx, {
      plan: planOf(h, ['a', 'b']),
      tasks: [task(h, 'a', a), task(h, 'b', b)],
    });

    expect(document.integration[0]).toMatchObject({ taskId: 'a', result: 'applied' });
    expect(document.integration[1]).toMatchObject({
      taskId: 'b',
      result: 'conflicted',
      conflictingFiles: ['src/math.js'],
    });
    expect(document.integration[1]?.detail).toContain('conflict markers remain in src/math.js');
    expect(document.summary).toContain('could not integrate b (conflicts in src/math.js)');
    expect(patch).toContain('+export function mul(a, b) {');
    expect(patch).not.toContain('div');
    expect(patch).not.toContain('Divides');
    expect(patch).not.toMatch(/^\+(<{7}|>{7}|={7})/m);
    expect(document.status).toBe('passed');
    expect(h.messages).toContain('warn: test: task b conflicts in src/math.js');
  });

  test('failures the change introduced are told from failures already at the base; fix attempts are bounded', async () => {
    const h = await harness(() => SUBMIT('I could not find the cause.'), {
      files: { ...PROJECT, 'test/legacy.test.js': LEGACY_TEST },
    });
    const broken = await taskPatch(h, { 'src/math.js': MATH.replace('return a - b;', 'return b - a;') });
    const { document } = await runTestStage(h.ctx, { plan: planOf(h, ['a']), tasks: [task(h, 'a', broken)] });

    expect(document.status).toBe('failed');
    expect(document).toMatchObject({ passed: 1, failed: 2, fixAttempts: 2 });
    expect(document.exitCode).not.toBe(0);
    const byName = Object.fromEntries(document.failures.map((f) => [f.name, f.atBase]));
    expect(byName).toEqual({ sub: false, legacy: true });
    expect(document.failures.find((f) => f.name === 'sub')?.excerpt).toMatch(/-2|2 !== -2|expected/i);
    // One round per fix attempt, each told which failure the change introduced.
    expect(h.server.requests).toHaveLength(2);
    const prompt = h.server.requests[0]?.request?.messages[0]?.text ?? '';
    expect(prompt).toContain('- sub (introduced by the change)');
    expect(prompt).toContain('- legacy (also fails at the base)');
    expect(document.summary).toContain('Failing: 2 (1 introduced by the change, 1 also failing at the base).');
    expect(document.summary).toContain('fix attempts: 2 of 2');
    expect(worktrees(h.repo)).toHaveLength(1);
  });

  test('the agent fixes an introduced failure; the rerun passes and the fix is in the change', async () => {
    const script: ScriptedReply[] = [
      {
        toolCalls: [
          {
            name: 'edit_file',
            args: { path: 'src/math.js', old_string: 'return b - a;', new_string: 'return a - b;' },
          },
        ],
      },
      { toolCalls: [{ name: 'run_command', args: { command: 'node --test' } }] },
      SUBMIT('Restored the operand order of sub().'),
    ];
    const h = await harness(script);
    const broken = await taskPatch(h, {
      'src/math.js': MATH.replace('return a - b;', 'return b - a;').replace(
        'export function add',
        '// calculator\nexport function add',
      ),
    });
    const { document, patch } = await runTestStage(h.ctx, { plan: planOf(h, ['a']), tasks: [task(h, 'a', broken)] });

    expect(h.server.problems).toEqual([]);
    expect(document).toMatchObject({ status: 'passed', fixAttempts: 1, failures: [], passed: 2, failed: 0 });
    expect(h.server.requests[2]?.request?.messages.at(-1)?.toolResults[0]?.content).toContain('exit code 0');
    expect(patch).toContain('+// calculator');
    expect(patch).not.toContain('b - a');
  });

  test('the agent adds a test file: listed in testsAdded and part of change.patch', async () => {
    const mulTest =
      "import assert from 'node:assert/strict';\nimport { test } from 'node:test';\nimport { mul } from '../src/math.js';\n\ntest('mul', () => assert.equal(mul(2, 3), 6));\n";
    const script: ScriptedReply[] = [
      { toolCalls: [{ name: 'write_file', args: { path: 'test/mul.test.js', content: mulTest } }] },
      SUBMIT('Added a test for mul().', ['test/mul.test.js']),
    ];
    const h = await harness(script);
    const a = await taskPatch(h, { 'src/math.js': withMul });
    const { document, patch } = await runTestStage(h.ctx, { plan: planOf(h, ['a']), tasks: [task(h, 'a', a)] });

    expect(document).toMatchObject({ status: 'passed', passed: 3, failed: 0, testsAdded: ['test/mul.test.js'] });
    expect(patch).toContain('+++ b/test/mul.test.js');
    expect(patch).toContain("+test('mul', () => assert.equal(mul(2, 3), 6));");
    expect(document.summary).toContain('tests added: test/mul.test.js');
  });

  test("the agent's change to a protected path is reverted and reported", async () => {
    const script: ScriptedReply[] = [
      {
        toolCalls: [
          { name: 'write_file', args: { path: '.github/workflows/ci.yml', content: 'on: push\njobs: {}\n' } },
        ],
      },
      SUBMIT('Tweaked CI.'),
    ];
    const h = await harness(script);
    const a = await taskPatch(h, { 'src/math.js': withMul });
    const { document, patch } = await runTestStage(h.ctx, { plan: planOf(h, ['a']), tasks: [task(h, 'a', a)] });

    expect(patch).not.toContain('.github/workflows/ci.yml');
    expect(patch).toContain('+export function mul');
    expect(document.summary).toContain(
      'Refused a change by the testing agent (test) to protected path ".github/workflows/ci.yml" (protected by ".github/workflows/**"): reverted to the base.',
    );
    expect(h.messages.some((m) => m.startsWith('warn: test: Refused'))).toBe(true);
  });

  test('failed and no-change tasks are skipped with a reason; the tests still run', async () => {
    const h = await harness([SUBMIT('Nothing to add.')]);
    const a = await taskPatch(h, { 'src/math.js': withMul });
    const partial = await taskPatch(h, { 'src/math.js': withDiv });
    const { document, patch } = await runTestStage(h.ctx, {
      plan: planOf(h, ['a', 'b', 'c', 'd']),
      tasks: [
        task(h, 'a', a),
        task(h, 'b', partial, { status: 'failed', stopReason: 'turns: the turn budget ran out' }),
        task(h, 'c', '', { status: 'no-change' }),
      ],
    });
    expect(document.integration).toEqual([
      { taskId: 'a', result: 'applied', conflictingFiles: [], detail: '' },
      {
        taskId: 'b',
        result: 'skipped',
        conflictingFiles: [],
        detail:
          'the task failed (turns: the turn budget ran out): its partial patch is kept in its artifact and not integrated',
      },
      { taskId: 'c', result: 'skipped', conflictingFiles: [], detail: 'no change' },
      { taskId: 'd', result: 'skipped', conflictingFiles: [], detail: 'no task result was given for this task' },
    ]);
    expect(patch).not.toContain('div');
    expect(document.status).toBe('passed');
  });

  test('a test command that does not exist: status error with a clear message, not a crash; the agent is not run', async () => {
    const h = await harness([], { config: { 'test-command': 'does-not-exist' }, commands: {} });
    const a = await taskPatch(h, { 'src/math.js': withMul });
    const { document, patch } = await runTestStage(h.ctx, { plan: planOf(h, ['a']), tasks: [task(h, 'a', a)] });

    expect(document).toMatchObject({
      status: 'error',
      command: 'does-not-exist',
      exitCode: 127,
      passed: null,
      failed: null,
      failures: [],
    });
    expect(document.summary).toContain('`does-not-exist` could not run: a program it starts was not found (exit 127');
    expect(document.summary).toContain('Fix `test-command` in .github/ensemble.yml');
    expect(h.server.requests).toHaveLength(0);
    expect(patch).toContain('+export function mul');
    expect(worktrees(h.repo)).toHaveLength(1);
  });

  test('no test command configured or detected: no-tests, with the report and the patch', async () => {
    const h = await harness([], {
      files: { 'README.md': '# notes\n', 'notes.txt': 'one\n' },
      config: { 'test-command': null },
    });
    const a = await taskPatch(h, { 'notes.txt': 'one\ntwo\n' });
    const { document, patch } = await runTestStage(h.ctx, { plan: planOf(h, ['a']), tasks: [task(h, 'a', a)] });

    expect(document).toMatchObject({
      status: 'no-tests',
      command: null,
      exitCode: null,
      passed: null,
      failed: null,
      fixAttempts: 0,
    });
    expect(document.summary).toContain('No tests were run: no `test-command` is configured and none was detected');
    expect(document.integration).toMatchObject([{ taskId: 'a', result: 'applied' }]);
    expect(patch).toContain('+two');
    expect(h.server.requests).toHaveLength(0);
  });

  test('the command is detected from package.json (npm test) when none is configured', async () => {
    const h = await harness([SUBMIT('Covered.')], { config: { 'test-command': null } });
    const a = await taskPatch(h, { 'src/math.js': withMul });
    const { document } = await runTestStage(h.ctx, { plan: planOf(h, ['a']), tasks: [task(h, 'a', a)] });
    expect(document).toMatchObject({ status: 'passed', command: 'npm test', passed: 2, failed: 0 });
    expect(document.summary).toContain('`npm test` (from package.json scripts.test) passed');
  });

  test("the command is detected from the integrated change's files: a package.json a task added counts", async () => {
    const { 'package.json': manifest, ...withoutManifest } = PROJECT;
    const h = await harness([SUBMIT('Covered.')], { files: withoutManifest, config: { 'test-command': null } });
    // As a session gives it: the base checkout's files, listed once for the run.
    h.ctx.baseFiles = h.repo.git('ls-files').split('\n').filter(Boolean);
    const a = await taskPatch(h, { 'src/math.js': withMul, 'package.json': manifest as string });
    const { document } = await runTestStage(h.ctx, { plan: planOf(h, ['a']), tasks: [task(h, 'a', a)] });
    expect(document).toMatchObject({ status: 'passed', command: 'npm test', passed: 2, failed: 0 });
  });

  test('an agent that never submits: a generated summary that says so', async () => {
    const h = await harness([{ text: 'Thinking about it.' }], { config: { stages: { test: { 'max-turns': 1 } } } });
    const a = await taskPatch(h, { 'src/math.js': withMul });
    const { document } = await runTestStage(h.ctx, { plan: planOf(h, ['a']), tasks: [task(h, 'a', a)] });
    expect(document.status).toBe('passed');
    expect(document.summary).toMatch(/^Integration: applied a\./);
    expect(document.summary).toContain(
      'The testing agent (test) stopped before submitting: the turn budget (1 model calls) ran out.',
    );
  });

  test('files the test run writes are not part of the change', async () => {
    const h = await harness([SUBMIT('Fine.')], {
      config: { 'test-command': 'node --test && echo junk > coverage.txt' },
    });
    const a = await taskPatch(h, { 'src/math.js': withMul });
    const { document, patch } = await runTestStage(h.ctx, { plan: planOf(h, ['a']), tasks: [task(h, 'a', a)] });
    expect(document.status).toBe('passed');
    expect(patch).not.toContain('coverage.txt');
  });

  test("the testing agent works on the change, not on the test run's leftovers; the tests after it run on its change", async () => {
    const h = await harness(
      [
        { toolCalls: [{ name: 'read_file', args: { path: 'coverage.txt' } }] },
        { toolCalls: [{ name: 'write_file', args: { path: 'test/mul.test.js', content: MUL_TEST } }] },
        SUBMIT('Added a test for mul.', ['test/mul.test.js']),
      ],
      // Each run leaves a file git would track: the one before the agent's round must be gone by then.
      { config: { 'test-command': 'node --test && echo junk > coverage.txt' } },
    );
    const a = await taskPatch(h, { 'src/math.js': withMul });
    const { document, patch } = await runTestStage(h.ctx, { plan: planOf(h, ['a']), tasks: [task(h, 'a', a)] });
    const read = h.server.requests[1]?.request?.messages.at(-1)?.toolResults[0]?.content ?? '';
    expect(read).toMatch(/coverage\.txt/);
    expect(read).not.toContain('junk');
    // The run after the round saw the agent's test: three tests pass, none fail.
    expect(document).toMatchObject({ status: 'passed', passed: 3, failed: 0, testsAdded: ['test/mul.test.js'] });
    expect(patch).toContain('test/mul.test.js');
    expect(patch).not.toContain('coverage.txt');
    expect(worktrees(h.repo)).toHaveLength(1);
  });

  test('a test command that outlives the time limit: error, compared with the base, no endless fix rounds', async () => {
    const h = await harness(() => SUBMIT('Nothing to fix here.'), {
      config: { 'test-command': 'sleep 30', stages: { test: { 'timeout-minutes': 0.02 } } },
    });
    const a = await taskPatch(h, { 'src/math.js': withMul });
    const started = Date.now();
    const { document } = await runTestStage(h.ctx, { plan: planOf(h, ['a']), tasks: [task(h, 'a', a)] });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(document).toMatchObject({ status: 'error', exitCode: null, fixAttempts: 0 });
    expect(document.failures).toEqual([{ name: 'sleep 30', excerpt: '', atBase: true }]);
    expect(document.summary).toContain(
      "`sleep 30` did not finish within 1 s (the test stage's timeout-minutes) and was stopped.",
    );
    expect(document.summary).toContain(
      'Every remaining failure also fails at the base, so no further fix round was made.',
    );
  });

  test('artifacts of another run are refused', async () => {
    const h = await harness([]);
    const plan = validPlan();
    await expect(runTestStage(h.ctx, { plan, tasks: [] })).rejects.toThrow(/the plan was made at base 5f3c2a9e/);
  });
});
