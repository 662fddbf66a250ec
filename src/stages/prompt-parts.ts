/**
 * The pieces of text several stages put in their agents' tasks, each built in one place: the
 * request, the plan (and one task of it), and the change as a diff. A stage composes its task from
 * these and its own sections.
 */
import { stripHiddenContent, untrustedBlock } from '../agent/prompt.ts';
import type { QuestionRound, Revision } from '../contracts/gate.ts';
import type { PlanDocument, PlanTask, RequestSnapshot } from '../contracts/plan.ts';
import type { TestDocument } from '../contracts/test-report.ts';
import type { LensFinding } from '../review/index.ts';
import { clip } from '../util/text.ts';
import { type DiffFile, parseUnifiedDiff, splitSections } from '../workspace/index.ts';

/** Most characters of a diff an agent's task shows; the agent reads the rest with its tools. */
export const PROMPT_DIFF_MAX_CHARS = 60_000;
/** Longest excerpt of one failing test shown to an agent. */
const FAILURE_EXCERPT_MAX_CHARS = 1_500;
/** Longest body of one finding shown to an agent. */
const FINDING_BODY_MAX_CHARS = 4_000;
/** Most files listed by name (with their line counts) above the diff. */
const PROMPT_FILE_LIST_MAX = 200;

const HIDDEN_CONTENT_REMOVED =
  'Hidden content (HTML comments, invisible characters such as zero-width, bidirectional, tag or variation-selector ' +
  'characters) was removed from the diff below; ' +
  'read_file shows the files as they are.';

// ---------------------------------------------------------------------------------------------
// the request

/**
 * The request the run works on, as an untrusted block labelled with where it came from (`issue
 * #12`, `prompt`): its title, its body and, for an issue, its comments with their authors.
 */
export function requestBlock(request: RequestSnapshot): string {
  const label = request.source === 'issue' ? `issue #${request.issue}` : 'prompt';
  const comments = request.comments.map((c) => `Comment by @${c.author} (${c.createdAt}):\n${c.body}`);
  if (request.omittedComments > 0) {
    const earlier =
      request.omittedComments === 1 ? '1 earlier comment was' : `${request.omittedComments} earlier comments were`;
    comments.unshift(`[${earlier} left out to keep the request short; the most recent are below]`);
  }
  const text = [request.title ? `Title: ${request.title}` : '', request.body, ...comments].filter(Boolean).join('\n\n');
  return untrustedBlock(label, text);
}

// ---------------------------------------------------------------------------------------------
// the gates: questions, answers, revisions

/** Longest answer (or revision request) shown to the planner; the rest is cut with a note. */
const ANSWER_MAX_CHARS = 8_000;

/**
 * Rounds of the planner's questions with the answers people gave: the planner's findings and
 * questions as it wrote them, each answer in an untrusted block naming who gave it.
 */
export function answeredRoundsBlock(rounds: readonly QuestionRound[]): string {
  return rounds
    .map((round) => {
      const questions = round.questions.map((q, i) => {
        const options = q.options.length > 0 ? `\n   Options: ${q.options.join(' | ')}` : '';
        return `${i + 1}. [${q.id}] ${q.question}${options}`;
      });
      const answers =
        round.answers.length > 0
          ? round.answers.map((a) => untrustedBlock(`answer by @${a.by}`, clip(a.text, ANSWER_MAX_CHARS)))
          : ['(no answer yet)'];
      return [`Your findings then:\n${round.findings}`, `Your questions:\n${questions.join('\n')}`, ...answers].join(
        '\n\n',
      );
    })
    .join('\n\n');
}

/** A person's `/ensemble revise …` instructions, as an untrusted block naming who asked. */
export function untrustedRevisionBlock(revision: Revision): string {
  return untrustedBlock(`revision asked by @${revision.by}`, clip(revision.instructions, ANSWER_MAX_CHARS));
}

// ---------------------------------------------------------------------------------------------
// the plan

/** One task of the plan: its heading, description, acceptance criteria and the files it owns. */
export function taskBlock(task: PlanTask): string {
  return [
    `### Task ${task.id}: ${task.title}`,
    task.description,
    `Acceptance criteria:\n${task.acceptanceCriteria.map((c) => `- ${c}`).join('\n')}`,
    `Files: ${task.files.join(', ') || 'none listed'}`,
  ].join('\n');
}

type PlanParts = Pick<PlanDocument, 'summary' | 'tasks' | 'testStrategy'>;

/** The plan: its summary, every task (`taskBlock`), then its test strategy. */
export function planBlock(plan: PlanParts): string {
  return [`Plan: ${plan.summary}`, ...plan.tasks.map(taskBlock), `Test strategy: ${plan.testStrategy}`].join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// what the run's agents share

/** What every agent of a run is given before its role, as far as the run has got. */
export interface SharedParts {
  request: RequestSnapshot;
  /** Once planned. */
  plan?: PlanParts;
  /** The change the agent works on as a whole (review, docs, fix): the integrated patch against the base. */
  changePatch?: string;
}

/**
 * The blocks every agent of a run starts with after the repository context, built here only, so
 * that the planner, the coding agents, the testing agent, the reviewers, the documentation agent
 * and the fixer send the same bytes and a provider's prefix cache serves them from the first agent
 * that sent them: the request, then the plan, then the change. Each agent's own view of them (its
 * task, the state of each task) goes in its task, after the role.
 */
export function sharedBlocks(parts: SharedParts): string[] {
  return [
    `# The request\n${requestBlock(parts.request)}`,
    parts.plan ? `# The plan\n${untrustedBlock('plan', planBlock(parts.plan))}` : '',
    parts.changePatch === undefined
      ? ''
      : `# The change (against the base commit)\n${diffBlock(parts.changePatch, PROMPT_DIFF_MAX_CHARS)}`,
  ].filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// the diff

function fileStat(file: DiffFile): string {
  let added = 0;
  let deleted = 0;
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) {
      if (line.kind === 'add') added++;
      else if (line.kind === 'delete') deleted++;
    }
  }
  const moved = file.status === 'renamed' || file.status === 'copied';
  const what = moved ? `${file.status} from ${file.oldPath}` : file.status;
  return `${file.path} (${what}${file.binary ? ', binary' : `, +${added} -${deleted}`})`;
}

