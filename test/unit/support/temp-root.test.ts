/**
 * The run's temporary directories (test/support/temp-root.ts): every directory a test makes lands
 * under a root that the run removes, and a leak past a file's own cleanup fails the run.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import setup, { FILE_MARKER, leftoverReport, ROOT_VARIABLE, removeTree } from '../../support/temp-root.ts';

describe('temporary directories of the test run', () => {
  test("os.tmpdir() is this file's own directory under the run's root, so what tests make is removed", () => {
    const root = process.env[ROOT_VARIABLE];
    expect(root).toMatch(/\/ensemble-tests-[^/]+$/);
    const dir = os.tmpdir();
    expect(path.dirname(dir)).toBe(root);
    expect(path.basename(dir)).toMatch(/^file-/);
    // Child processes (git, the CLI, shell scripts) get the same directory.
    const child = spawnSync('sh', ['-c', 'mktemp -d'], { encoding: 'utf8' });
    expect(path.dirname(child.stdout.trim())).toBe(dir);
  });

  test('removeTree removes read-only trees (git objects, a directory a test locked) and missing ones', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'locked-'));
    mkdirSync(path.join(dir, 'objects/ab'), { recursive: true });
    writeFileSync(path.join(dir, 'objects/ab/cdef'), 'x');
    chmodSync(path.join(dir, 'objects/ab/cdef'), 0o444);
    chmodSync(path.join(dir, 'objects/ab'), 0o555);
    chmodSync(path.join(dir, 'objects'), 0o555);
    removeTree(dir);
    expect(existsSync(dir)).toBe(false);
    expect(() => removeTree(dir)).not.toThrow();
  });
});

describe('the run teardown', () => {
  const saved = { TMPDIR: process.env['TMPDIR'], root: process.env[ROOT_VARIABLE] };
  afterEach(() => {
    process.env['TMPDIR'] = saved.TMPDIR;
    process.env[ROOT_VARIABLE] = saved.root;
  });

  test('removes the root; what a file left behind is listed with the file that made it, and fails', () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'parent-'));
    process.env['TMPDIR'] = parent;
    const teardown = setup();
    const root = process.env[ROOT_VARIABLE] ?? '';
    expect(path.dirname(root)).toBe(parent);
    expect(process.env['TMPDIR']).toBe(root);

    const fileDir = path.join(root, 'file-abc');
    mkdirSync(path.join(fileDir, 'ensemble-e2e-xyz/textkit'), { recursive: true });
    writeFileSync(path.join(fileDir, FILE_MARKER), 'test/e2e/local-run.test.ts');
    writeFileSync(path.join(fileDir, 'ensemble-e2e-xyz/textkit/big'), Buffer.alloc(2_500_000));
    expect(leftoverReport(root)).toEqual(['file-abc (test/e2e/local-run.test.ts): 2.5 MB, holding ensemble-e2e-xyz']);

    expect(teardown).toThrow(/left 1 temporary entry under .*ensemble-tests-.*\n {2}file-abc \(test\/e2e\/local-run/);
    expect(readdirSync(parent)).toEqual([]);
    expect(process.env['TMPDIR']).toBe(parent);
  });

  test('a clean run tears down quietly; a root whose run was killed is removed by the next run', () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'parent-'));
    const killed = path.join(parent, 'ensemble-tests-killed');
    mkdirSync(path.join(killed, 'file-x'), { recursive: true });
    const gone = spawnSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(path.join(killed, '.owner-pid'), gone);
    const running = path.join(parent, 'ensemble-tests-running');
    mkdirSync(running);
    writeFileSync(path.join(running, '.owner-pid'), String(process.pid));

    process.env['TMPDIR'] = parent;
    const teardown = setup();
    expect(existsSync(killed)).toBe(false);
    expect(existsSync(running)).toBe(true);
    expect(teardown).not.toThrow();
    expect(readdirSync(parent)).toEqual(['ensemble-tests-running']);
  });
});
