/**
 * Scenarios for the publish action's contract tests: a repository "on GitHub" (the OpenAPI-checked
 * fake, holding the very base commit a local checkout has, byte for byte), the artifacts a run
 * would have uploaded (made with real git from real edits of examples/demo-repo, documents
 * validated against their contracts) in the artifact service fake, and `runPublish` to run the
 * committed `dist/publish.js` under Node 24 as the runner would, in a fresh checkout at the base.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import type {
  DocsDocument,
  Finding,
  PlanDocument,
  RequestSnapshot,
  ReviewDocument,
  RunIdentity,
  TaskDocument,
  TestDocument,
  Usage,
} from '../../src/contracts/index.ts';
import { parseDocument } from '../../src/contracts/read.ts';
import { requestFromIssue, requestFromPrompt } from '../../src/pipeline/request.ts';
import { loadRunConfig } from '../../src/pipeline/session.ts';
import type { PublishArtifacts } from '../../src/publish/artifacts.ts';
import { marker } from '../../src/render/marker.ts';
import type { FixLoop } from '../../src/review/index.ts';
import { ActionsArtifactStore } from '../../src/runtime/actions/artifacts.ts';
import { runLocalPipeline } from '../../src/runtime/local/pipeline.ts';
import { hardenedGit } from '../../src/workspace/git.ts';
import { diffTrees } from '../../src/workspace/patch.ts';
import { type ArtifactFake, startArtifactFake } from './artifact-fake.ts';
import { DEMO_PROMPT, demoScript } from './demo-model.ts';
import { type GitHubFake, type GitHubFakeSeed, startGitHubFake } from './github-fake.ts';
import type { EntryMode } from './github-fake-git.ts';
import { repoRoot } from './node24.ts';
import { type ActionRun, runActionBundle } from './runner.ts';
import { type ScriptedModelServer, startScriptedModel } from './scripted-model.ts';

/** The token of the step, built at run time (no token-shaped literal in the sources). */
export const TOKEN = `ghs_${'publishcontract'.padEnd(36, '0')}`;
export const OWNER = 'octo-org';
export const REPO = 'textkit';
export const RUN_ID = '4242';
export const ISSUE = 7;
export const ISSUE_TITLE = 'Slugs with a length limit, and sentence counts';
export const ISSUE_BODY = 'Add a maxLength option to slugify, and a countSentences function.';
export const TRACKING = marker('tracking');

export const GIT_ENV: Record<string, string> = {
  PATH: process.env['PATH'] ?? '/usr/bin:/bin',
  HOME: tmpdir(),
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  LC_ALL: 'C',
};

export const FOUNDER = {
  name: 'Octo Founder',
  email: 'founder@example.com',
  date: '2020-01-01T00:00:00Z',
  unix: 1577836800,
};

/** Git's environment for a commit the fake can hold SHA for SHA (see `mirrorCommit`). */
export const FOUNDER_IDENTITY = {
  GIT_AUTHOR_NAME: FOUNDER.name,
  GIT_AUTHOR_EMAIL: FOUNDER.email,
  GIT_AUTHOR_DATE: `@${FOUNDER.unix} +0000`,
  GIT_COMMITTER_NAME: FOUNDER.name,
  GIT_COMMITTER_EMAIL: FOUNDER.email,
  GIT_COMMITTER_DATE: `@${FOUNDER.unix} +0000`,
};

