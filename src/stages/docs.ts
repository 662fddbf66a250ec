import { submitToolFor } from '../agent/submit.ts';
import { type Tool, type ToolContext, toolsFor } from '../agent/tools/index.ts';
import type { DocsBody, DocsDocument } from '../contracts/docs.ts';
import type { PlanDocument } from '../contracts/plan.ts';
import { clip } from '../util/text.ts';
import { hardenedGit } from '../workspace/git.ts';
import { type CompiledGlob, compileGlob, matchGlobs } from '../workspace/glob.ts';
import {
  diffAgainstBase,
  diffInIndex,
  type FileChange,
  filesAfterChanges,
  gitListingOf,
  listWorktreeFiles,
  type PatchResult,
  pathsInPatch,
  protectedPathHits,
  protectedPathsInPatch,
  removeWorktree,
  splitSections,
  touchedPaths,
} from '../workspace/index.ts';
import { rememberPatchedTree } from '../workspace/patched-tree.ts';
import { runStageAgent, type StageContext } from './context.ts';
import { StageError } from './errors.ts';
import { integratedWorktree } from './integrated-worktree.ts';

/** Most existing documentation files listed in the task. */
const DOC_FILES_LIST_MAX = 200;

const INSTRUCTIONS = (
  paths: readonly string[],
) => `You are the documentation agent of ensemble, a pipeline of AI coding agents.
Coding agents implemented a change and a testing agent integrated and tested it. You bring the repository's documentation up to date with that change.

How to work:
- Your workspace is the repository with the change already applied. Read the change (above), then the documentation (README, docs, CHANGELOG) with read_file, list_files and search.
- Update what the change makes wrong or incomplete: documented behaviour, options, commands, APIs, examples, and user-visible behaviour the docs should mention. Match the existing style, structure and tone; keep edits small and accurate — describe only what the code really does.
- If the repository keeps a CHANGELOG, add an entry in its format (under the unreleased section when it has one). Do not create a CHANGELOG, or new documentation files, that the repository does not already have a place for.
- Internal changes (refactors, tests, tooling) usually need no documentation. "no-change" with the reason is a valid and common result.
- You may change only files matching these patterns: ${paths.join(', ')}. Never change source code, tests or configuration, even to fix a problem you notice; mention it in your summary instead. You cannot delete files or run commands.
- Edit with edit_file (one exact, unique occurrence) or write_file (whole files).
- Finish with submit_docs: status updated (summary: what you changed, file by file, and why) or no-change (summary: why no documentation needs to change).`;

/** The contract caps a summary at 20,000 characters: the agent's text is cut, the stage's notes are kept. */
function capSummary(summary: string, notes: readonly string[]): string {
  const kept = notes.map((note) => `\n\n${clip(note, 4_000)}`).join('');
  return `${clip(summary, 20_000 - kept.length)}${kept}`;
}

function isUnder(path: string, globs: readonly CompiledGlob[]): boolean {
  return matchGlobs(path, globs) !== null;
}

/**
 * What the agent has changed (against the integrated tree), recorded when asked after a write tool
 * ran: at a submission, whose check gets the changes, and after the agent. The worktree's own
 * index holds the integrated tree and only ensemble's git writes it (the agent runs no command),
 * so the change is recorded there (`diffInIndex`), and the last recording is the stage's patch.
 */
interface ChangeTracker {
  tools: Tool[];
  /** The change now; null when recording it failed. */
  change(): Promise<PatchResult | null>;
  /** The files the write tools wrote: what counts as changed when recording failed (fail closed). */
  written: ReadonlySet<string>;
}

function trackChanges(worktreeDir: string, integratedTree: string, tools: readonly Tool[]): ChangeTracker {
  // The agent's tool context, once a write tool ran: its `filesWritten` is the running total.
  let context: ToolContext | null = null;
  let known: PatchResult | null = { patch: '', changes: [], tree: integratedTree };
  let stale = false;
  return {
    get written() {
      return context?.filesWritten ?? new Set<string>();
    },
    tools: tools.map((tool) =>
      tool.readOnly
        ? tool
        : {
            ...tool,
            execute: async (input: unknown, toolContext: ToolContext) => {
              try {
                return await tool.execute(input, toolContext);
              } finally {
                stale = true;
                context = toolContext;
              }
            },
          },
    ),
    async change() {
      if (!stale) return known;
      stale = false;
      known = await diffInIndex(worktreeDir, integratedTree).catch(() => null);
      return known;
    },
  };
}

/** The changes a submission is checked against: the recorded ones, else every file written (fail closed). */
function changesToCheck(tracker: ChangeTracker, change: PatchResult | null): FileChange[] {
  if (change) return change.changes;
  return [...tracker.written].map((p) => ({ kind: 'modified', path: p, oldPath: null }));
}

