/**
 * The corpus of real repositories (`test/fixtures/corpus/<name>/`): small public projects, kept
 * with their license and upstream commit (`UPSTREAM` in each), on which `ensemble run` works with
 * zero configuration. Each case is one small, real change in the project's own style, played by a
 * scripted model: one task, one coding agent that edits and adds a test, a testing agent that runs
 * the project's tests, reviewers with nothing to say and a docs agent with nothing to change. The
 * suite (`test/e2e/corpus-*.test.ts`) asserts what ensemble detected and reported against what
 * the project's own test command prints.
 */
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunResult } from '../../src/contracts/run-result.ts';
import { ensemble, git } from './local-e2e.ts';
import { repoRoot } from './node24.ts';
import type { ScriptedReply, ScriptedRequest } from './scripted-model.ts';

export const CORPUS_DIR = join(repoRoot, 'test/fixtures/corpus');

/** A tool call the coding agent makes: `write_file` or `edit_file` with its arguments. */
export type Edit =
  | { name: 'write_file'; args: { path: string; content: string } }
  | { name: 'edit_file'; args: { path: string; old_string: string; new_string: string } };

export interface CorpusCase {
  /** The fixture's directory under test/fixtures/corpus/. */
  name: string;
  /** What the request asks, as a person would write it in an issue. */
  prompt: string;
  task: { id: string; title: string; description: string; acceptanceCriteria: string[]; files: string[] };
  /** What the coding agent changes, in order. */
  edits: Edit[];
  /** A command the coding agent runs to check its work (the project's own), before submitting. */
  check: string;
  commitMessage: string;
  /**
   * `system`: the project's tests need the machine's own Node (20 here) rather than the Node 24 that
   * npm scripts of this repository put first on PATH; e.g. the `esm` loader, which no longer loads
   * on Node 22 and later, so that `npm test` fails there at the base already. A user of such a
   * project runs it with the Node it supports; so does its case.
   */
  node?: 'system';
}

/** PATH without this repository's node_modules directories (its Node 24 among them). */
function systemNodePath(): string {
  return (process.env['PATH'] ?? '/usr/bin:/bin')
    .split(':')
    .filter((entry) => !entry.includes('/node_modules/'))
    .join(':');
}

const call = (name: string, args: unknown): ScriptedReply => ({ toolCalls: [{ name, args }] });
const turnsSoFar = (request: ScriptedRequest) => request.messages.filter((m) => m.role === 'assistant').length;

/** The scripted model playing every agent of a one-task run of `c`. */
export function corpusScript(c: CorpusCase): (request: ScriptedRequest) => ScriptedReply {
  const plan = {
    summary: c.task.title,
    tasks: [{ ...c.task, reads: [], dependsOn: [] }],
    testStrategy: "The project's own test suite, with a test for the new behaviour.",
    risks: [],
  };
  return (request) => {
    const turn = turnsSoFar(request);
    const system = request.system;
    if (system.includes('You are the planning agent'))
      return turn === 0 ? call('list_files', {}) : call('submit_plan', plan);
    if (system.includes('You are a coding agent')) {
      const steps = [
        ...c.edits.map((e) => call(e.name, e.args)),
        call('run_command', { command: c.check }),
        call('submit_task', { status: 'done', summary: c.task.description, commitMessage: c.commitMessage }),
      ];
      return steps[turn] ?? steps.at(-1)!;
    }
    if (system.includes("You are the integration step of ensemble's testing agent"))
      return call('submit_tests', { summary: 'Nothing to resolve.', testsAdded: [] });
    if (system.includes('You are the testing agent'))
      return call('submit_tests', { summary: 'The task integrates; the suite passes.', testsAdded: [] });
    if (system.includes('You are a review agent'))
      return call('submit_review', { verdict: 'approve', summary: 'Fine.', findings: [], criteria: [] });
    if (system.includes('You are the documentation agent'))
      return call('submit_docs', { status: 'no-change', summary: 'Nothing user-facing to document.' });
    return { text: 'The corpus script does not know this agent.' };
  };
}

/** The fixture of `name` as a fresh git checkout on `main` (its files committed as they are). */
export function corpusRepo(name: string): string {
  const source = join(CORPUS_DIR, name);
  if (!existsSync(join(source, 'UPSTREAM'))) throw new Error(`${source} has no UPSTREAM file`);
  const dir = join(mkdtempSync(join(tmpdir(), 'ensemble-corpus-')), name);
  cpSync(source, dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  return dir;
}

/** `ensemble run --json` of `c` on a fresh checkout of its fixture, with no configuration. */
export async function runCorpusCase(c: CorpusCase) {
  const repo = corpusRepo(c.name);
  const args = ['run', '--repo', repo, '--json', '--prompt', c.prompt];
  // Commands take their PATH from this process (the sandbox's toolchains are this process's).
  const saved = process.env['PATH'];
  if (c.node === 'system') process.env['PATH'] = systemNodePath();
  let result: Awaited<ReturnType<typeof ensemble>>;
  try {
    result = await ensemble(args, corpusScript(c), process.cwd(), process.env['PATH']);
  } finally {
    process.env['PATH'] = saved;
  }
  const summary: RunResult | null = result.stdout ? RunResult.parse(JSON.parse(result.stdout)) : null;
  return { ...result, summary, repo, status: git(repo, 'status', '--porcelain') };
}