export function git(dir: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, {
    cwd: dir,
    env: { ...GIT_ENV, ...env },
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** File contents by path; null deletes; `{ mode }` sets an executable. */
export type FileTree = Record<string, string | Buffer | null | { content: string | Buffer; executable: true }>;

function writeTree(dir: string, files: FileTree): void {
  for (const [path, value] of Object.entries(files)) {
    const file = join(dir, path);
    if (value === null) {
      rmSync(file, { force: true });
      continue;
    }
    mkdirSync(dirname(file), { recursive: true });
    if (typeof value === 'string' || Buffer.isBuffer(value)) writeFileSync(file, value);
    else writeFileSync(file, value.content, { mode: 0o755 });
  }
}

function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

// ---------------------------------------------------------------------------------------------
// the default change: the demo's request, done by hand

export const SLUGIFY = `/**
 * Turns a title into a URL slug: lower case, ASCII letters and digits, words joined by "-".
 * @param {string} text
 * @param {{ maxLength?: number }} [options]
 * @returns {string}
 */
export function slugify(text, { maxLength } = {}) {
  const slug = text
    .normalize('NFKD')
    .replace(/[\\u0300-\\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!maxLength || slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const end = cut.lastIndexOf('-');
  return end > 0 ? cut.slice(0, end) : slug.slice(0, maxLength);
}
`;

export const COUNT = `/**
 * Counts the words of a text: runs of letters, digits, apostrophes and hyphens.
 * @param {string} text
 * @returns {number}
 */
export function countWords(text) {
  return (text.match(/[\\p{L}\\p{N}'-]+/gu) ?? []).length;
}

/**
 * Counts the sentences of a text.
 * @param {string} text
 * @returns {number}
 */
export function countSentences(text) {
  return text.split(/[.!?]+/).filter((part) => /[\\p{L}\\p{N}]/u.test(part)).length;
}
`;

const INDEX = `export { countSentences, countWords } from './count.js';
export { slugify } from './slugify.js';
`;

const INDEX_TEST = `import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countSentences, countWords, slugify } from '../src/index.js';

test('the package exports every helper', () => {
  assert.equal(slugify('Hello big wide world', { maxLength: 12 }), 'hello-big');
  assert.equal(countWords('One two.'), 2);
  assert.equal(countSentences('One. Two!'), 2);
});
`;

const README_DOCS = `# textkit

Small text helpers.

## API

### \`slugify(text, { maxLength })\`

Turns a title into a URL slug: \`slugify('Hello, World!')\` is \`'hello-world'\`. With \`maxLength\`, the slug is cut after the last whole word that fits.

### \`countWords(text)\`

Counts the words of a text: \`countWords("It's a well-known fact.")\` is \`4\`.

### \`countSentences(text)\`

Counts the sentences of a text: \`countSentences('Hi. How are you? Fine!')\` is \`3\`.

## Development

\`npm test\` runs the tests with Node's test runner.
`;

export interface ScenarioTask {
  id: string;
  title: string;
  files: FileTree;
  commitMessage?: string;
  /** The task's summary; `<title>, with tests.` by default. */
  summary?: string;
  status?: TaskDocument['status'];
  dependsOn?: string[];
}

/** The line of `SLUGIFY` a finding quotes (1-based), for assertions. */
export const MAX_LENGTH_LINE =
  SLUGIFY.split('\n').indexOf('  if (!maxLength || slug.length <= maxLength) return slug;') + 1;

export function defaultTasks(): ScenarioTask[] {
  return [
    {
      id: 'slugify-max-length',
      title: 'Add a maxLength option to slugify',
      files: { 'src/slugify.js': SLUGIFY },
      commitMessage: 'Add a maxLength option to slugify',
    },
    {
      id: 'count-sentences',
      title: 'Add countSentences',
      files: { 'src/count.js': COUNT, 'src/index.js': INDEX },
      commitMessage: 'Add countSentences',
    },
  ];
}

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: null,
    path: 'src/slugify.js',
    line: null,
    endLine: null,
    quote: '  if (!maxLength || slug.length <= maxLength) return slug;',
    severity: 'high',
    title: 'maxLength: 0 is treated as "no limit"',
    body: '`!maxLength` is also true for 0, so `slugify(text, { maxLength: 0 })` returns the whole slug.',
    suggestion: '  if (maxLength === undefined || slug.length <= maxLength) return slug;',
    ...overrides,
  };
}

export type LensReview = Pick<ReviewDocument, 'verdict' | 'summary' | 'findings' | 'criteria'>;

/**
 * Three lenses: correctness with an inline finding (a suggestion), a range, and one outside the
 * diff; the others approve.
 */
