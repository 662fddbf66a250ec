import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { EnsembleConfigInput } from '../../../src/contracts/config.ts';
import { DocsDocument } from '../../../src/contracts/docs.ts';
import { docsProblems, runDocsStage } from '../../../src/stages/docs.ts';
import { diffAgainstBase, withWorktree } from '../../../src/workspace/index.ts';
import { validPlan } from '../../support/documents.ts';
import {
  cleanupTemps,
  createRepo,
  GIT_TEST_ENV,
  isolateGit,
  readFile,
  type TestRepo,
  tempDir,
} from '../../support/git-fixture.ts';
import type { Script, ScriptedModelServer, ScriptedReply } from '../../support/scripted-model.ts';
import { scriptedStageContext } from '../../support/stage-context.ts';

beforeAll(isolateGit);
afterAll(cleanupTemps);

const servers: ScriptedModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const CALC = 'export function add(a, b) {\n  return a + b;\n}\n';
const README = '# calc\n\nFunctions: add.\n';

const BASE_FILES = {
  'README.md': README,
  'CHANGELOG.md': '# Changelog\n\n## Unreleased\n',
  'src/calc.js': CALC,
  '.github/workflows/ci.yml': 'on: push\n',
};

/** The change adds divide() and retitles the README: the docs agent's edit sits next to that line. */
function fixture(): { repo: TestRepo; baseSha: string; changePatch: string } {
  const repo = createRepo(BASE_FILES);
  const baseSha = repo.head();
  repo.commit(
    {
      'src/calc.js': `${CALC}\nexport function divide(a, b) {\n  return a / b;\n}\n`,
      'README.md': README.replace('# calc\n', '# calc (v2)\n'),
    },
    'change',
  );
  const changePatch = `${repo.git('diff', '--full-index', '--binary', baseSha, 'HEAD')}\n`;
  repo.git('reset', '--hard', '--quiet', baseSha);
  return { repo, baseSha, changePatch };
}

async function stageContext(script: Script, repo: TestRepo, baseSha: string, config: EnsembleConfigInput = {}) {
  const stage = await scriptedStageContext({
    script,
    repoDir: repo.dir,
    baseSha,
    config,
    maxAttempts: 1,
    agentContext: '# Repository\n4 tracked files.',
  });
  servers.push(stage.server);
  return stage;
}

const plan = validPlan();

const call = (name: string, args: unknown): ScriptedReply => ({ toolCalls: [{ name, args }] });
const EDIT_README = call('edit_file', {
  path: 'README.md',
  old_string: 'Functions: add.',
  new_string: 'Functions: add, divide.',
});
const submitDocs = (status: 'updated' | 'no-change' | 'failed', summary: string) =>
  call('submit_docs', { status, summary });

/** The first tool result of request `index` (the OpenAI provider sends error results as `{"error": …}`). */
function toolResultText(server: ScriptedModelServer, index: number): string {
  const content = server.requests[index]?.request?.messages.at(-1)?.toolResults[0]?.content ?? '';
  try {
    const parsed = JSON.parse(content) as { error?: unknown };
    return typeof parsed.error === 'string' ? parsed.error : content;
  } catch {
    return content;
  }
}

/** A fresh clone at `sha` to apply patches in. */
function cloneAt(repo: TestRepo, sha: string): string {
  const dir = tempDir('ensemble-docs-apply-');
  execFileSync('git', ['clone', '--quiet', repo.dir, dir], { env: { ...process.env, ...GIT_TEST_ENV } });
  execFileSync('git', ['checkout', '--quiet', '--detach', sha], { cwd: dir, env: { ...process.env, ...GIT_TEST_ENV } });
  return dir;
}

function gitApply(dir: string, patch: string, check = false): boolean {
  const file = path.join(tempDir('ensemble-patch-'), 'p.patch');
  writeFileSync(file, patch);
  try {
    execFileSync('git', ['apply', ...(check ? ['--check'] : []), file], {
      cwd: dir,
      env: { ...process.env, ...GIT_TEST_ENV },
      stdio: 'pipe',
    });
    return true;
  } catch {
    return false;
  }
}

