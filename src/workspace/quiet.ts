/**
 * Reads of a repository that only a repository command can change, made once and reused while no
 * command could have changed them. Between ensemble's own git calls a repository's configuration
 * and the place of its git directory change only when something else writes them: an agent's
 * command, a test run, a setup command (all started through `runSandboxed`, which reports each
 * here with what it can write: inside bubblewrap only its workspace and HOME, the git directories
 * read-only), or a person. So a read of a directory is reused only while no command that can
 * write that directory has started since it was made and none is running, and while the files it
 * came from are as they were (`unchanged`: their stat, for what a person or another program
 * writes meanwhile). Otherwise it is made again, as every call made it before.
 *
 * A read may say it also survives a sandboxed command that ended (`survivesSandboxed`): one whose
 * only way to change it is through files `unchanged` checks. Inside bubblewrap a command writes
 * its workspace and a HOME of its own, nothing else, and is gone when it ends; of what git reads
 * for a directory's configuration, only the directory's `.git` file lies there, mounted read-only
 * (`agent/sandbox.ts`), and `unchanged` compares its stat, change time included, which no command
 * can set back. A read made while such a command ran is not kept past it.
 */

import path from 'node:path';

/** A command that started: the directories it can write (null: any, a command outside bubblewrap). */
interface Command {
  seq: number;
  writable: readonly string[] | null;
  running: boolean;
}

let started = 0;
const commands: Command[] = [];

/**
 * Reports a repository command starting, with the directories it can write (its workspace and
 * HOME inside bubblewrap; null when it can write anything); call the returned function once it has
 * ended. Reads of a directory it can write are made afresh from then on.
 */
export function commandStarted(writable: readonly string[] | null = null): () => void {
  const command: Command = { seq: ++started, writable: writable?.map((d) => path.resolve(d)) ?? null, running: true };
  commands.push(command);
  // After the caller's spawn of the command: each git the work starts holds this process while it forks.
  for (const start of waiting.splice(0)) setImmediate(start);
  return () => {
    command.running = false;
  };
}

/**
 * Whether a command that started after `mark`, or one still running, could have written `dir`;
 * with `sandboxedEnded` false, a sandboxed command that has ended does not count.
 */
function touched(dir: string, mark: number, sandboxedEnded = true): boolean {
  const target = path.resolve(dir);
  return commands.some(
    (c) =>
      (c.seq > mark || c.running) &&
      (sandboxedEnded || c.running || c.writable === null) &&
      (c.writable === null || c.writable.some((w) => target === w || target.startsWith(`${w}${path.sep}`))),
  );
}

/** Work waiting for a command to run (`duringCommand`). */
const waiting: Array<() => void> = [];

/**
 * Runs `work` once a repository command is running (at once when one runs now): git work that
 * reads no worktree (objects: a commit's tree, a tree plus a patch, the diff of two trees) done
 * in time the run waits anyway. Its failure is ignored: such work only fills caches, whose users
 * ask git themselves when they find nothing. The returned function drops it if it has not started.
 */
export function duringCommand(work: () => Promise<unknown>): () => void {
  let dropped = false;
  const start = () => {
    if (!dropped) void work().catch(() => {});
    dropped = true;
  };
  if (commands.some((c) => c.running)) setImmediate(start);
  else waiting.push(start);
  return () => {
    dropped = true;
    const at = waiting.indexOf(start);
    if (at >= 0) waiting.splice(at, 1);
  };
}

interface Memo<T> {
  /** `started` when the read began. */
  mark: number;
  value: Promise<T>;
  /** The value once the read succeeded; `quiet`: no command that can write the directory started while it was made. */
  settled?: { value: T; quiet: boolean };
}

/** A cache of reads that stay true while no repository command runs (`whileQuiet`). */
export type QuietCache<T> = Map<string, Memo<T>>;

/**
 * Keeps `value` as the read of `dir` under `key`, made now (a read known another way: the same
 * files read for another directory); not when a command that can write `dir` runs.
 */
export function keepWhileQuiet<T>(cache: QuietCache<T>, key: string, dir: string, value: T): void {
  if (touched(dir, started)) return;
  cache.set(key, { mark: started, value: Promise.resolve(value), settled: { value, quiet: true } });
}

/** What `whileQuiet` is told of a read besides how to make it. */
export interface QuietRead<T> {
  /** Whether the files the value came from are as they were when it was read; default yes. */
  unchanged?: (value: T) => boolean;
  /**
   * Whether the value holds after a sandboxed command that could write `dir` ended, as long as
   * `unchanged` says so: it can change only through files `unchanged` checks. Default no.
   */
  survivesSandboxed?: (value: T) => boolean;
}

/**
 * The read of `dir` under `key` made earlier, when no command that can write `dir` has started
 * since it began and none runs now (or only sandboxed ones it survives, now ended), and
 * `unchanged` says its sources are as they were; else `read()` again (kept for the next call
 * only when no such command runs while it starts). A read that fails is not kept.
 */
export function whileQuiet<T>(
  cache: QuietCache<T>,
  key: string,
  dir: string,
  read: () => Promise<T>,
  options: QuietRead<T> = {},
): Promise<T> {
  const known = cache.get(key);
  if (known && reusable(known, dir, options)) return known.value;
  const value = read();
  if (touched(dir, started)) {
    cache.delete(key);
    return value;
  }
  const memo: Memo<T> = { mark: started, value };
  cache.set(key, memo);
  value.then(
    (v) => {
      memo.settled = { value: v, quiet: !touched(dir, memo.mark) };
    },
    () => {
      if (cache.get(key) === memo) cache.delete(key);
    },
  );
  return value;
}

function reusable<T>(known: Memo<T>, dir: string, options: QuietRead<T>): boolean {
  const { unchanged = () => true, survivesSandboxed } = options;
  if (!touched(dir, known.mark)) return !known.settled || unchanged(known.settled.value);
  // A read made while a command ran may have seen the command's writes half done.
  if (!known.settled?.quiet || !survivesSandboxed?.(known.settled.value)) return false;
  return !touched(dir, known.mark, false) && unchanged(known.settled.value);
}
