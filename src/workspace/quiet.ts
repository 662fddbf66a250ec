/**
 * Reads of a repository that only a repository command can change, made once and reused while no
 * command has run. Between ensemble's own git calls a repository's configuration and the place of
 * its git directory change only when something else writes them: an agent's command, a test run,
 * a setup command (all started through `runSandboxed`, which reports each here), or a person. So
 * a read is reused only while no command has started since it was made and none is running, and
 * while the files it came from are as they were (`unchanged`: their stat, for what a person or
 * another program writes meanwhile). Otherwise it is made again, as every call made it before.
 */

let started = 0;
let running = 0;

/**
 * Reports a repository command starting; call the returned function once it has ended. Until
 * then, and for every read made before it started, `whileQuiet` reads afresh.
 */
export function commandStarted(): () => void {
  started++;
  running++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    running--;
  };
}

interface Memo<T> {
  /** `started` when the read began. */
  mark: number;
  value: Promise<T>;
  /** The value once the read succeeded. */
  settled?: { value: T };
}

/** A cache of reads that stay true while no repository command runs (`whileQuiet`). */
export type QuietCache<T> = Map<string, Memo<T>>;

/**
 * The read under `key` made earlier, when no command has started since it began, none runs now,
 * and `unchanged` says its sources are as they were; else `read()` again (kept for the next call
 * only when no command runs while it starts). A read that fails is not kept.
 */
export function whileQuiet<T>(
  cache: QuietCache<T>,
  key: string,
  read: () => Promise<T>,
  unchanged: (value: T) => boolean = () => true,
): Promise<T> {
  const known = cache.get(key);
  if (known && known.mark === started && running === 0 && (!known.settled || unchanged(known.settled.value))) {
    return known.value;
  }
  const value = read();
  if (running > 0) {
    cache.delete(key);
    return value;
  }
  const memo: Memo<T> = { mark: started, value };
  cache.set(key, memo);
  value.then(
    (v) => {
      memo.settled = { value: v };
    },
    () => {
      if (cache.get(key) === memo) cache.delete(key);
    },
  );
  return value;
}