/**
 * A patch as an agent's task shows it: the changed files with their line counts, then the diff,
 * whole files first until `maxChars` is spent (a first file larger than that: its beginning, cut
 * at a line), binary contents never shown. A note names the files left out or cut, so the agent
 * reads them with read_file. The diff is model-written text built from untrusted input, so it goes
 * in an untrusted block, with hidden content stripped; a note says when something was stripped.
 */
export function diffBlock(patch: string, maxChars: number): string {
  const files = parseUnifiedDiff(patch);
  const listed = files.slice(0, PROMPT_FILE_LIST_MAX).map((f) => `- ${fileStat(f)}`);
  if (files.length > listed.length) listed.push(`- … and ${files.length - listed.length} more files`);

  const shown: string[] = [];
  const omitted: string[] = [];
  let used = 0;
  for (const section of splitSections(patch)) {
    const name = parseUnifiedDiff(section)[0]?.path || '(unknown file)';
    const body = section.includes('\nGIT binary patch\n')
      ? `${section.slice(0, section.indexOf('\nGIT binary patch\n'))}\n(binary contents not shown)\n`
      : section;
    if (used + body.length <= maxChars) {
      shown.push(body);
      used += body.length;
      continue;
    }
    if (shown.length === 0 && maxChars - used > 200) {
      // A first file larger than the whole allowance: its beginning, cut at a line.
      const cut = body.slice(0, body.lastIndexOf('\n', maxChars - used) + 1);
      shown.push(`${cut}… (the rest of this file's diff is not shown)\n`);
      used += cut.length;
    }
    omitted.push(name);
  }
  const diff = shown.join('');
  const notes: string[] = [];
  if (omitted.length > 0) {
    const files = omitted.join(', ');
    notes.push(
      `The diff below is shortened to about ${maxChars} characters: the diff of ${files} is not shown or cut. ` +
        'Read those files with read_file.',
    );
  }
  if (stripHiddenContent(diff) !== diff) notes.push(HIDDEN_CONTENT_REMOVED);
  return [
    `Files changed (${files.length}):\n${listed.join('\n')}`,
    ...notes,
    untrustedBlock('the change, as a diff against the base commit', diff),
  ].join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// the test report

function count(n: number | null, what: string): string {
  return n === null ? `${what}: not reported` : `${n} ${what}`;
}

/** Where a failing test comes from, by its `atBase` mark. */
function failureOrigin(atBase: boolean | null): string {
  if (atBase === true) return 'also fails at the base';
  if (atBase === false) return 'introduced by the change';
  return 'not checked at the base';
}

/**
 * The test report as an agent's task shows it: status, counts, integration problems, and the
 * testing agent's summary and failure excerpts (command output: untrusted).
 */
export function testReportBlock(test: TestDocument | null): string {
  if (!test) return 'No test report: the test stage did not run. Judge test coverage from the code.';
  const ran = test.command
    ? `; \`${test.command}\` exited with ${test.exitCode ?? 'no exit code'}`
    : '; no test command ran';
  const lines = [
    `Status: ${test.status}${ran}.`,
    `${count(test.passed, 'passed')}, ${count(test.failed, 'failed')}; ${test.fixAttempts} fix attempts.`,
  ];
  if (test.testsAdded.length > 0) lines.push(`Tests added by the testing agent: ${test.testsAdded.join(', ')}`);
  const integration = test.integration.filter((i) => i.result !== 'applied');
  if (integration.length > 0) {
    const tasks = integration.map((i) => {
      const files = i.conflictingFiles.length ? ` (${i.conflictingFiles.join(', ')})` : '';
      return `task ${i.taskId} ${i.result}${files}`;
    });
    lines.push(`Integration: ${tasks.join('; ')}`);
  }
  const details = [`Testing agent's summary: ${test.summary}`];
  for (const failure of test.failures) {
    const excerpt = clip(failure.excerpt, FAILURE_EXCERPT_MAX_CHARS);
    details.push(`Failing: ${failure.name} (${failureOrigin(failure.atBase)})\n${excerpt}`);
  }
  return `${lines.join('\n')}\n${untrustedBlock('test report', details.join('\n\n'))}`;
}

// ---------------------------------------------------------------------------------------------
// findings

/**
 * Findings as the fixing agent and a re-review see them: id, source, severity, place, title, then
 * body, quote and suggestion. A review's text is model-written from untrusted input and a person's
 * comment is untrusted: the whole list goes in one untrusted block.
 */
export function findingsBlock(findings: readonly LensFinding[]): string {
  if (findings.length === 0) return 'None.';
  const entries = findings.map(({ source, finding }) => {
    const place = finding.line === null ? finding.path : `${finding.path}:${finding.line}`;
    const lines = [`### ${finding.id} (${finding.severity}, from ${source}) ${place}: ${finding.title}`];
    lines.push(clip(finding.body, FINDING_BODY_MAX_CHARS));
    if (finding.quote.trim()) lines.push(`Quoted code:\n${finding.quote}`);
    if (finding.suggestion !== null) lines.push(`Suggested replacement:\n${finding.suggestion}`);
    return lines.join('\n');
  });
  return untrustedBlock('review findings', entries.join('\n\n'));
}
