import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Where a stage runs no command at all (review, docs, publish: their agents, if any, have no
 * command tool and their file tools refuse `.git`), nothing can change a repository's git
 * configuration while the stage runs. Inside `withSettledGitConfig`, every hardened git of one
 * directory and environment (`hardenedGit`) shares ONE reading of that configuration's driver
 * overrides instead of reading it again per handle: one `git config --list` per directory per
 * stage, not one per operation. Outside a scope each handle reads it, as before.
 */
type Overrides = Promise<Record<string, string>>;

const scopes = new AsyncLocalStorage<Map<string, Overrides>>();

/** Runs `work` with the configuration of every repository it uses read once. Only for work that runs no command. */
export function withSettledGitConfig<T>(work: () => Promise<T>): Promise<T> {
  return scopes.run(new Map(), work);
}

/** The overrides of `key` (a directory and environment): read once per scope, or by `read` each time outside one. */
export function settledOverrides(key: string, read: () => Overrides): Overrides {
  const scope = scopes.getStore();
  if (!scope) return read();
  const known = scope.get(key);
  if (known) return known;
  const reading = read();
  scope.set(key, reading);
  // A reading that failed (the directory did not exist yet) is not kept.
  reading.catch(() => {
    if (scope.get(key) === reading) scope.delete(key);
  });
  return reading;
}
