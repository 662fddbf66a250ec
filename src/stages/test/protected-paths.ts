import { rm } from 'node:fs/promises';
import path from 'node:path';
import { repoPathProblem } from '../../contracts/common.ts';
import { describeHits } from '../../workspace/errors.ts';
import { worktreeGit } from '../../workspace/git.ts';
import { type PatchResult, protectedPathHits, type RecordedTree, touchedPaths } from '../../workspace/index.ts';
import type { TestSession } from './session.ts';
import { changeNow, tidyWorktree } from './test-run.ts';

/**
 * Reverts every change to a protected path in the stage's worktree (to the base) and warns; returns
 * the note for the summary about what `who` changed, none when nothing was reverted.
 */
export async function revertProtectedPaths(session: TestSession, who: string): Promise<string[]> {
  if (session.protectedPaths.length === 0) return [];
  return (await revertedChange(session, who)).notes;
}

/**
 * `revertProtectedPaths`, and the change as the worktree holds it afterwards, with the tree it was
 * recorded as: `recorded` (the change as recorded last, when nothing but a test run, whose writes
 * are undone first, wrote the worktree since) or a new diff when nothing was reverted, else a diff
 * after the revert.
 */
export async function revertedChange(
  session: TestSession,
  who: string,
  recorded: (PatchResult & RecordedTree) | null = null,
): Promise<{ notes: string[]; change: PatchResult & RecordedTree }> {
  const { dir, base, protectedPaths } = session;
  // The paths as git itself listed them for the diff it made: nothing to misread, nothing to ask git again.
  const before = recorded ?? (await changeNow(session));
  const hits = protectedPaths.length === 0 ? [] : protectedPathHits(touchedPaths(before.changes), protectedPaths);
  if (hits.length === 0) return { notes: [], change: before };
  await tidyWorktree(session);
  const git = worktreeGit(dir);
  for (const p of new Set(hits.map((h) => h.path))) {
    if (repoPathProblem(p) !== null) continue;
    await rm(path.join(dir, p), { recursive: true, force: true });
    const atBase = await git.run(['cat-file', '-e', `${base}:${p}`], { okCodes: [0, 1, 128] });
    if (atBase.code === 0) await git.run(['checkout', base, '--', p], { what: `restore the protected path ${p}` });
    else await git.run(['rm', '--cached', '--quiet', '--ignore-unmatch', '--', p], { okCodes: [0, 128] });
  }
  const paths = hits.length === 1 ? 'path' : 'paths';
  const note = `Refused a change by ${who} to protected ${paths} ${describeHits(hits)}: reverted to the base.`;
  session.ctx.reporter.warn(`test: ${note}`);
  return { notes: [note], change: await changeNow(session) };
}