export function defaultReviews(): Record<string, LensReview> {
  return {
    correctness: {
      verdict: 'request-changes',
      summary: 'Both changes do what the plan asks; maxLength has an edge case.',
      findings: [
        finding(),
        finding({
          quote: "  const cut = slug.slice(0, maxLength + 1);\n  const end = cut.lastIndexOf('-');",
          severity: 'low',
          title: 'Name the cut-off point',
          body: 'These two lines compute where the slug ends; a helper with a name would read better.',
          suggestion: "  const end = slug.slice(0, maxLength + 1).lastIndexOf('-');\n  const cut = slug;",
        }),
        finding({
          path: 'package.json',
          quote: '"version": "1.0.0"',
          severity: 'medium',
          title: 'Bump the minor version',
          body: 'A new option and a new export are a minor release: 1.1.0.',
          suggestion: null,
        }),
      ],
      criteria: [
        { criterion: 'slugify without options behaves as before', met: true, evidence: 'test/slugify.test.js passes' },
      ],
    },
    tests: { verdict: 'approve', summary: 'Each behaviour change comes with tests.', findings: [], criteria: [] },
    security: {
      verdict: 'approve',
      summary: 'No input reaches a shell, the file system or the network.',
      findings: [],
      criteria: [],
    },
  };
}

export interface ScenarioSpec {
  /** The issue the run is for; null: a run from a prompt. Default 7. */
  issue?: number | null;
  /** Files of the base commit besides examples/demo-repo (an ensemble config, a binary). */
  baseFiles?: FileTree;
  tasks?: ScenarioTask[];
  /** Files the testing agent adds on top of every task. */
  tests?: FileTree;
  /** The docs agent's edits on top of the change; null: the docs stage changed nothing. */
  docs?: FileTree | null;
  reviews?: Record<string, LensReview>;
  /** Seed of the GitHub fake, over the scenario's. */
  seed?: GitHubFakeSeed;
  /** Artifact names not uploaded (a job that failed before uploading). */
  omit?: string[];
  /** Edits the artifact directory (`<dir>/<artifact>/<file>`) before the upload. */
  mutate?: (dir: string) => void;
}

export interface Scenario {
  github: GitHubFake;
  artifacts: ArtifactFake;
  /** The repository every job checks out. */
  origin: string;
  baseSha: string;
  run: RunIdentity;
  plan: PlanDocument;
  changePatch: string;
  docsPatch: string;
  /** Uploads (again) artifacts from `dir`, replacing those of the same name. */
  upload(dir: string, names?: string[]): Promise<void>;
  /** The artifact directory the scenario uploaded from. */
  artifactDir: string;
  close(): Promise<void>;
}

const USAGE: Usage = {
  model: 'openai-compatible:scripted',
  calls: 2,
  inputTokens: 1_000,
  outputTokens: 200,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  costUsd: null,
  durationMs: 1_500,
};

/** Copies commit `sha` of `repoDir` (a root commit) into the fake's object store, SHA for SHA. */
export function mirrorCommit(github: GitHubFake, repoDir: string, sha: string): void {
  const store = github.state.git;
  const entries = git(repoDir, ['ls-tree', '-r', '-z', sha])
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t') as [string, string];
      const [mode, type, blob] = meta.split(' ') as [EntryMode, 'blob', string];
      const bytes = execFileSync('git', ['cat-file', 'blob', blob], { cwd: repoDir, env: GIT_ENV });
      if (store.writeBlob(bytes) !== blob) throw new Error(`the fake hashed ${path} differently`);
      return { path, mode, type, sha: blob };
    });
  const tree = store.editTree(null, entries);
  const raw = git(repoDir, ['cat-file', 'commit', sha]);
  const message = raw.slice(raw.indexOf('\n\n') + 2);
  const person = { name: FOUNDER.name, email: FOUNDER.email, date: FOUNDER.date };
  const commit = store.writeCommit({ tree, parents: [], message, author: person, committer: person, verified: false });
  if (commit.sha !== sha) throw new Error(`the fake's copy of the base commit is ${commit.sha}, not ${sha}`);
  github.state.refs.set(`refs/heads/${github.state.defaultBranch}`, sha);
}

function validated<N extends 'plan' | 'task' | 'test' | 'review' | 'docs'>(kind: N, value: unknown) {
  return parseDocument(kind, value);
}

function writeArtifact(dir: string, name: string, files: Record<string, string>): void {
  mkdirSync(join(dir, name), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, name, file), text);
}

/**
 * The repository every job checks out: examples/demo-repo and `baseFiles`, committed as the fake
 * can hold it SHA for SHA.
 */
