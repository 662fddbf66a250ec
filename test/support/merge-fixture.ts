/**
 * A repository where ensemble's pull request was merged, both as a real clone (the respond job's
 * checkout of the default branch, full history) and "on GitHub" (the fake holds every commit SHA
 * for SHA): base B on main, the pull request's head H on `ensemble/issue-5`, merged as C (a merge
 * commit of B and H, or a squash of H on B). Commits have fixed dates in UTC, so the fake hashes
 * them as git does.
 */

import { execFileSync } from 'node:child_process';
import { createOctokit, type GitHubClient } from '../../src/github/octokit.ts';
import { prMarker } from '../../src/render/marker.ts';
import { type FileTree, GIT_TEST_ENV, git, gitText, tempDir, writeFiles } from './git-fixture.ts';
import { type GitHubFake, startGitHubFake } from './github-fake.ts';
import type { EntryMode } from './github-fake-git.ts';

export const REPO = { owner: 'octo-org', repo: 'demo' };
export const ISSUE = 5;
/** The fake's clock: the merge happens at this time. */
export const MERGED_AT = new Date('2026-03-02T10:00:00Z');

let tick = 0;
/** A fixed, increasing commit date in UTC. */
function dateEnv(): Record<string, string> {
  const date = `@${1_772_000_000 + ++tick * 60} +0000`;
  return { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
}

export function commitFiles(dir: string, files: FileTree, message: string): string {
  writeFiles(dir, files);
  git(dir, ['add', '--all']);
  git(dir, ['commit', '--quiet', '-m', message], { env: dateEnv() });
  return gitText(dir, ['rev-parse', 'HEAD']);
}

/** Copies every commit of `dir` (and its trees and blobs) into the fake's store, SHA for SHA. */
export function mirrorAll(fake: GitHubFake, dir: string): void {
  const store = fake.state.git;
  const env = { ...process.env, ...GIT_TEST_ENV };
  for (const sha of gitText(dir, ['rev-list', '--reverse', '--all']).split('\n').filter(Boolean)) {
    if (store.commits.has(sha)) continue;
    const entries = git(dir, ['ls-tree', '-r', '-z', sha])
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const [meta, path] = line.split('\t') as [string, string];
        const [mode, , blob] = meta.split(' ') as [EntryMode, string, string];
        const bytes = execFileSync('git', ['cat-file', 'blob', blob], { cwd: dir, env });
        if (store.writeBlob(bytes) !== blob) throw new Error(`the fake hashed ${path} differently`);
        return { path, mode, type: 'blob' as const, sha: blob };
      });
    const tree = store.editTree(null, entries);
    const raw = git(dir, ['cat-file', 'commit', sha]);
    const header = raw.slice(0, raw.indexOf('\n\n'));
    const message = raw.slice(raw.indexOf('\n\n') + 2);
    const person = (role: string) => {
      const m = new RegExp(`^${role} (.*) <(.*)> (\\d+) \\+0000$`, 'm').exec(header)!;
      return { name: m[1]!, email: m[2]!, date: new Date(Number(m[3]) * 1000).toISOString().replace(/\.000Z$/, 'Z') };
    };
    const parents = [...header.matchAll(/^parent ([0-9a-f]{40})$/gm)].map((m) => m[1]!);
    const made = store.writeCommit({
      tree,
      parents,
      message,
      author: person('author'),
      committer: person('committer'),
      verified: false,
    });
    if (made.sha !== sha) throw new Error(`the fake's copy of ${sha} is ${made.sha}`);
  }
}

export interface MergedRepo {
  fake: GitHubFake;
  octokit: GitHubClient;
  /** The clone: main checked out at C. */
  dir: string;
  base: string;
  head: string;
  merge: string;
  pull: number;
  /** Mirrors new local commits and points `main` on GitHub at the clone's main. */
  sync(): void;
}

export interface MergedRepoOptions {
  /** The pull request's description; ensemble's `pr` marker by default. */
  body?: string;
  /** `ensemble/issue-5` by default. */
  branch?: string;
  /** A merge commit (default), a squash, or a rebase (the pull request then has a second commit, on the README). */
  how?: 'merge' | 'squash' | 'rebase';
  /** The pull request's change. */
  change?: FileTree;
}

export const BASE_FILES: FileTree = {
  'README.md': '# demo\n',
  'src/slug.ts': 'export function slug(text: string) {\n  return text.toLowerCase();\n}\n',
};
export const CHANGE: FileTree = {
  'src/slug.ts': "export function slug(text: string) {\n  return text.toLowerCase().replace(/ /g, '-');\n}\n",
};

/** The repository after the merge (module comment), with the pull request open then merged on the fake. */
export async function mergedRepo(options: MergedRepoOptions = {}): Promise<MergedRepo> {
  const branch = options.branch ?? 'ensemble/issue-5';
  const dir = tempDir('ensemble-merged-');
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  const base = commitFiles(dir, BASE_FILES, 'Initial commit');
  git(dir, ['checkout', '--quiet', '-b', branch]);
  let head = commitFiles(dir, options.change ?? CHANGE, 'Hyphenate slugs\n\nEnsemble-Run: 41\nEnsemble-Stage: code');
  if (options.how === 'rebase') {
    head = commitFiles(dir, { 'README.md': '# demo\n\nSlugs are hyphenated.\n' }, 'Document slugs');
  }
  git(dir, ['checkout', '--quiet', 'main']);
  if (options.how === 'rebase') {
    // "Rebase and merge": the pull request's commits copied onto main, the last of them is C.
    git(dir, ['cherry-pick', '--quiet', `${branch}~1`, branch], { env: dateEnv() });
  } else if ((options.how ?? 'merge') === 'merge') {
    git(dir, ['merge', '--quiet', '--no-ff', '-m', `Merge pull request #6 from ${branch}`, branch], { env: dateEnv() });
  } else {
    git(dir, ['merge', '--quiet', '--squash', branch]);
    git(dir, ['commit', '--quiet', '-m', 'Hyphenate slugs (#6)'], { env: dateEnv() });
  }
  const merge = gitText(dir, ['rev-parse', 'HEAD']);

  const fake = await startGitHubFake({
    owner: REPO.owner,
    repo: REPO.repo,
    collaborators: { maya: 'maintain' },
    issues: [{ number: ISSUE, title: 'Hyphenate slugs', body: 'Please', author: 'maya' }],
    now: () => MERGED_AT,
  });
  mirrorAll(fake, dir);
  fake.state.refs.set('refs/heads/main', base);
  fake.state.refs.set(`refs/heads/${branch}`, head);
  const octokit = createOctokit({ token: 'test-token', baseUrl: fake.url, secondMs: 1 });
  // ensemble's pull request carries its marker in the description, as the publisher writes it.
  const body = options.body ?? `${prMarker('4100')}\nCloses #5`;
  const opened = await octokit.rest.pulls.create({
    ...REPO,
    head: branch,
    base: 'main',
    title: 'Hyphenate slugs',
    body,
  });
  fake.mergePull(opened.data.number, { sha: merge, by: 'maya', at: MERGED_AT });
  const sync = () => {
    mirrorAll(fake, dir);
    fake.state.refs.set('refs/heads/main', gitText(dir, ['rev-parse', 'main']));
  };
  return { fake, octokit, dir, base, head, merge, pull: opened.data.number, sync };
}
