/**
 * What a later `actions/checkout` would fetch from github.com: the GitHub fake's branches (with
 * the commits ensemble and people pushed through it) written into the harness's origin, the
 * repository the workflow simulator's checkout clones. The fake hashes objects as git does, so
 * every object keeps its SHA.
 */
import { execFileSync } from 'node:child_process';
import type { Harness } from './actions-harness.ts';
import { GIT_ENV } from './actions-harness.ts';

/** Writes every object reachable from the fake's branches into `h.origin` and points its branches there. */
export function mirrorBranchesToOrigin(h: Harness): void {
  const { git: store, refs } = h.github.state;
  const present = new Set(
    execFileSync('git', ['cat-file', '--batch-all-objects', '--batch-check=%(objectname)'], {
      cwd: h.origin,
      env: GIT_ENV,
    })
      .toString()
      .split('\n')
      .filter(Boolean),
  );
  const write = (sha: string, type: 'blob' | 'tree' | 'commit', body: Buffer) => {
    if (present.has(sha)) return;
    const made = execFileSync('git', ['hash-object', '-w', '--literally', '-t', type, '--stdin'], {
      cwd: h.origin,
      env: GIT_ENV,
      input: body,
    })
      .toString()
      .trim();
    if (made !== sha) throw new Error(`mirroring ${type} ${sha} made ${made}`);
    present.add(sha);
  };
  const visitTree = (sha: string) => {
    if (present.has(sha)) return;
    for (const entry of store.trees.get(sha) ?? []) {
      if (entry.type === 'tree') visitTree(entry.sha);
      else if (entry.type === 'blob') write(entry.sha, 'blob', store.blobs.get(entry.sha) as Buffer);
    }
    write(sha, 'tree', store.rawObject(sha).body);
  };
  const visitCommit = (sha: string) => {
    if (present.has(sha)) return;
    const commit = store.commits.get(sha);
    if (!commit) throw new Error(`the fake has no commit ${sha}`);
    for (const parent of commit.parents) visitCommit(parent);
    visitTree(commit.tree);
    write(sha, 'commit', store.rawObject(sha).body);
  };
  for (const [ref, sha] of refs) {
    if (!ref.startsWith('refs/heads/')) continue;
    visitCommit(sha);
    execFileSync('git', ['update-ref', ref, sha], { cwd: h.origin, env: GIT_ENV });
  }
}
