// Fails when the committed dist/ differs from what `npm run build` produces now.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fresh = mkdtempSync(join(tmpdir(), 'ensemble-dist-'));
try {
  execFileSync(process.execPath, [join(root, 'scripts/build.ts'), '--out', fresh], { cwd: root, stdio: 'inherit' });
  const list = (dir: string) =>
    (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
      .sort();
  const committed = new Set(list(join(root, 'dist')));
  const built = new Set(list(fresh));
  const problems: string[] = [];
  for (const f of built) {
    if (!committed.has(f)) problems.push(`missing: dist/${f}`);
    else if (!readFileSync(join(fresh, f)).equals(readFileSync(join(root, 'dist', f))))
      problems.push(`stale: dist/${f}`);
  }
  for (const f of committed) if (!built.has(f)) problems.push(`not produced by the build: dist/${f}`);
  if (problems.length > 0) {
    console.error(
      `dist/ does not match the source:\n  ${problems.join('\n  ')}\nRun \`npm run build\` and commit dist/ with the change.`,
    );
    process.exit(1);
  }
  console.log(`dist/ is up to date (${built.size} files).`);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
