/**
 * One engine, two runtimes: the same request, repository and model through `ensemble run` and
 * through the committed action bundles, job by job as the reusable workflow runs them (against
 * the GitHub, artifact and model fakes), must yield the same documents, patches and PR body,
 * modulo what differs by nature: run ids, times, token counts, commit SHAs, and what only GitHub
 * has (the pull request's number, the review and comment ids).
 *
 * The scenario includes the failures whose handling the runtimes once decided separately: one
 * review lens whose model refuses every call (the lens must yield its "did not complete" review
 * in both), and a prompt-started run (its branch is named by one rule in both).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli.ts';
import { GIT_ENV, type Harness, parseOutputs, startHarness } from '../support/actions-harness.ts';
import { DEMO_PROMPT, demoScript } from '../support/demo-model.ts';
import { requireSandboxForTests, sandboxAvailable } from '../support/sandbox-required.ts';
import type { ScriptedReply, ScriptedRequest } from '../support/scripted-model.ts';

/** The demo, with the security lens's model refusing every call (a revoked key, say). */
function script(request: ScriptedRequest): ScriptedReply {
  if (/Your lens: security/.test(request.messages[0]?.text ?? '')) return { fault: { kind: 'auth' } };
  return demoScript(request);
}

/** Every file of every artifact, by `artifact/file`, as text. */
type Files = Map<string, string>;

interface RuntimeRun {
  runId: string;
  files: Files;
  prBody: string;
}

let harness: Harness;
let local: RuntimeRun;
let actions: RuntimeRun;

requireSandboxForTests('the parity tests (both runtimes run commands)');

beforeAll(async () => {
  if (!sandboxAvailable) return;
  harness = await startHarness(script, { collaborators: { maintainer: 'maintain' }, users: ['maintainer'] });
  actions = await runOnActions(harness);
  local = await runLocally(harness);
}, 600_000);

afterAll(async () => {
  await harness?.close();
});

async function runOnActions(h: Harness): Promise<RuntimeRun> {
  const dispatch = { name: 'workflow_dispatch', payload: { sender: { login: 'maintainer', type: 'User' } } };
  const plan = await h.runJob('plan', { prompt: DEMO_PROMPT }, { event: dispatch });
  expect(plan.exitCode, plan.stdout).toBe(0);
  const outputs = parseOutputs(plan.files.output);
  const legs = (JSON.parse(outputs['matrix'] ?? '{}') as { include: { task: string }[] }).include;
  for (const leg of legs) await h.runJob('code', { task: leg.task }, { event: dispatch });
  await h.runJob('test', {}, { event: dispatch });
  for (const lens of JSON.parse(outputs['lenses'] ?? '[]') as string[]) {
    await h.runJob('review', { lens }, { event: dispatch });
  }
  await h.runJob('docs', {}, { event: dispatch });
  const publish = await h.runJob('publish', {}, { event: dispatch });
  const pulls = [...h.github.state.pulls.values()];
  const files: Files = new Map();
  for (const artifact of h.artifacts.artifacts) {
    for (const [file, bytes] of h.artifacts.files(artifact.name))
      files.set(`${artifact.name}/${file}`, bytes.toString());
  }
  return { runId: '4242', files, prBody: pulls[0]?.body ?? `no pull request: ${publish.stdout.slice(-2_000)}` };
}

async function runLocally(h: Harness): Promise<RuntimeRun> {
  const repo = join(mkdtempSync(join(tmpdir(), 'ensemble-parity-')), 'textkit');
  execFileSync('git', ['clone', '-q', h.origin, repo], { env: GIT_ENV });
  // The same repository name as on GitHub.
  execFileSync('git', ['remote', 'set-url', 'origin', 'https://github.com/octo-org/textkit.git'], {
    cwd: repo,
    env: GIT_ENV,
  });
  let stdout = '';
  let stderr = '';
  const args = ['run', '--repo', repo, '--prompt', DEMO_PROMPT, '--json'];
  const model = ['--model', 'openai-compatible:scripted', '--base-url', h.model.baseUrlOpenAI];
  await main([...args, ...model], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    cwd: repo,
    env: { PATH: GIT_ENV.PATH },
  });
  const summary = JSON.parse(stdout || '{}') as { runId?: string; runDir?: string; prFile?: string | null };
  if (!summary.runDir) throw new Error(`ensemble run gave no run directory: ${stderr.slice(-2_000)}`);
  const files: Files = new Map();
  const artifacts = join(summary.runDir, 'artifacts');
  for (const artifact of readdirSync(artifacts)) {
    for (const file of readdirSync(join(artifacts, artifact))) {
      files.set(`${artifact}/${file}`, readFileSync(join(artifacts, artifact, file), 'utf8'));
    }
  }
  const prBody = summary.prFile ? readFileSync(summary.prFile, 'utf8') : `no PR body: ${stderr.slice(-2_000)}`;
  return { runId: summary.runId ?? '', files, prBody };
}

