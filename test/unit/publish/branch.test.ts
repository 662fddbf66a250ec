import { describe, expect, test } from 'vitest';
import { branchFor } from '../../../src/publish/branch.ts';

const prompt = (title: string) => ({ issue: null, title });

describe('branchFor: one rule for the branch of a run, in both runtimes', () => {
  test('an issue run gets ensemble/issue-<n>, whatever its title and run id', () => {
    expect(branchFor({ issue: 7, title: 'Anything' }, '4242')).toBe('ensemble/issue-7');
    expect(branchFor({ issue: 7, title: 'Anything' }, '2026-11-21T19-10-00-1a2b')).toBe('ensemble/issue-7');
  });

  test("a prompt run gets a slug of its title and the run id's last part: the whole GitHub id, the local suffix", () => {
    expect(branchFor(prompt('Add a --verbose flag!'), '4242')).toBe('ensemble/add-a-verbose-flag-4242');
    expect(branchFor(prompt('Add a --verbose flag!'), '2026-11-21T19-10-00-1a2b')).toBe(
      'ensemble/add-a-verbose-flag-1a2b',
    );
  });

  test('titles that slug to nothing, long titles and unsafe run ids still give a valid ref name', () => {
    expect(branchFor(prompt('???'), '4242')).toBe('ensemble/run-4242');
    const long = branchFor(prompt('word '.repeat(40)), '4242');
    expect(long).toMatch(/^ensemble\/[a-z0-9-]{1,40}-4242$/);
    expect(long).not.toContain('--');
    expect(branchFor(prompt('Fix'), '../x y~^:.lock')).toBe('ensemble/fix-lock');
    expect(branchFor(prompt('Fix'), '~^:')).toBe('ensemble/fix-run');
  });
});
