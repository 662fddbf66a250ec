/**
 * `ensemble fix --run DIR` end to end: one more fix round on a finished local run, with the
 * scripted model, real git, the real sandbox and the real test runner.
 */
import { describe, expect, test } from 'vitest';
import { demoScript } from '../support/demo-model.ts';
import { fixer, isFixer, userText, WHOLE_RUN_TIMEOUT_MS, ZERO_FIXED } from '../support/fix-script.ts';
import { artifact, demoRepo, ensemble, git, readJson, runJson, withOverrides } from '../support/local-e2e.ts';
import { requireSandboxForTests } from '../support/sandbox-required.ts';
import type { ScriptedRequest } from '../support/scripted-model.ts';

describe('`ensemble fix --run DIR`', () => {
  requireSandboxForTests('whole runs and fix rounds');
  test(
    'a person’s instructions start one more round on a finished run, and its branch gets the commit',
    async () => {
      const repo = demoRepo();
      const first = await runJson(repo, demoScript);
      expect(first.code).toBe(0);
      const fixerRequests: ScriptedRequest[] = [];
      const script = withOverrides((request, turn) => {
        if (!isFixer(request)) return null;
        fixerRequests.push(request);
        return fixer(request, turn);
      });
      const instructions = 'Make maxLength: 0 give an empty slug. Ignore the other findings.';
      const { code, stdout, stderr } = await ensemble(
        ['fix', '--run', first.summary.runDir, '--repo', repo, '--instructions', instructions],
        script,
      );
      expect(code, stderr).toBe(0);
      expect(stdout).toContain('fix: round 1: 0 of 0 fixed; stopped: no blocking finding is left');
      // The instructions reach the agent as a person's words: data in an untrusted block.
      const asked = userText(fixerRequests[0] as ScriptedRequest);
      expect(asked).toMatch(/## Instructions from a person\n<untrusted source="instructions">[\s\S]*Make maxLength: 0/);
      expect(readJson(artifact(first.summary, 'ensemble-fix-1', 'fix.json'))).toMatchObject({ instructions });
      const subjects = git(repo, 'log', '--format=%s', `main..${first.summary.branch}`).trim().split('\n');
      expect(subjects.slice(0, 2)).toEqual(['Update the documentation', 'Treat maxLength: 0 as a limit']);
      expect(git(repo, 'show', `${first.summary.branch}:src/slugify.js`)).toContain(ZERO_FIXED);
    },
    WHOLE_RUN_TIMEOUT_MS,
  );

  test(
    'with nothing blocking and no instructions there is nothing to do, and nothing is made',
    async () => {
      const repo = demoRepo();
      const first = await runJson(repo, demoScript);
      const before = git(repo, 'rev-parse', first.summary.branch);
      const { code, stdout } = await ensemble(['fix', '--run', first.summary.runDir, '--repo', repo], demoScript);
      expect(code).toBe(0);
      expect(stdout).toContain('nothing to fix');
      expect(git(repo, 'rev-parse', first.summary.branch)).toBe(before);
    },
    WHOLE_RUN_TIMEOUT_MS,
  );
});