// ---------------------------------------------------------------------------------------------
// What differs by nature

/** Keys whose values are times, token counts, costs or ids that only one runtime has. */
const VOLATILE_KEYS = new Set(['usage', 'durationMs', 'startedAt', 'finishedAt', 'at', 'costUsd', 'elapsedMs']);
const GITHUB_ONLY_KEYS = new Set(['prNumber', 'prUrl', 'reviewId', 'commentId', 'sha']);

function normaliseText(text: string, runId: string): string {
  const suffix = runId.split('-').at(-1) ?? runId;
  return text
    .replaceAll(runId, '<run-id>')
    .replace(new RegExp(`(ensemble/[a-z0-9-]+)-${suffix}\\b`, 'g'), '$1-<run-id>');
}

function normaliseJson(value: unknown, runId: string): unknown {
  if (Array.isArray(value)) return value.map((v) => normaliseJson(v, runId));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !VOLATILE_KEYS.has(key) && !GITHUB_ONLY_KEYS.has(key))
        .map(([key, v]) => [key, normaliseJson(v, runId)]),
    );
  }
  return typeof value === 'string' ? normaliseText(value, runId) : value;
}

/** The documents and patches of a run, normalised; transcripts are the agents' own record, not compared. */
function comparable(run: RuntimeRun): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, text] of [...run.files].sort(([a], [b]) => a.localeCompare(b))) {
    if (path.endsWith('transcript.jsonl') || path.startsWith('ensemble-publish/')) continue;
    out[path] = path.endsWith('.json') ? normaliseJson(JSON.parse(text), run.runId) : normaliseText(text, run.runId);
  }
  return out;
}

/**
 * The PR body with the run linked as text (only a GitHub run has a page to link to), without the
 * hidden markers the publisher finds its pull request by, and with the usage table's counts and
 * times blanked (a test run's output, timings included, is part of the testing agent's prompt).
 */
function comparableBody(run: RuntimeRun): string {
  let section = '';
  return normaliseText(run.prBody, run.runId)
    .replace(/\[(run `<run-id>`)\]\([^)]*\)/g, '$1')
    .split('\n')
    .filter((line) => !/^<!-- ensemble:[^>]*-->$/.test(line))
    .map((line) => {
      if (line.startsWith('## ')) section = line;
      return section === '## Usage' ? line.replace(/\b[0-9][0-9,.]*( ?m?s)?\b/g, '<n>') : line;
    })
    .join('\n');
}

describe('the local runtime and the action bundles run one engine', () => {
  test('both write the same artifacts, each with the same documents and patches', () => {
    const [a, b] = [comparable(local), comparable(actions)];
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const path of Object.keys(a)) expect({ path, value: a[path] }).toEqual({ path, value: b[path] });
  });

  test('a review lens whose model fails yields its "did not complete" review in both', () => {
    for (const run of [local, actions]) {
      const review = JSON.parse(run.files.get('ensemble-review-security/review.json') ?? '{}');
      expect(review).toMatchObject({ lens: 'security', verdict: 'comment', findings: [] });
      expect(review.summary).toMatch(/^The security review did not complete/);
    }
  });

  test('both publish the same branch and commits', () => {
    const [a, b] = [local, actions].map((run) => {
      const doc = JSON.parse(run.files.get('ensemble-publish/publish.json') ?? '{}');
      return {
        branch: normaliseText(doc.branch ?? '', run.runId),
        commits: (doc.commits ?? []).map((c: { stage: string; taskId: string | null }) => [c.stage, c.taskId]),
      };
    });
    expect(a?.branch).toMatch(/^ensemble\/add-a-maxlength-option-to-slugify-[a-z-]*<run-id>$/);
    expect(a).toEqual(b);
  });

  test('both render the same pull request body', () => {
    expect(comparableBody(local)).toEqual(comparableBody(actions));
  });
});