/** Problems of a docs submission, for the model to fix before it is accepted. */
export function docsProblems(
  body: DocsBody,
  changes: readonly FileChange[],
  limits: { docsPaths: readonly string[]; protectedPaths: readonly string[] },
): string[] {
  if (body.status === 'failed') return [];
  const allowed = limits.docsPaths.map(compileGlob);
  const problems: string[] = [];
  const protectedHits = new Set(protectedPathHits(touchedPaths(changes), limits.protectedPaths).map((h) => h.path));
  // Files the agent created elsewhere are left out of the patch by the stage: its tools cannot delete
  // them, so asking would only burn its turns. Edits of existing files it can and must undo.
  const undo = changes.filter(
    (c) =>
      c.kind !== 'added' &&
      (!isUnder(c.path, allowed) || protectedHits.has(c.path) || (c.oldPath !== null && !isUnder(c.oldPath, allowed))),
  );
  if (undo.length > 0) {
    const names = undo.map((c) => (protectedHits.has(c.path) ? `${c.path} (a protected path)` : c.path)).join(', ');
    problems.push(
      `you changed ${names}, outside the files you may change (${limits.docsPaths.join(', ')}). ` +
        "Undo those edits: restore each file's previous content with edit_file or write_file (the " +
        'change you document is already in the workspace; undo only your own edits), then submit again.',
    );
  }
  const docs = changes.filter((c) => isUnder(c.path, allowed) && !protectedHits.has(c.path));
  if (body.status === 'updated' && docs.length === 0) {
    problems.push(
      'status is "updated" but no documentation file changed: make ' +
        'the changes first, or submit "no-change" with the reason',
    );
  }
  if (body.status === 'no-change' && docs.length > 0) {
    problems.push(
      `status is "no-change" but you changed ${docs.map((c) => c.path).join(', ')}: ` +
        'submit "updated" with what you changed, or undo the edits',
    );
  }
  return problems;
}

/** Splits `patch` into the sections that only touch allowed, unprotected files and those that do not. */
function keepDocsSections(
  patch: string,
  limits: { docsPaths: readonly string[]; protectedPaths: readonly string[] },
): { patch: string; kept: string[]; dropped: { path: string; why: string }[] } {
  const allowed = limits.docsPaths.map(compileGlob);
  const keptSections: string[] = [];
  const kept: string[] = [];
  const dropped: { path: string; why: string }[] = [];
  for (const section of splitSections(patch)) {
    const changes = pathsInPatch(section);
    const paths = touchedPaths(changes);
    const protectedHit = protectedPathHits(paths, limits.protectedPaths)[0];
    const outside = paths.find((p) => !isUnder(p, allowed));
    const name = changes[0]?.path ?? paths[0] ?? '(unreadable section)';
    if (paths.length === 0) dropped.push({ path: name, why: 'a patch section naming no file' });
    else if (protectedHit) dropped.push({ path: name, why: `protected by "${protectedHit.pattern}"` });
    else if (outside !== undefined) dropped.push({ path: name, why: 'outside the documentation paths' });
    else {
      keptSections.push(section);
      kept.push(...changes.map((c) => c.path));
    }
  }
  return { patch: keptSections.join(''), kept, dropped };
}

function docsTask(
  docsPaths: readonly string[],
  docFiles: readonly string[],
  protectedPaths: readonly string[],
): string {
  const listed = docFiles.slice(0, DOC_FILES_LIST_MAX);
  const more = docFiles.length - listed.length;
  const never = protectedPaths.length ? ` (never ${protectedPaths.join(', ')})` : '';
  const andMore = more > 0 ? `\n- … and ${more} more` : '';
  const existing = listed.length
    ? `Existing files matching them:\n${listed.map((f) => `- ${f}`).join('\n')}${andMore}`
    : 'No existing file matches them.';
  return [
    'Update the documentation for this change, or decide that none is needed.',
    'What the change was meant to do (the request and the plan) and the change itself are above.',
    `## Documentation\nFiles you may change: ${docsPaths.join(', ')}${never}.\n${existing}`,
  ].join('\n\n');
}

export interface DocsInput {
  plan: PlanDocument;
  /** `change.patch`: the integrated change against the base SHA. */
  changePatch: string;
}

export interface DocsResult {
  document: DocsDocument;
  /**
   * `docs.patch`: the documentation change made against the integrated tree (the base SHA with
   * `changePatch` applied), so it applies on top of change.patch, not on the base alone. Only
   * files matching `docs.paths` and no protected path; '' when nothing changed.
   */
  patch: string;
}

