/**
 * `actions/cache/save` and `actions/cache/restore` as the workflow simulator runs them: a cache of
 * the simulated repository (one per `SimulatedCache`, shared by every job of a run, and by runs a
 * test gives the same cache), with the actions' semantics kept where a later step could notice:
 *
 * - An entry is found by its exact key and its version. The real version hashes the `path` input
 *   as written after rendering (`${{ runner.temp }}/x` is the same string on every hosted job); the
 *   simulator's legs have temporary directories of their own, so the version here is the path
 *   relative to the job's workspace, which is the same for every leg, as on GitHub.
 * - Entries are immutable: saving under a key that exists does nothing but warn ("Unable to reserve
 *   cache"), and the step succeeds. Saving a path that does not exist warns and saves nothing.
 * - A restore that finds nothing succeeds, sets `cache-primary-key` only, and writes nothing.
 * - Keys over 512 characters or with a comma fail the step, as the actions' validation does.
 * - Only the inputs `path` (one path) and `key` are implemented; any other input fails the run
 *   (`UnsupportedConstruct`), never ignored.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { UnsupportedConstruct } from './workflow-sim-expressions.ts';

/** `actions/cache/save@<sha>` or `actions/cache/restore@<sha>`. */
export const CACHE_ACTION = /^actions\/cache\/(save|restore)@[0-9a-f]{40}$/;
const INPUTS = ['path', 'key'];

export interface CacheEntry {
  key: string;
  version: string;
  /** The saved files, as they were under `path`. */
  dir: string;
}

export interface SimulatedCache {
  entries: Map<string, CacheEntry>;
  /** Every save and restore, in order: what a test asserts (`hit`: a restore found the entry, a save stored it). */
  events: { kind: 'save' | 'restore'; key: string; hit: boolean }[];
}

export interface CacheOptions {
  /** Called after an entry is stored: a test alters or removes what the cache holds (eviction, tampering). */
  afterSave?: (entry: CacheEntry, cache: SimulatedCache) => void;
}

export interface CacheStepResult {
  ok: boolean;
  outputs: Record<string, string>;
  stdout: string;
  error: string | null;
}

/** A fresh, empty cache for a repository. */
export function simulatedCache(options: CacheOptions = {}): SimulatedCache & CacheOptions {
  return { entries: new Map(), events: [], ...options };
}

/** Runs one cache step with its rendered inputs. */
export function runCacheStep(
  uses: string,
  withs: Record<string, string>,
  workspace: string,
  cache: SimulatedCache & CacheOptions,
  where: string,
): CacheStepResult {
  const kind = CACHE_ACTION.exec(uses)?.[1] as 'save' | 'restore';
  for (const name of Object.keys(withs)) {
    if (!INPUTS.includes(name))
      throw new UnsupportedConstruct(
        `${where}: actions/cache/${kind} input '${name}' is not supported by the simulator`,
      );
  }
  const key = withs['key'] ?? '';
  const paths = (withs['path'] ?? '')
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
  if (paths.length !== 1)
    throw new UnsupportedConstruct(`${where}: actions/cache with ${paths.length} paths; the simulator caches one`);
  if (key === '') return failure(`Input required and not supplied: key`);
  if (key.length > 512) return failure(`Key Validation Error: ${key} cannot be larger than 512 characters.`);
  if (key.includes(',')) return failure(`Key Validation Error: ${key} cannot contain commas.`);
  const path = resolve(workspace, paths[0]!);
  const version = relative(workspace, path);

  if (kind === 'save') {
    if (!existsSync(path)) {
      cache.events.push({ kind, key, hit: false });
      return done(
        {},
        'Warning: Path Validation Error: Path(s) specified in the action for caching do(es) not exist, hence no cache is being saved.',
      );
    }
    if (cache.entries.has(`${key}\0${version}`)) {
      cache.events.push({ kind, key, hit: false });
      return done(
        {},
        `Failed to save: Unable to reserve cache with key ${key}, another job may be creating this cache.`,
      );
    }
    const dir = join(mkdtempSync(join(tmpdir(), 'ensemble-sim-cache-')), 'entry');
    cpSync(path, dir, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    const entry = { key, version, dir };
    cache.entries.set(`${key}\0${version}`, entry);
    cache.events.push({ kind, key, hit: true });
    cache.afterSave?.(entry, cache);
    return done({}, `Cache saved with key: ${key}`);
  }

  const entry = cache.entries.get(`${key}\0${version}`);
  if (!entry || !existsSync(entry.dir)) {
    cache.events.push({ kind, key, hit: false });
    return done({ 'cache-primary-key': key }, `Cache not found for input keys: ${key}`);
  }
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path, { recursive: true });
  cpSync(entry.dir, path, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  cache.events.push({ kind, key, hit: true });
  return done(
    { 'cache-primary-key': key, 'cache-matched-key': key, 'cache-hit': 'true' },
    `Cache restored from key: ${key}`,
  );
}

function done(outputs: Record<string, string>, line: string): CacheStepResult {
  return { ok: true, outputs, stdout: `${line}\n`, error: null };
}

function failure(message: string): CacheStepResult {
  return { ok: false, outputs: {}, stdout: `::error::${message}\n`, error: message };
}
