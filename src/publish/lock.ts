/**
 * One publish at a time per issue, whatever the workflows' concurrency says: two runs of the
 * reusable workflow for one issue (a re-run of publish while a newer run publishes, two callers
 * with different concurrency groups) otherwise both find no review and no tracking comment, and
 * both create one.
 *
 * The lock is a ref, `refs/ensemble/locks/<issue-N | run-ID>`, created with the Git refs API, which
 * answers 422 "Reference already exists" to every creator but one: GitHub makes the choice
 * atomically. It points at a commit of its own (the base's tree, no parent, in no branch) whose
 * message names the holder and whose date is when it was taken. A publish that finds it taken
 * polls until `waitMs` has passed, then stops, saying who holds it. A lock older than the publish
 * job's time limit belongs to a job that was killed before it could release it: it is taken over
 * with a child commit of the stale one and a fast-forward-only update, so that of two publishes
 * taking over at once, one wins. The holder releases it (deletes the ref) when it is done,
 * whatever happened, unless another took it over meanwhile.
 */
import { randomBytes } from 'node:crypto';
import { explainGitHubError, githubCall, statusOf } from '../github/errors.ts';
import type { GitHubClient } from '../github/octokit.ts';
import type { RemoteRepo } from './git-data.ts';
import type { PublishLog } from './step.ts';

/** The publish job's limit in the reusable workflow (`PUBLISH_JOB_TIMEOUT_MINUTES`): no publish holds a lock longer. */
export const DEFAULT_LOCK_STALE_AFTER_MS = 15 * 60_000;