export function createOrigin(baseFiles: FileTree = {}): { origin: string; baseSha: string } {
  const origin = join(tempDir('ensemble-publish-origin-'), REPO);
  cpSync(join(repoRoot, 'examples/demo-repo'), origin, { recursive: true });
  writeTree(origin, baseFiles);
  git(origin, ['init', '-q', '-b', 'main']);
  git(origin, ['add', '-A']);
  git(origin, ['commit', '-q', '-m', 'textkit 1.0.0'], FOUNDER_IDENTITY);
  return { origin, baseSha: git(origin, ['rev-parse', 'HEAD']).trim() };
}

/** The GitHub fake as OWNER/REPO with issue ISSUE and its tracking comment, holding `baseSha` of `origin` on `main`. */
export async function startGitHubAt(origin: string, baseSha: string, seed: GitHubFakeSeed = {}): Promise<GitHubFake> {
  const github = await startGitHubFake({
    owner: OWNER,
    repo: REPO,
    token: TOKEN,
    collaborators: { maintainer: 'write' },
    issues: [
      {
        number: ISSUE,
        title: ISSUE_TITLE,
        body: ISSUE_BODY,
        author: 'maintainer',
        labels: ['ensemble'],
        comments: [{ author: 'github-actions[bot]', body: `${TRACKING}\nensemble is working on this issue.` }],
      },
    ],
    ...seed,
  });
  mirrorCommit(github, origin, baseSha);
  return github;
}

/** The repository "on GitHub" (the fake holds its base commit SHA for SHA) and the artifact service. */
async function startRepository(spec: Pick<ScenarioSpec, 'baseFiles' | 'seed'>) {
  const { origin, baseSha } = createOrigin(spec.baseFiles);
  const github = await startGitHubAt(origin, baseSha, spec.seed);
  const artifacts = await startArtifactFake();

  /** Uploads every artifact directory under `from` (or `names`), but `omit`, as the stage jobs would. */
  const upload = async (from: string, names?: string[], omit: readonly string[] = []) => {
    const store = new ActionsArtifactStore({ runtimeToken: artifacts.tokenFor(), resultsUrl: artifacts.url });
    // The artifact client logs every request to stdout as workflow commands: kept out of the test's output.
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      for (const name of names ?? readdirSync(from).sort()) {
        if (!omit.includes(name)) await store.uploadArtifact(name, join(from, name));
      }
    } finally {
      process.stdout.write = write;
    }
  };
  return { origin, baseSha, github, artifacts, upload };
}

/** What the stage jobs of a run made for a scenario: its documents (validated against their contracts) and patches. */
export interface RunFiles {
  request: RequestSnapshot;
  run: RunIdentity;
  plan: PlanDocument;
  tasks: { document: TaskDocument; patch: string }[];
  test: TestDocument;
  changePatch: string;
  /** In the order of the spec's lenses. */
  reviews: ReviewDocument[];
  /** `patch` is empty when the docs stage changed nothing. */
  docs: { document: DocsDocument; patch: string };
}

type RunSpec = Pick<ScenarioSpec, 'issue' | 'tasks' | 'tests' | 'docs' | 'reviews'>;

