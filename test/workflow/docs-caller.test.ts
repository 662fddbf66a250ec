import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { type Harness, labeledEvent, startHarness } from '../support/actions-harness.ts';
import { DEMO_PROMPT, demoScript } from '../support/demo-model.ts';
import { repoRoot } from '../support/node24.ts';
import { simulateWorkflow } from '../support/workflow-sim.ts';
import { evaluateCallerJob } from '../support/workflow-sim-caller.ts';

/**
 * The caller workflow a user copies from the documentation (README.md, docs/*.md) must be the one
 * in `examples/ensemble.yml`, and must actually start a run: a `workflow_dispatch` passes its
 * `issue` and `prompt` inputs on to the reusable workflow, and an `issues: labeled` event its issue.
 */

/** Markdown files that show the caller; each must show it exactly once. */
const DOCUMENTS = ['README.md', 'docs/design.md', 'docs/github-setup.md'];
const EXAMPLE = join(repoRoot, 'examples/ensemble.yml');
const CALLS_PIPELINE = /^\s*uses:\s*OWNER\/ensemble\/\.github\/workflows\/pipeline\.yml@/m;

/** The ```yaml blocks of a markdown file that call the reusable workflow. */
function callerBlocks(file: string): string[] {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  const blocks = [...text.matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string);
  return blocks.filter((block) => CALLS_PIPELINE.test(block));
}

/** The caller of `file`, written out as a workflow file for `evaluateCallerJob`. */
function callerFile(file: string): string {
  const [block] = callerBlocks(file);
  if (block === undefined) throw new Error(`${file} shows no caller workflow`);
  const path = join(mkdtempSync(join(tmpdir(), 'ensemble-doc-caller-')), 'ensemble.yml');
  writeFileSync(path, block);
  return path;
}

const MODEL_KEY = 'sk-ant-canary-0000000000000000000000000000';
const SECRETS = { ANTHROPIC_API_KEY: MODEL_KEY };

function dispatchEvent(sender: string, inputs: Record<string, string>) {
  return {
    name: 'workflow_dispatch',
    payload: {
      inputs,
      ref: 'refs/heads/main',
      repository: { full_name: 'octo-org/textkit', default_branch: 'main' },
      sender: { login: sender, type: 'User' },
      workflow: '.github/workflows/ensemble.yml',
    },
  };
}

