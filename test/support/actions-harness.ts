/**
 * The GitHub Actions side of the contract tests: a repository "on GitHub" (a local git repo every
 * job clones, as actions/checkout would), the OpenAPI-checked REST fake, the artifact service fake
 * and the scripted model, and `runJob` to run one of our committed action bundles as the runner
 * would, in a fresh checkout and runner temp directory per job.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ArtifactFake, startArtifactFake } from './artifact-fake.ts';
import { DEMO_PROMPT } from './demo-model.ts';
import { GIT_TEST_ENV } from './git-fixture.ts';
import { type GitHubFake, type GitHubFakeSeed, startGitHubFake } from './github-fake.ts';
import { repoRoot } from './node24.ts';
import { FOUNDER_IDENTITY, mirrorCommit } from './publish-fixtures.ts';
import { type ActionRun, runActionBundle } from './runner.ts';
import { type Script, type ScriptedModelServer, startScriptedModel } from './scripted-model.ts';

export const GIT_ENV = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...GIT_TEST_ENV };

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' });
}

export interface Harness {
  github: GitHubFake;
  artifacts: ArtifactFake;
  model: ScriptedModelServer;
  /** The repository every job checks out. */
  origin: string;
  baseSha: string;
  runJob(
    entry: string,
    inputs: Record<string, string>,
    options?: { event?: { name: string; payload: unknown }; ref?: string; job?: string; env?: Record<string, string> },
  ): Promise<ActionRun>;
  close(): Promise<void>;
}

/** The demo's request as issue #12, opened by a maintainer: what the workflow-level tests trigger on. */
export const DEMO_ISSUE = {
  number: 12,
  title: 'Slug length and sentences',
  body: DEMO_PROMPT,
  author: 'maintainer',
  comments: [],
};

/** A repository where `maintainer` may start a run, and issue #12 is the demo's request. */
export const MAINTAINER_SEED = {
  collaborators: { maintainer: 'maintain' as const },
  users: ['maintainer'],
  issues: [DEMO_ISSUE],
};

export const TOKEN = 'ghs_contractTestToken0000000000000000000';

/** Seeds a repository from examples/demo-repo and starts every fake. */
export async function startHarness(
  script: Script,
  seed: GitHubFakeSeed = {},
  prepare?: (dir: string) => void,
): Promise<Harness> {
  const origin = join(mkdtempSync(join(tmpdir(), 'ensemble-origin-')), 'textkit');
  cpSync(join(repoRoot, 'examples/demo-repo'), origin, { recursive: true });
  prepare?.(origin);
  git(origin, 'init', '-q', '-b', 'main');
  git(origin, 'add', '-A');
  execFileSync('git', ['commit', '-q', '-m', 'textkit 1.0.0'], {
    cwd: origin,
    env: { ...GIT_ENV, ...FOUNDER_IDENTITY },
  });
  const baseSha = git(origin, 'rev-parse', 'HEAD').trim();

  const github = await startGitHubFake({ owner: 'octo-org', repo: 'textkit', token: TOKEN, ...seed });
  // The repository on GitHub holds the same commit, so the publisher can build on it.
  mirrorCommit(github, origin, baseSha);
  const artifacts = await startArtifactFake();
  const model = await startScriptedModel(script);
  let jobs = 0;

  return {
    github,
    artifacts,
    model,
    origin,
    baseSha,
    async runJob(entry, inputs, options = {}) {
      jobs += 1;
      const workspace = join(mkdtempSync(join(tmpdir(), 'ensemble-job-')), 'textkit');
      // actions/checkout with persist-credentials: false, at the ref the job asks for.
      execFileSync('git', ['clone', '-q', '--no-hardlinks', origin, workspace], { env: GIT_ENV });
      git(workspace, 'checkout', '-q', '--detach', options.ref ?? baseSha);
      return runActionBundle(
        entry,
        { model: 'openai-compatible:scripted', 'base-url': model.baseUrlOpenAI, 'github-token': TOKEN, ...inputs },
        {
          event: options.event ?? {
            name: 'workflow_dispatch',
            payload: { sender: { login: 'maintainer', type: 'User' } },
          },
          env: {
            GITHUB_WORKSPACE: workspace,
            GITHUB_REPOSITORY: 'octo-org/textkit',
            GITHUB_API_URL: github.url,
            ACTIONS_RESULTS_URL: artifacts.url,
            ACTIONS_RUNTIME_TOKEN: artifacts.tokenFor({ job: options.job ?? `job-${jobs}` }),
            ...options.env,
          },
          timeoutMs: 120_000,
        },
      );
    },
    async close() {
      await Promise.all([github.close(), artifacts.close(), model.close()]);
    },
  };
}

/** The outputs a step wrote to GITHUB_OUTPUT (`name<<delimiter … delimiter` or `name=value`). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
      out[name] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

/** An `issues: labeled` event; `text` is the issue as it read when labelled (the payload carries it). */
export function labeledEvent(
  issue: number,
  sender: string,
  label = 'ensemble',
  text?: { title: string; body: string },
) {
  return {
    name: 'issues',
    payload: {
      action: 'labeled',
      label: { name: label },
      issue: { number: issue, ...(text ?? {}) },
      repository: { full_name: 'octo-org/textkit', default_branch: 'main' },
      sender: { login: sender, type: sender.endsWith('[bot]') ? 'Bot' : 'User' },
    },
  };
}
