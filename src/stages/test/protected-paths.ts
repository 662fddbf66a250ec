import { rm } from 'node:fs/promises';
import path from 'node:path';
import { repoPathProblem } from '../../contracts/common.ts';
import { describeHits } from '../../workspace/errors.ts';
import { worktreeGit } from '../../workspace/git.ts';
import { changeAgainstBase, type PatchResult, protectedPathHits, touchedPaths } from '../../workspace/index.ts';
import type { TestSession } from './session.ts';

/** The change as the worktree holds it: its patch and files. */
type Change = Omit<PatchResult, 'tree'>;

/**
 * Reverts every change to a protected path in the stage's worktree (to the base) and warns; returns
 * the note for the summary about what `who` changed, none when nothing was reverted.
 */
export async function revertProtectedPaths(session: TestSession, who: string): Promise<string[]> {
  return (await revertedChange(session, who, false)).notes;
}

/**
 * `revertProtectedPaths`, and the change as the worktree holds it afterwards: the diff the check
 * made when nothing was reverted, else a new one; null when none was made and `diff` is false.
 */
export async function revertedChange<D extends boolean>(
  session: TestSession,
  who: string,
  diff: D,
): Promise<{ notes: string[]; change: D extends true ? Change : Change | null }> {
  const { dir, base, protectedPaths } = session;
  const again = async () => (diff ? await changeAgainstBase(dir, base) : null) as Change;
  if (protectedPaths.length === 0) return { notes: [], change: await again() };
  // The paths as git itself listed them for the diff it made: nothing to misread, nothing to ask git again.
  const before = await changeAgainstBase(dir, base);
  const hits = protectedPathHits(touchedPaths(before.changes), protectedPaths);
  if (hits.length === 0) return { notes: [], change: before };
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
  return { notes: [note], change: await again() };
}