/** The run's patches, made with git from the spec's edits on `baseSha` of `origin`, and its documents. */
export async function makeRunFiles(origin: string, baseSha: string, spec: RunSpec = {}): Promise<RunFiles> {
  const issue = spec.issue === undefined ? ISSUE : spec.issue;
  const tasks = spec.tasks ?? defaultTasks();
  const tests = spec.tests ?? { 'test/index.test.js': INDEX_TEST };
  const docsFiles = spec.docs === undefined ? { 'README.md': README_DOCS } : spec.docs;
  const reviews = spec.reviews ?? defaultReviews();

  // The patches, made with git from the edits, in a scratch clone.
  const scratch = join(tempDir('ensemble-publish-scratch-'), REPO);
  execFileSync('git', ['clone', '-q', '--no-hardlinks', origin, scratch], { env: GIT_ENV });
  const work = {
    GIT_AUTHOR_NAME: 'agent',
    GIT_AUTHOR_EMAIL: 'agent@example.com',
    GIT_COMMITTER_NAME: 'agent',
    GIT_COMMITTER_EMAIL: 'agent@example.com',
  };
  const commitAll = (message: string) => {
    git(scratch, ['add', '-A']);
    git(scratch, ['commit', '-q', '--allow-empty', '-m', message], work);
    return git(scratch, ['rev-parse', 'HEAD']).trim();
  };
  const g = hardenedGit(scratch);
  const taskPatches = new Map<string, string>();
  for (const task of tasks) {
    git(scratch, ['checkout', '-q', '--detach', baseSha]);
    writeTree(scratch, task.files);
    taskPatches.set(task.id, (await diffTrees(g, baseSha, commitAll(task.id))).patch);
  }
  git(scratch, ['checkout', '-q', '--detach', baseSha]);
  for (const task of tasks) if ((task.status ?? 'done') === 'done') writeTree(scratch, task.files);
  writeTree(scratch, tests);
  const changeSha = commitAll('change');
  const changePatch = (await diffTrees(g, baseSha, changeSha)).patch;
  let docsPatch = '';
  if (docsFiles) {
    writeTree(scratch, docsFiles);
    docsPatch = (await diffTrees(g, changeSha, commitAll('docs'))).patch;
  }

  // The documents.
  const { loaded } = await loadRunConfig(origin, null, null);
  const request =
    issue === null
      ? requestFromPrompt('Add a maxLength option to slugify, and a countSentences function.')
      : requestFromIssue({
          number: issue,
          title: ISSUE_TITLE,
          body: 'Add a maxLength option to slugify, and a countSentences function.',
          author: 'maintainer',
          comments: [],
        });
  const run: RunIdentity = {
    repository: `${OWNER}/${REPO}`,
    runId: RUN_ID,
    issue,
    promptHash: issue === null ? request.hash : null,
    baseSha,
    configHash: loaded.hash,
  };
  const envelope = (schema: string) => ({ schema, run, usage: USAGE });
  const plan = validated('plan', {
    ...envelope('ensemble.plan/v1'),
    summary: 'Two changes: a maxLength option for slugify, and countSentences.',
    tasks: tasks.map((t) => ({
      id: t.id,
      title: t.title,
      description: `${t.title}.`,
      acceptanceCriteria: [`${t.title} works and is tested`],
      files: Object.keys(t.files),
      reads: [],
      dependsOn: t.dependsOn ?? [],
    })),
    testStrategy: 'Unit tests next to each helper with node:test.',
    risks: [],
    request,
  }) as PlanDocument;
  const taskFiles = tasks.map((task) => ({
    document: validated('task', {
      ...envelope('ensemble.task/v1'),
      status: task.status ?? 'done',
      summary: task.summary ?? `${task.title}, with tests.`,
      commitMessage: task.commitMessage ?? task.title,
      taskId: task.id,
      filesChanged: Object.keys(task.files),
      commands: [{ command: 'npm test', exitCode: 0 }],
      stopReason: null,
    }) as TaskDocument,
    patch: taskPatches.get(task.id) ?? '',
  }));
  const test = validated('test', {
    ...envelope('ensemble.test/v1'),
    summary: 'Both tasks integrate cleanly and every test passes.',
    testsAdded: Object.keys(tests),
    status: 'passed',
    command: 'npm test',
    exitCode: 0,
    passed: 9,
    failed: 0,
    failures: [],
    integration: tasks.map((t) => ({
      taskId: t.id,
      result: (t.status ?? 'done') === 'done' ? 'applied' : 'skipped',
      conflictingFiles: [],
      detail: '',
    })),
    fixAttempts: 0,
  }) as TestDocument;
  const reviewDocuments = Object.entries(reviews).map(
    ([lens, review]) => validated('review', { ...envelope('ensemble.review/v1'), ...review, lens }) as ReviewDocument,
  );
  const docs = validated('docs', {
    ...envelope('ensemble.docs/v1'),
    status: docsFiles ? 'updated' : 'no-change',
    summary: docsFiles ? 'Documented maxLength and countSentences in the README.' : 'Nothing to document.',
    filesChanged: docsFiles ? Object.keys(docsFiles) : [],
  }) as DocsDocument;
  return {
    request,
    run,
    plan,
    tasks: taskFiles,
    test,
    changePatch,
    reviews: reviewDocuments,
    docs: { document: docs, patch: docsPatch },
  };
}

export interface StepInputs {
  /** A checkout at the base: the repository the steps make their commits in. */
  origin: string;
  baseSha: string;
  files: RunFiles;
  /** What `readRun` hands on: every artifact read and valid. */
  artifacts: PublishArtifacts & { changePatch: string };
}