function extraWorktrees(repo: TestRepo): string[] {
  return repo
    .git('worktree', 'list', '--porcelain')
    .split('\n')
    .filter((l) => l.startsWith('worktree ') && l !== `worktree ${repo.dir}`);
}

describe('runDocsStage', () => {
  test('updates the README: the patch applies on top of the change (not on the base alone) and lists README.md', async () => {
    const { repo, baseSha, changePatch } = fixture();
    const { ctx, server } = await stageContext(
      [call('read_file', { path: 'README.md' }), EDIT_README, submitDocs('updated', 'README.md: list divide().')],
      repo,
      baseSha,
    );
    const { document, patch } = await runDocsStage(ctx, { plan, changePatch });

    expect(server.problems).toEqual([]);
    expect(DocsDocument.parse(document)).toEqual(document);
    expect(document).toMatchObject({
      schema: 'ensemble.docs/v1',
      status: 'updated',
      summary: 'README.md: list divide().',
    });
    expect(document.filesChanged).toEqual(['README.md']);
    expect(document.usage).toMatchObject({ calls: 3, model: 'openai:gpt-5' });
    // The agent worked on the integrated tree: it read the change's README.
    expect(toolResultText(server, 1)).toContain('# calc (v2)');

    const onBase = cloneAt(repo, baseSha);
    expect(gitApply(onBase, patch, true)).toBe(false);
    expect(gitApply(onBase, changePatch)).toBe(true);
    expect(gitApply(onBase, patch)).toBe(true);
    expect(readFile(onBase, 'README.md')).toBe('# calc (v2)\n\nFunctions: add, divide.\n');
    expect(extraWorktrees(repo)).toEqual([]);

    // What the agent was told: the diff, where it may write, and which docs exist.
    const first = server.requests[0]?.request;
    expect(first?.system).toContain('Your tools: list_files, read_file, search, write_file, edit_file, submit_docs.');
    expect(first?.system).toContain(
      'You may change only files matching these patterns: README.md, docs/**, CHANGELOG.md',
    );
    const task = first?.messages[0]?.text ?? '';
    // The change is in the part every agent of the run shares, before the role.
    expect(first?.system).toContain('# The change (against the base commit)');
    expect(first?.system).toContain('+export function divide(a, b) {');
    expect(first?.system.indexOf('+export function divide')).toBeLessThan(
      first?.system.indexOf('You may change only') ?? 0,
    );
    expect(task).toContain('Existing files matching them:\n- CHANGELOG.md\n- README.md');
    expect(task).toContain('(never .github/workflows/**, .github/actions/**, ');
  });

  test("the docs the change adds are the agent's to edit, known from the base listing and git's own listing of the change", async () => {
    const repo = createRepo(BASE_FILES);
    const baseSha = repo.head();
    // Made the way the test stage makes change.patch: git then knows its files without reading it again.
    const change = await withWorktree(repo.dir, baseSha, async (dir) => {
      writeFileSync(path.join(dir, 'src', 'calc.js'), `${CALC}\nexport const ZERO = 0;\n`);
      mkdirSync(path.join(dir, 'docs'));
      writeFileSync(path.join(dir, 'docs', 'usage.md'), '# Usage\n\nadd(a, b)\n');
      rmSync(path.join(dir, 'CHANGELOG.md'));
      return diffAgainstBase(dir, baseSha);
    });
    const { ctx, server } = await stageContext(
      [
        call('edit_file', { path: 'docs/usage.md', old_string: 'add(a, b)', new_string: 'add(a, b), ZERO' }),
        submitDocs('updated', 'docs/usage.md: ZERO.'),
      ],
      repo,
      baseSha,
    );
    ctx.baseFiles = Object.keys(BASE_FILES).sort();
    const { document, patch } = await runDocsStage(ctx, { plan, changePatch: change.patch });
    expect(server.requests[0]?.request?.messages[0]?.text).toContain(
      'Existing files matching them:\n- README.md\n- docs/usage.md',
    );
    // A file the change added is one the agent modified, not one it created elsewhere.
    expect(document).toMatchObject({ status: 'updated', filesChanged: ['docs/usage.md'] });
    expect(patch).toContain('-add(a, b)\n+add(a, b), ZERO');
  });

  test('when its worktree cannot be recorded, every file the agent wrote counts as changed; the patch is still made', async () => {
    const { repo, baseSha, changePatch } = fixture();
    const replies = [EDIT_README, submitDocs('updated', 'README.md: list divide().')];
    let turn = 0;
    const script = () => {
      turn++;
      if (turn === 2) {
        // Before the submission is checked: git cannot write the worktree's index now.
        const worktrees = path.join(repo.dir, '.git', 'worktrees');
        const admin = readdirSync(worktrees).find((name) => name.startsWith('ensemble-docs-'));
        writeFileSync(path.join(worktrees, admin as string, 'index.lock'), '');
      }
      return replies[turn - 1] ?? submitDocs('failed', 'The script ran out.');
    };
    const { ctx } = await stageContext(script, repo, baseSha);
    const { document, patch } = await runDocsStage(ctx, { plan, changePatch });
    expect(document).toMatchObject({ status: 'updated', filesChanged: ['README.md'] });
    expect(patch).toContain('+Functions: add, divide.');
  });

  test('an edit of a source file goes back to the model through the check; it undoes it and the patch holds docs only', async () => {
    const { repo, baseSha, changePatch } = fixture();
    const CHANGED_CALC = `${CALC}\nexport function divide(a, b) {\n  return a / b;\n}\n`;
    const { ctx, server } = await stageContext(
      [
        EDIT_README,
        call('edit_file', {
          path: 'src/calc.js',
          old_string: 'return a / b;',
          new_string: 'return b === 0 ? NaN : a / b;',
        }),
        submitDocs('updated', 'Listed divide() and fixed it.'),
        call('write_file', { path: 'src/calc.js', content: CHANGED_CALC }),
        submitDocs('updated', 'Listed divide() in the README.'),
      ],
      repo,
      baseSha,
    );
    const { document, patch } = await runDocsStage(ctx, { plan, changePatch });

    const rejection = toolResultText(server, 3);
    expect(rejection).toContain('Error: the submission is not valid');
    expect(rejection).toContain(
      'you changed src/calc.js, outside the files you may change (README.md, docs/**, CHANGELOG.md)',
    );
    expect(document).toMatchObject({
      status: 'updated',
      summary: 'Listed divide() in the README.',
      filesChanged: ['README.md'],
    });
    expect(patch).toContain('+Functions: add, divide.');
    expect(patch).not.toContain('src/calc.js');
  });

  test('as a last guard, files created outside the docs paths and protected paths are dropped, with a note', async () => {
    const { repo, baseSha, changePatch } = fixture();
    const { ctx } = await stageContext(
      [
        EDIT_README,
        call('write_file', { path: 'src/helper.js', content: 'export const x = 1;\n' }),
        call('write_file', { path: '.github/workflows/docs.yml', content: 'on: push\n' }),
        submitDocs('updated', 'Listed divide().'),
      ],
      repo,
      baseSha,
      // The docs paths include .github, but protected paths always win.
      { docs: { paths: ['README.md', '.github/**'] } },
    );
    const { document, patch } = await runDocsStage(ctx, { plan, changePatch });

    expect(document.status).toBe('updated');
    expect(document.filesChanged).toEqual(['README.md']);
    expect(document.summary).toContain('Listed divide().');
    expect(document.summary).toContain('Left out of the documentation patch:');
    expect(document.summary).toContain('src/helper.js (outside the documentation paths)');
    expect(document.summary).toContain('.github/workflows/docs.yml (protected by ".github/workflows/**")');
    expect(patch).not.toContain('helper.js');
    expect(patch).not.toContain('.github');
    const dir = cloneAt(repo, baseSha);
    expect(gitApply(dir, changePatch) && gitApply(dir, patch)).toBe(true);
  });

  test('an agent that stops without submitting: failed with the reason, its partial docs patch kept, the rest dropped', async () => {
    const { repo, baseSha, changePatch } = fixture();
    const { ctx } = await stageContext(
      [
        EDIT_README,
        call('edit_file', { path: 'src/calc.js', old_string: 'return a + b;', new_string: 'return b + a;' }),
      ],
      repo,
      baseSha,
      { stages: { docs: { 'max-turns': 2 } } },
    );
    const { document, patch } = await runDocsStage(ctx, { plan, changePatch });

    expect(DocsDocument.parse(document)).toEqual(document);
    expect(document.status).toBe('failed');
    expect(document.summary).toMatch(
      /^The documentation agent stopped before submitting \(turns: the turn budget \(2 model calls\) ran out\)/,
    );
    expect(document.summary).toContain('Its partial change is in docs.patch.');
    expect(document.summary).toContain('src/calc.js (outside the documentation paths)');
    expect(document.filesChanged).toEqual(['README.md']);
    expect(patch).toContain('+Functions: add, divide.');
    expect(patch).not.toContain('src/calc.js');
    expect(extraWorktrees(repo)).toEqual([]);
  });

  test('no change needed is a valid result with its reason', async () => {
    const { repo, baseSha, changePatch } = fixture();
    const { ctx } = await stageContext(
      [submitDocs('no-change', 'divide() is internal; nothing documented changes.')],
      repo,
      baseSha,
    );
    const { document, patch } = await runDocsStage(ctx, { plan, changePatch });
    expect(document).toMatchObject({
      status: 'no-change',
      summary: 'divide() is internal; nothing documented changes.',
      filesChanged: [],
    });
    expect(patch).toBe('');
  });

  test('an empty change or one that does not apply is refused before any model call', async () => {
    const { repo, baseSha } = fixture();
    const { ctx, server } = await stageContext([], repo, baseSha);
    await expect(runDocsStage(ctx, { plan, changePatch: '' })).rejects.toThrow('docs stage: the change is empty');
    const foreign =
      'diff --git a/README.md b/README.md\n--- a/README.md\n+++ b/README.md\n@@ -1,1 +1,1 @@\n-not there\n+x\n';
    await expect(runDocsStage(ctx, { plan, changePatch: foreign })).rejects.toThrow(
      /does not apply to the base commit .*README\.md/,
    );
    expect(server.requests).toEqual([]);
    expect(extraWorktrees(repo)).toEqual([]);
  });
});