describe('the caller workflow shown in the documentation', () => {
  test.each(DOCUMENTS)('%s shows the caller of examples/ensemble.yml, once', (file) => {
    const blocks = callerBlocks(file);
    expect(blocks, `${file}: the yaml blocks that call pipeline.yml`).toHaveLength(1);
    expect(parse(blocks[0] as string), `${file} and examples/ensemble.yml differ`).toEqual(
      parse(readFileSync(EXAMPLE, 'utf8')),
    );
  });

  test.each([...DOCUMENTS, 'examples/ensemble.yml'])(
    '%s pins the reusable workflow to a commit, with its version in a comment, never to a tag alone',
    (file) => {
      const text = readFileSync(join(repoRoot, file), 'utf8');
      const uses = [...text.matchAll(/^\s*uses:\s*OWNER\/ensemble\/(\S+)@(\S+)(.*)$/gm)];
      // The pipeline and its follow-up runs, both pinned to the same release.
      expect(uses.map((u) => u[1])).toEqual(['.github/workflows/pipeline.yml', '.github/workflows/follow-up.yml']);
      for (const [, , ref, rest] of uses) {
        expect(ref, 'a full commit SHA, or the RELEASE_SHA placeholder the reader replaces').toMatch(
          /^(RELEASE_SHA|[0-9a-f]{40})$/,
        );
        expect(rest, 'the version the SHA is of, in a comment').toMatch(/^ # v\d/);
      }
    },
  );

  test("this repository's own caller (example-caller.yml) is examples/ensemble.yml pointed at the local pipeline", () => {
    const example = parse(readFileSync(EXAMPLE, 'utf8'));
    const own = parse(readFileSync(join(repoRoot, '.github/workflows/example-caller.yml'), 'utf8'));
    expect(own.jobs.ensemble.uses).toBe('./.github/workflows/pipeline.yml');
    expect(own.jobs['follow-up'].uses).toBe('./.github/workflows/follow-up.yml');
    const withoutUses = (jobs: Record<string, Record<string, unknown>>) =>
      Object.fromEntries(Object.entries(jobs).map(([name, { uses: _uses, ...job }]) => [name, job]));
    expect({ on: own.on, permissions: own.permissions, jobs: withoutUses(own.jobs) }).toEqual({
      on: example.on,
      permissions: example.permissions,
      jobs: withoutUses(example.jobs),
    });
  });

  test.each(DOCUMENTS)('%s: a workflow_dispatch passes its issue and prompt inputs to pipeline.yml', (file) => {
    const caller = callerFile(file);
    const withIssue = evaluateCallerJob({
      callerFile: caller,
      job: 'ensemble',
      event: dispatchEvent('maintainer', { issue: '12', prompt: '' }),
      dispatchInputs: { issue: '12', prompt: '' },
      secrets: SECRETS,
    });
    expect(withIssue.runs).toBe(true);
    expect(withIssue.uses).toBe('OWNER/ensemble/.github/workflows/pipeline.yml@RELEASE_SHA');
    expect(withIssue.with).toMatchObject({ issue: '12', prompt: '' });
    expect(withIssue.secrets).toEqual({ 'model-api-key': MODEL_KEY });
    expect(withIssue.permissions).toEqual({
      contents: 'write',
      issues: 'write',
      'pull-requests': 'write',
      actions: 'read',
      checks: 'read',
    });

    const prompt = 'Add a --max-length flag to slugify';
    const withPrompt = evaluateCallerJob({
      callerFile: caller,
      job: 'ensemble',
      event: dispatchEvent('maintainer', { issue: '', prompt }),
      dispatchInputs: { issue: '', prompt },
      secrets: SECRETS,
    });
    expect(withPrompt.runs).toBe(true);
    expect(withPrompt.with).toMatchObject({ prompt });
    expect(withPrompt.with['issue'] ?? '').toBe('');
  });

  test.each(DOCUMENTS)('%s: the "ensemble" label starts a run on its issue; another label does not', (file) => {
    const caller = callerFile(file);
    const labelled = evaluateCallerJob({
      callerFile: caller,
      job: 'ensemble',
      event: labeledEvent(12, 'maintainer'),
      secrets: SECRETS,
    });
    expect(labelled.runs).toBe(true);
    expect(labelled.with).toMatchObject({ issue: 12 });
    expect(labelled.secrets).toEqual({ 'model-api-key': MODEL_KEY });

    const other = evaluateCallerJob({
      callerFile: caller,
      job: 'ensemble',
      event: labeledEvent(12, 'maintainer', 'bug'),
      secrets: SECRETS,
    });
    expect(other.runs).toBe(false);
  });
});

describe("the README's caller, run against pipeline.yml by the workflow simulator", () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  test.each([
    ['an issue', { issue: '12', prompt: '' }],
    ['a prompt', { issue: '', prompt: 'Add a --max-length flag to slugify' }],
  ])('a workflow_dispatch with %s reaches the plan action, which then checks who dispatched it', async (_, inputs) => {
    // A triage-only sender: the plan job resolves the request from the inputs, then refuses the
    // sender before any model call, so the run stops there (the full pipeline is pipeline-sim's).
    harness = await startHarness(demoScript, {
      collaborators: { maintainer: 'maintain', helper: 'triage' },
      users: ['maintainer', 'helper'],
      issues: [{ number: 12, title: 'Slug length', body: DEMO_PROMPT, author: 'maintainer', comments: [] }],
    });
    const event = dispatchEvent('helper', inputs);
    const caller = evaluateCallerJob({
      callerFile: callerFile('README.md'),
      job: 'ensemble',
      event,
      dispatchInputs: inputs,
      secrets: SECRETS,
    });
    const run = await simulateWorkflow({
      workflowFile: '.github/workflows/pipeline.yml',
      callerInputs: { ...caller.with, 'base-url': harness.model.baseUrlAnthropic },
      secrets: caller.secrets,
      callerPermissions: caller.permissions,
      event,
      harness,
      ensembleRepoDir: repoRoot,
    });
    expect(run.inputs).toMatchObject(inputs);
    const plan = run.jobs['plan']!.legs[0]!;
    const step = plan.steps.find((s) => s.id === 'plan')!;
    expect(step.inputs).toMatchObject(inputs);
    expect(step.stdout, run.log()).not.toContain('needs the input');
    expect(step.stdout, run.log()).toContain('"helper" has the "triage" role on octo-org/textkit');
    expect(harness.model.requests).toHaveLength(0);
  });
});