export interface LockTiming {
  /** A lock older than this is a killed job's: taken over. */
  staleAfterMs: number;
  /** How long to wait for another publish to finish before stopping. */
  waitMs: number;
  /** How often to look again while waiting. */
  pollMs: number;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_LOCK_TIMING: LockTiming = {
  staleAfterMs: DEFAULT_LOCK_STALE_AFTER_MS,
  waitMs: 120_000,
  pollMs: 5_000,
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface AcquireLockOptions {
  octokit: GitHubClient;
  repo: RemoteRepo;
  /** ensemble's branch for the run: the lock is named after what it is for (`ensemble/issue-7` → `issue-7`). */
  branch: string;
  /** Who takes it: the workflow run's URL, shown to whoever finds it taken. */
  holder: string;
  /** A commit on GitHub (the plan's base) whose tree the lock's commit reuses. */
  baseSha: string;
  timing: LockTiming;
  log: PublishLog;
}

export interface PublishLock {
  /** `refs/ensemble/locks/issue-7`. */
  ref: string;
  /** Things to tell the user (a stale lock taken over). */
  notes: string[];
  /** Deletes the ref if it is still this publish's; returns a warning when it could not. */
  release(): Promise<string | null>;
}

export type LockResult = { ok: true; lock: PublishLock } | { ok: false; ref: string; holder: string; since: string };

/** `refs/ensemble/locks/issue-7` for `ensemble/issue-7`. */
export function lockRefFor(branch: string): string {
  return `refs/ensemble/locks/${branch.replace(/^ensemble\//, '').replace(/\//g, '-')}`;
}

const HOLDER_LINE = /^holder: (.+)$/m;

/**
 * The lock commit's message. The token makes each publish's commit its own, also for two attempts
 * of one job in the same second: a lock whose commit is ours is one we took (a creation whose
 * answer was lost), never another publish's.
 */
function lockMessage(holder: string): string {
  return `ensemble publish lock\n\nholder: ${holder}\ntoken: ${randomBytes(12).toString('hex')}\n`;
}

/** Takes the lock, waiting for it while another publish holds it (module comment). */
export async function acquirePublishLock(options: AcquireLockOptions): Promise<LockResult> {
  const { octokit, repo, holder, timing, log } = options;
  const { owner, repo: name } = repo;
  const ref = lockRefFor(options.branch);
  const short = ref.slice('refs/'.length);
  const where = `${owner}/${name}`;
  const write = { permission: 'contents: write' };

  const { data: base } = await githubCall({ action: `read commit ${options.baseSha} of ${where}`, ...write }, () =>
    octokit.rest.git.getCommit({ owner, repo: name, commit_sha: options.baseSha }),
  );
  const lockCommit = async (parents: string[]) => {
    const { data } = await githubCall({ action: `make the publish lock's commit in ${where}`, ...write }, () =>
      octokit.rest.git.createCommit({ owner, repo: name, tree: base.tree.sha, parents, message: lockMessage(holder) }),
    );
    return data.sha;
  };
  const current = async (): Promise<{ sha: string; holder: string; at: Date } | null> => {
    try {
      const { data } = await octokit.rest.git.getRef({ owner, repo: name, ref: short });
      const { data: commit } = await githubCall({ action: `read the publish lock ${ref} of ${where}`, ...write }, () =>
        octokit.rest.git.getCommit({ owner, repo: name, commit_sha: data.object.sha }),
      );
      const by = HOLDER_LINE.exec(commit.message)?.[1] ?? 'an unknown holder';
      return { sha: data.object.sha, holder: by, at: new Date(commit.author.date) };
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  };

  let mine = await lockCommit([]);
  const held = (notes: string[]): LockResult => ({ ok: true, lock: heldLock(options, ref, () => mine, notes) });
  const deadline = timing.now().getTime() + timing.waitMs;
  let waiting = false;
  for (;;) {
    try {
      await octokit.rest.git.createRef({ owner, repo: name, ref, sha: mine });
      return held([]);
    } catch (error) {
      if (statusOf(error) !== 422)
        throw explainGitHubError(error, { action: `take the publish lock ${ref}`, ...write });
    }
    const found = await current();
    if (found === null) continue; // released between the two calls
    // Our own creation, whose answer was lost and retried.
    if (found.sha === mine) return held([]);
    const age = timing.now().getTime() - found.at.getTime();
    if (age > timing.staleAfterMs) {
      const child = await lockCommit([found.sha]);
      try {
        await octokit.rest.git.updateRef({ owner, repo: name, ref: short, sha: child, force: false });
        mine = child;
        const minutes = Math.round(age / 60_000);
        const note =
          `took over the publish lock ${ref} of ${found.holder}, taken ${found.at.toISOString()} ` +
          `(${minutes} minutes ago, longer than a publish job may run): that job was stopped before it released it`;
        log.warn(note);
        return held([note]);
      } catch (error) {
        // Another publish took it over first, or it was released: look again.
        if (statusOf(error) !== 422) throw error;
        continue;
      }
    }
    if (timing.now().getTime() >= deadline) {
      return { ok: false, ref, holder: found.holder, since: found.at.toISOString() };
    }
    if (!waiting) log.info(`another publish (${found.holder}) holds ${ref}; waiting for it`);
    waiting = true;
    await timing.sleep(timing.pollMs);
  }
}

function heldLock(options: AcquireLockOptions, ref: string, sha: () => string, notes: string[]): PublishLock {
  const { octokit, repo } = options;
  const short = ref.slice('refs/'.length);
  return {
    ref,
    notes,
    async release() {
      try {
        const { data } = await octokit.rest.git.getRef({ owner: repo.owner, repo: repo.repo, ref: short });
        if (data.object.sha !== sha()) {
          return `the publish lock ${ref} was taken over by another publish before this one released it`;
        }
        await octokit.rest.git.deleteRef({ owner: repo.owner, repo: repo.repo, ref: short });
        return null;
      } catch (error) {
        if (statusOf(error) === 404) return null;
        const message = error instanceof Error ? error.message : String(error);
        return (
          `the publish lock ${ref} could not be released (${message}); the next publish for this issue ` +
          `takes it over once it is ${Math.round(options.timing.staleAfterMs / 60_000)} minutes old, or delete it`
        );
      }
    },
  };
}