describe('docsProblems', () => {
  const limits = { docsPaths: ['README.md', 'docs/**'], protectedPaths: ['.github/workflows/**'] };
  const modified = (p: string) => ({ kind: 'modified' as const, path: p, oldPath: null });
  const added = (p: string) => ({ kind: 'added' as const, path: p, oldPath: null });

  test('status and changes must agree', () => {
    expect(docsProblems({ status: 'updated', summary: 's' }, [], limits)).toEqual([
      'status is "updated" but no documentation file changed: make the changes first, or submit "no-change" with the reason',
    ]);
    expect(docsProblems({ status: 'no-change', summary: 's' }, [modified('docs/a.md')], limits)).toEqual([
      'status is "no-change" but you changed docs/a.md: submit "updated" with what you changed, or undo the edits',
    ]);
    expect(docsProblems({ status: 'updated', summary: 's' }, [modified('docs/a.md')], limits)).toEqual([]);
  });

  test('edits outside the docs paths must be undone; created files are left to the final guard; a failed agent is not held', () => {
    const changes = [modified('README.md'), modified('src/a.ts'), added('src/new.ts')];
    expect(docsProblems({ status: 'updated', summary: 's' }, changes, limits)).toEqual([
      expect.stringMatching(
        /^you changed src\/a\.ts, outside the files you may change \(README\.md, docs\/\*\*\)\. Undo those edits/,
      ),
    ]);
    expect(
      docsProblems({ status: 'updated', summary: 's' }, [modified('README.md'), added('src/new.ts')], limits),
    ).toEqual([]);
    expect(docsProblems({ status: 'failed', summary: 's' }, changes, limits)).toEqual([]);
  });

  test('a protected path is never accepted, even inside the docs paths', () => {
    const problems = docsProblems({ status: 'updated', summary: 's' }, [modified('.github/workflows/ci.yml')], {
      docsPaths: ['.github/**'],
      protectedPaths: ['.github/workflows/**'],
    });
    expect(problems[0]).toContain('you changed .github/workflows/ci.yml (a protected path)');
  });
});
