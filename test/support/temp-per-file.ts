/**
 * A `setupFiles` entry: the test file's own temporary directory, under the run's root (see
 * `temp-root.ts`), removed after the file's last test. `TMPDIR` points at it while the file runs,
 * so whatever the file, the code it calls and the processes it starts make with `os.tmpdir()`
 * (or `mktemp`, or git) is removed with it, and no test needs to clean up after itself.
 */

import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { FILE_MARKER, ROOT_VARIABLE, removeTree } from './temp-root.ts';

const root = process.env[ROOT_VARIABLE];
// Without the run's root (a file run by something other than this repository's vitest config)
// there is nothing to scope to.
if (root) {
  const dir = mkdtempSync(path.join(root, 'file-'));
  process.env['TMPDIR'] = dir;
  beforeAll(() => {
    writeFileSync(path.join(dir, FILE_MARKER), path.relative(process.cwd(), expect.getState().testPath ?? ''));
  });
  // Registered before the file's own hooks, so it runs after them (vitest runs after-hooks as a stack).
  afterAll(() => {
    process.env['TMPDIR'] = root;
    removeTree(dir);
  });
}