/** The publish steps' inputs, in process: the origin at its base, and the run's artifacts as `readRun` reads them. */
export async function createStepInputs(spec: RunSpec & Pick<ScenarioSpec, 'baseFiles'> = {}): Promise<StepInputs> {
  const { origin, baseSha } = createOrigin(spec.baseFiles);
  const files = await makeRunFiles(origin, baseSha, spec);
  const { plan, tasks, test, changePatch, reviews, docs } = files;
  // The stage table is the report's concern, not the steps'.
  const artifacts = { plan, tasks, test, changePatch, reviews, docs, fix: noFixRounds(), stages: [], invalid: [] };
  return { origin, baseSha, files, artifacts };
}

/** `createScenario` for a test file: every scenario made in a test is closed after it. */
export function scenarioPerTest(): (spec?: ScenarioSpec) => Promise<Scenario> {
  const made: Scenario[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((s) => s.close()));
  });
  return async (spec = {}) => {
    const scenario = await createScenario(spec);
    made.push(scenario);
    return scenario;
  };
}

export async function createScenario(spec: ScenarioSpec = {}): Promise<Scenario> {
  const { origin, baseSha, github, artifacts, upload } = await startRepository(spec);
  const files = await makeRunFiles(origin, baseSha, spec);
  const { request, run, plan, changePatch } = files;

  const dir = tempDir('ensemble-publish-artifacts-');
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  writeArtifact(dir, 'ensemble-plan', { 'plan.json': json(plan), 'request.json': JSON.stringify(request) });
  for (const { document, patch } of files.tasks) {
    writeArtifact(dir, `ensemble-code-${document.taskId}`, {
      'task.json': json(document),
      'task.patch': patch,
      'transcript.jsonl': '',
    });
  }
  writeArtifact(dir, 'ensemble-test', { 'test.json': json(files.test), 'change.patch': changePatch });
  for (const document of files.reviews) {
    writeArtifact(dir, `ensemble-review-${document.lens}`, { 'review.json': json(document) });
  }
  const docs = files.docs;
  writeArtifact(dir, 'ensemble-docs', { 'docs.json': json(docs.document), 'docs.patch': docs.patch });
  spec.mutate?.(dir);

  await upload(dir, undefined, spec.omit);

  return {
    github,
    artifacts,
    origin,
    baseSha,
    run,
    plan,
    changePatch,
    docsPatch: docs.patch,
    upload,
    artifactDir: dir,
    close: async () => {
      await Promise.all([github.close(), artifacts.close()]);
    },
  };
}

/**
 * The artifacts of a real run: `runLocalPipeline` with the demo's scripted model on the same
 * repository, for issue #7 of octo-org/textkit, uploaded as the stage jobs would have.
 */
export async function createScenarioFromLocalRun(): Promise<Scenario & { model: ScriptedModelServer }> {
  const { origin, baseSha, github, artifacts, upload } = await startRepository({});
  git(origin, ['remote', 'add', 'origin', `https://github.com/${OWNER}/${REPO}.git`]);
  const model = await startScriptedModel(demoScript);
  const silent = { info: () => {}, warn: () => {}, event: () => {} };
  const summary = await runLocalPipeline({
    repoDir: origin,
    request: requestFromIssue({
      number: ISSUE,
      title: ISSUE_TITLE,
      body: DEMO_PROMPT,
      author: 'maintainer',
      comments: [],
    }),
    model: 'openai-compatible:scripted',
    baseUrl: model.baseUrlOpenAI,
    env: { PATH: GIT_ENV['PATH'] },
    reporter: silent,
  });
  if (summary.branch === null) throw new Error(`the local run failed: ${summary.error}`);
  const dir = join(summary.runDir, 'artifacts');
  await upload(dir);
  const plan = JSON.parse(readFileSync(join(dir, 'ensemble-plan', 'plan.json'), 'utf8')) as PlanDocument;
  return {
    github,
    artifacts,
    model,
    origin,
    baseSha,
    run: plan.run,
    plan,
    changePatch: readFileSync(join(dir, 'ensemble-test', 'change.patch'), 'utf8'),
    docsPatch: readFileSync(join(dir, 'ensemble-docs', 'docs.patch'), 'utf8'),
    upload: (from, names) => upload(from, names),
    artifactDir: dir,
    close: async () => {
      await Promise.all([github.close(), artifacts.close(), model.close()]);
    },
  };
}

