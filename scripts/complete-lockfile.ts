// Adds lockfile entries for platform-specific optional dependencies that the registry this
// lockfile was made against does not serve (it mirrors Linux glibc builds only). `npm install`
// leaves them out, and `npm ci` then refuses the lockfile as out of sync on every platform.
// The entries carry os/cpu/libc, so npm skips them where they do not apply and fetches them by
// version elsewhere. Run after `npm install` changes the lockfile: `node scripts/complete-lockfile.ts`.
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORM = /-(android|darwin|linux|win32|freebsd)-(arm64|x64|ia32|arm)(?:-(musl|gnu|msvc))?$/;

/** The C library a platform build needs: musl when its name says so, glibc for any other Linux build. */
function libcField(os: string | undefined, libc: string | undefined): { libc?: string[] } {
  if (libc === 'musl') return { libc: ['musl'] };
  if (os === 'linux') return { libc: ['glibc'] };
  return {};
}

/** Lockfile order: the root entry (path '') first, then the paths in code-unit order. */
function byPath([a]: [string, unknown], [b]: [string, unknown]): number {
  if (a === '') return -1;
  if (b === '') return 1;
  return a < b ? -1 : 1;
}

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages: Record<string, Record<string, unknown>> };
const added: string[] = [];
for (const [path, entry] of Object.entries(lock.packages)) {
  const optional = entry['optionalDependencies'] as Record<string, string> | undefined;
  if (!path || !optional) continue;
  for (const [name, version] of Object.entries(optional)) {
    const key = `node_modules/${name}`;
    if (lock.packages[`${path}/${key}`] || lock.packages[key]) continue;
    const match = PLATFORM.exec(name);
    if (!match)
      throw new Error(
        `${name} (optional dependency of ${path}) is missing from the lockfile and is not a platform build`,
      );
    const [, os, cpu, libc] = match;
    lock.packages[key] = {
      version,
      ...(entry['dev'] ? { dev: true } : {}),
      optional: true,
      os: [os],
      cpu: [cpu],
      ...libcField(os, libc),
    };
    added.push(`${name}@${version}`);
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(byPath));
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `added ${added.join(', ')}` : 'lockfile complete');