/**
 * Runs the documentation agent (`docs`) in a worktree at the base SHA with the change applied
 * (removed afterwards, always). Only files matching `config.docs.paths` may change: the submit
 * tool's check returns edits elsewhere to the agent to undo, and the final patch keeps only
 * documentation files and never a protected path, saying in the summary what it left out. An
 * agent that stops without submitting gives status `failed` with the reason and its partial patch.
 */
export async function runDocsStage(ctx: StageContext, input: DocsInput): Promise<DocsResult> {
  if (input.changePatch.trim() === '')
    throw new StageError('docs', 'the change is empty: there is nothing to document');
  const docsPaths = ctx.config.docs.paths;
  const protectedPaths = ctx.config['protected-paths'];
  const limits = { docsPaths, protectedPaths };
  // The docs patch is made against this integrated tree (base + change.patch), not against the
  // base SHA: it applies on top of change.patch, and publish commits it after the change.
  const { worktree, tree: integratedTree } = await integratedWorktree(ctx, 'docs', input.changePatch, 'ensemble-docs-');
  try {
    // A fresh worktree holds no untracked file: what it lists is what the integrated tree holds,
    // known without asking git when git listed the change's files in this process.
    const listing = await gitListingOf(input.changePatch);
    const files =
      ctx.baseFiles && listing ? filesAfterChanges(ctx.baseFiles, listing) : await listWorktreeFiles(worktree.dir);
    const docsGlobs = docsPaths.map(compileGlob);
    const docFiles = files.filter((p) => isUnder(p, docsGlobs)).sort();
    const tracker = trackChanges(worktree.dir, integratedTree, toolsFor('docs'));

    const { outcome } = await runStageAgent(ctx, {
      stage: 'docs',
      agent: 'docs',
      instructions: INSTRUCTIONS(docsPaths),
      task: docsTask(docsPaths, docFiles, protectedPaths),
      shared: { request: input.plan.request, plan: input.plan, changePatch: input.changePatch },
      tools: tracker.tools,
      submit: submitToolFor('docs', async (body) =>
        docsProblems(body, changesToCheck(tracker, await tracker.change()), limits),
      ),
      workspace: worktree.dir,
    });

    // Only the write tools change the worktree: the last recording after them is the change.
    const diff = (await tracker.change()) ?? (await diffAgainstBase(worktree.dir, integratedTree));
    const { patch, kept, dropped } = keepDocsSections(diff.patch, limits);
    // The last guard, read the way git reads the patch too: a protected path never leaves this stage.
    const hits = await protectedPathsInPatch(patch, protectedPaths, worktree.repoDir);
    if (hits.length > 0) {
      throw new StageError(
        'docs',
        `the documentation patch touches protected path ${hits.map((h) => `"${h.path}" (${h.pattern})`).join(', ')}`,
      );
    }
    // Publish commits integrated tree + docs.patch: when nothing was left out that is the recorded tree.
    if (patch !== '' && patch === diff.patch)
      rememberPatchedTree(hardenedGit(ctx.repoDir), integratedTree, patch, diff.tree);

    const submitted = outcome.result;
    let status: DocsDocument['status'] = submitted?.status ?? 'failed';
    const notes: string[] = [];
    if (dropped.length > 0) {
      notes.push(
        `Left out of the documentation patch: ${dropped.map((d) => `${d.path} (${d.why})`).join(', ')}. ` +
          `The documentation stage may change only ${docsPaths.join(', ')}.`,
      );
    }
    if (status === 'updated' && patch === '') {
      status = 'no-change';
      notes.push('No documentation file changed in the end.');
    } else if (status === 'no-change' && patch !== '') {
      status = 'updated';
    }
    const stopped = outcome.stop ? `${outcome.stop.kind}: ${outcome.stop.message}` : 'no reason given';
    const left = patch ? 'Its partial change is in docs.patch.' : 'It changed no documentation.';
    const summary = submitted
      ? submitted.summary
      : `The documentation agent stopped before submitting (${stopped}). ${left}`;
    const document: DocsDocument = {
      schema: 'ensemble.docs/v1',
      run: ctx.run,
      usage: ctx.ledger.toUsage('docs', 'docs'),
      status,
      summary: capSummary(summary, notes),
      filesChanged: [...new Set(kept)],
    };
    return { document, patch };
  } finally {
    await removeWorktree(worktree);
  }
}

/**
 * The report of a documentation stage that could not finish (an error before or after its agent):
 * failed, no change.
 */
export function failedDocs(ctx: Pick<StageContext, 'run' | 'ledger'>, reason: string): DocsResult {
  const document: DocsDocument = {
    schema: 'ensemble.docs/v1',
    run: ctx.run,
    usage: ctx.ledger.toUsage('docs', 'docs'),
    status: 'failed',
    summary: capSummary(`The documentation stage did not finish: ${reason}`, []),
    filesChanged: [],
  };
  return { document, patch: '' };
}