export interface PublishRun extends ActionRun {
  outputs: Record<string, string>;
}

/** Runs `dist/publish.js` as the publish job of the run: a fresh checkout at the base, the fakes' URLs and tokens. */
export async function runPublish(
  scenario: Scenario,
  options: { inputs?: Record<string, string>; env?: Record<string, string> } = {},
): Promise<PublishRun> {
  const workspace = join(tempDir('ensemble-publish-job-'), REPO);
  // actions/checkout with persist-credentials: false, at the plan's base SHA.
  execFileSync('git', ['clone', '-q', '--no-hardlinks', scenario.origin, workspace], { env: GIT_ENV });
  git(workspace, ['checkout', '-q', '--detach', scenario.baseSha]);
  const run = await runActionBundle(
    'publish',
    {
      'github-token': TOKEN,
      config: '.github/ensemble.yml',
      draft: 'true',
      // As the reusable workflow passes it: the issue the plan worked on.
      issue: scenario.run.issue === null ? '' : String(scenario.run.issue),
      ...options.inputs,
    },
    {
      env: {
        GITHUB_WORKSPACE: workspace,
        GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
        // The run the artifacts are of (RUN_ID, or a local run's id): publish refuses another run's.
        GITHUB_RUN_ID: scenario.run.runId,
        GITHUB_API_URL: scenario.github.url,
        GITHUB_SERVER_URL: 'https://github.com',
        ACTIONS_RESULTS_URL: scenario.artifacts.url,
        ACTIONS_RUNTIME_TOKEN: scenario.artifacts.tokenFor(),
        ...options.env,
      },
      timeoutMs: 120_000,
    },
  );
  return { ...run, outputs: parseOutputs(run.files.output) };
}

/** The outputs a step wrote to GITHUB_OUTPUT (`name<<delimiter … delimiter` or `name=value`). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i] ?? '');
      out[heredoc[1]!] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

/** Whether a request takes or releases the publish lock (`src/publish/lock.ts`): its commit or its ref. */
function isLockWrite(r: GitHubFake['requests'][number]): boolean {
  const body = (r.body ?? {}) as { ref?: unknown; message?: unknown };
  if (r.operation === 'git/create-commit') return String(body.message ?? '').startsWith('ensemble publish lock');
  if (r.operation === 'git/create-ref') return String(body.ref ?? '').startsWith('refs/ensemble/locks/');
  if (r.operation === 'git/update-ref' || r.operation === 'git/delete-ref') return r.path.includes('/ensemble/locks/');
  return false;
}

/** Every write the job made to GitHub, as `METHOD operation`, in order, but those of the publish lock. */
export function writes(github: GitHubFake): string[] {
  return github.requests.filter((r) => r.method !== 'GET' && !isLockWrite(r)).map((r) => `${r.method} ${r.operation}`);
}

/** The writes that took and released the publish lock, as `METHOD operation status`, in order. */
export function lockWrites(github: GitHubFake): string[] {
  return github.requests.filter(isLockWrite).map((r) => `${r.method} ${r.operation} ${r.status}`);
}

/** The tracking comments on the issue (there must be exactly one). */
export function trackingComments(github: GitHubFake, issue = ISSUE) {
  return github.state.comments.filter((c) => c.issue === issue && c.body.includes(TRACKING));
}

/** The commits from the branch head down to the base, oldest first. */
export function branchCommits(github: GitHubFake, branch: string, baseSha: string) {
  const out = [];
  let sha = github.state.refs.get(`refs/heads/${branch}`);
  while (sha && sha !== baseSha) {
    const commit = github.state.git.commits.get(sha);
    if (!commit) throw new Error(`no commit ${sha} in the fake`);
    out.unshift(commit);
    sha = commit.parents[0];
  }
  return out;
}

/** The annotations the step wrote (`::error::…`), unescaped. */
export function errorsOf(run: ActionRun): string[] {
  return run.stdout
    .split('\n')
    .filter((l) => l.startsWith('::error::'))
    .map((l) => l.slice('::error::'.length).replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'));
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A run without fix rounds, as the publisher reads it. */
export function noFixRounds(): FixLoop {
  return { rounds: [], stopped: null };
}
