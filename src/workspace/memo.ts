/**
 * Promises of what never changes once known, such as what an object SHA names in a repository
 * (a commit's tree, a tree plus a patch, the diff of two trees), kept by key: callers asking the
 * same share the first one's promise; a promise that fails is dropped, so the next caller asks
 * again; beyond `max` entries the oldest go.
 */
export class FactCache<T> {
  private readonly entries = new Map<string, Promise<T>>();
  private readonly max: number;

  constructor(max: number) {
    this.max = max;
  }

  /** The promise kept under `key`, if any. */
  get(key: string): Promise<T> | undefined {
    return this.entries.get(key);
  }

  /** The promise kept under `key`, else `make()`'s, kept. */
  of(key: string, make: () => Promise<T>): Promise<T> {
    return this.get(key) ?? this.set(key, make());
  }

  /** Keeps `value` under `key` (the newest), and returns it. */
  set(key: string, value: Promise<T>): Promise<T> {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    value.catch(() => {
      if (this.entries.get(key) === value) this.entries.delete(key);
    });
    return value;
  }
}
