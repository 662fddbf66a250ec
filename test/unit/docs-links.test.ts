// biome-ignore-all lint/suspicious/noTemplateCurlyInString: TypeScript source held in strings, not JS templates
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  documentMentions,
  githubSlug,
  hasSection,
  headings,
  markdownLinks,
  proseLines,
  sourceComments,
} from '../support/doc-references.ts';
import { repoRoot } from '../support/node24.ts';

/**
 * Every reference this repository's documentation and code comments make to another of its files
 * leads somewhere: relative Markdown links to a file that exists (and `#anchors` into Markdown to
 * a heading), and `.md` paths named in prose or in a comment (`docs/design.md §3.3`) to a file,
 * and a section, that exist.
 */

/** Not this repository's documents: dependencies, build output, the vendored repositories of test fixtures. */
const SKIPPED = new Set(['node_modules', 'dist', 'lib', '.git', '.ensemble', 'test/fixtures']);

/**
 * `.md` names that mean a file of the repository ensemble works on, or of a run directory, not a
 * file of this repository.
 */
const NOT_OURS = new Set(['AGENTS.md', 'CLAUDE.md', 'CHANGELOG.md', 'README.md', 'pr.md', 'review.md']);
const NOT_OURS_PATHS = new Set(['.github/copilot-instructions.md']);

function walk(dir: string, keep: (path: string) => boolean, out: string[] = []): string[] {
  for (const entry of readdirSync(join(repoRoot, dir), { withFileTypes: true })) {
    const path = dir === '.' ? entry.name : `${dir}/${entry.name}`;
    if (SKIPPED.has(entry.name) || SKIPPED.has(path)) continue;
    if (entry.isDirectory()) walk(path, keep, out);
    else if (entry.isFile() && keep(path)) out.push(path);
  }
  return out;
}

const markdownFiles = walk('.', (path) => path.endsWith('.md')).sort();
const sourceFiles = ['src', 'scripts', 'bench', 'test/support']
  .flatMap((dir) => walk(dir, (path) => path.endsWith('.ts')))
  .sort();

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/** Where a relative link or a mentioned path leads: repository-relative, or null when it leaves the repository. */
function resolveIn(from: string, target: string): string | null {
  const absolute = target.startsWith('/') ? join(repoRoot, target) : resolve(repoRoot, dirname(from), target);
  const rel = relative(repoRoot, absolute);
  return rel.startsWith('..') ? null : rel;
}

/** What is wrong with the link `target` in `from`, or null when it leads somewhere. */
function brokenLink(from: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return null; // https:, mailto:
  const hash = target.indexOf('#');
  const pathPart = decodeURI(hash === -1 ? target : target.slice(0, hash));
  const anchor = hash === -1 ? null : decodeURIComponent(target.slice(hash + 1));
  const path = pathPart === '' ? from : resolveIn(from, pathPart);
  if (path === null) return 'leads outside the repository';
  if (!existsSync(join(repoRoot, path))) return `${path} does not exist`;
  if (anchor === null || anchor === '') return null;
  if (!path.endsWith('.md')) return /^L\d+(-L\d+)?$/.test(anchor) ? null : `#${anchor} is not a line anchor`;
  const slugs = headings(read(path)).map((h) => h.slug);
  return slugs.includes(anchor.toLowerCase()) ? null : `${path} has no heading with the anchor #${anchor}`;
}

/** What is wrong with a mention of `mention` (a `.md` path, maybe with a section) in `from`, or null. */
function brokenMention(from: string, mention: { path: string; section: number[] }): string | null {
  const name = mention.path.split('/').at(-1) as string;
  if (NOT_OURS_PATHS.has(mention.path) || (NOT_OURS.has(name) && !mention.path.includes('/'))) return null;
  const candidates = [resolveIn('.', mention.path), resolveIn(from, mention.path)].filter(
    (p): p is string => p !== null && isFile(join(repoRoot, p)),
  );
  const [found] = candidates;
  if (found === undefined) return `${mention.path} does not exist`;
  if (mention.section.length > 0 && !hasSection(read(found), mention.section))
    return `${found} has no section §${mention.section.join('.')}`;
  return null;
}

describe('the helpers read references as GitHub does', () => {
  test('heading anchors follow GitHub: punctuation dropped, spaces to hyphens, repeats numbered', () => {
    const markdown = [
      '# ensemble — design',
      '## 3. Security model',
      '## Configuration: `.github/ensemble.yml`',
      '```',
      '## not a heading',
      '```',
      '### [Runners](x.md) and `sandbox: none`',
      '## Tokens',
      '## Tokens',
    ].join('\n');
    expect(headings(markdown).map((h) => h.slug)).toEqual([
      'ensemble--design',
      '3-security-model',
      'configuration-githubensembleyml',
      'runners-and-sandbox-none',
      'tokens',
      'tokens-1',
    ]);
    expect(githubSlug('GITHUB_TOKEN (the default)')).toBe('github_token-the-default');
  });

  test('links outside code, with their lines; code spans and fences hold none', () => {
    const markdown = [
      'See [the guide](docs/github-setup.md#runners) and ![logo](img/logo.png "Logo").',
      'Not `[a](b.md)`, but [`examples/ensemble.yml`](examples/ensemble.yml).',
      '```md',
      '[c](d.md)',
      '```',
      '[ref]: <docs/security.md>',
      '<a href="CONTRIBUTING.md">x</a> and https://example.com/a.md',
    ].join('\n');
    expect(markdownLinks(markdown)).toEqual([
      { target: 'docs/github-setup.md#runners', line: 1 },
      { target: 'img/logo.png', line: 1 },
      { target: 'examples/ensemble.yml', line: 2 },
      { target: 'docs/security.md', line: 6 },
      { target: 'CONTRIBUTING.md', line: 7 },
    ]);
  });

  test('comments of TypeScript, not strings, templates or regular expressions that hold //', () => {
    const source = [
      "const url = 'https://example.com'; // see docs/a.md §2",
      'const t = `a ${f({ b: "//" })} c // not a comment`;',
      'const r = /\\/\\/x/g; /* DESIGN.md',
      '   §1 */ const d = x / 2; // end',
    ].join('\n');
    expect(sourceComments(source)).toEqual([
      { text: '// see docs/a.md §2', line: 1 },
      { text: '/* DESIGN.md\n   §1 */', line: 3 },
      { text: '// end', line: 4 },
    ]);
    expect(documentMentions(sourceComments(source))).toEqual([
      { path: 'docs/a.md', section: [2], line: 1 },
      { path: 'DESIGN.md', section: [], line: 3 },
    ]);
    expect(documentMentions([{ text: 'Read `docs/design.md` §3.5 and CONTRIBUTING.md.', line: 4 }])).toEqual([
      { path: 'docs/design.md', section: [3, 5], line: 4 },
      { path: 'CONTRIBUTING.md', section: [], line: 4 },
    ]);
  });

  test('numbered sections: a heading "n." and, inside it, a heading "n.m" or the list item "m."', () => {
    const markdown = ['## 1. One', '1. first', '## 2. Two', '### 2.1 Sub', '## 3. Three'].join('\n');
    expect(hasSection(markdown, [1, 1])).toBe(true);
    expect(hasSection(markdown, [2, 1])).toBe(true);
    expect(hasSection(markdown, [1, 2])).toBe(false);
    expect(hasSection(markdown, [3, 1])).toBe(false);
    expect(hasSection(markdown, [4])).toBe(false);
  });
});

describe('references in this repository', () => {
  test('a link to a missing file or heading, or a missing document or section, is reported', () => {
    expect(brokenLink('README.md', 'docs/security.md#who-can-start-a-run')).toBeNull();
    expect(brokenLink('docs/security.md', '../src/agent/sandbox.ts#L10-L20')).toBeNull();
    expect(brokenLink('README.md', 'https://github.com/x/y/blob/main/DESIGN.md')).toBeNull();
    expect(brokenLink('README.md', 'DESIGN.md')).toBe('DESIGN.md does not exist');
    expect(brokenLink('docs/design.md', 'security.md#no-such-heading')).toBe(
      'docs/security.md has no heading with the anchor #no-such-heading',
    );
    expect(brokenLink('README.md', '#no-such-heading')).toBe(
      'README.md has no heading with the anchor #no-such-heading',
    );
    expect(brokenLink('README.md', '../outside.md')).toBe('leads outside the repository');
    expect(brokenMention('src/model/keys.ts', { path: 'docs/design.md', section: [3, 3] })).toBeNull();
    expect(brokenMention('src/model/keys.ts', { path: 'AGENTS.md', section: [] })).toBeNull();
    expect(brokenMention('scripts/bench.ts', { path: 'DESIGN.md', section: [8] })).toBe('DESIGN.md does not exist');
    expect(brokenMention('src/x.ts', { path: 'docs/design.md', section: [3, 42] })).toBe(
      'docs/design.md has no section §3.42',
    );
  });

  test('the files checked include the documentation and the sources', () => {
    expect(markdownFiles).toEqual(
      expect.arrayContaining([
        'README.md',
        'CONTRIBUTING.md',
        'docs/architecture.md',
        'docs/design.md',
        'docs/github-setup.md',
        'docs/security.md',
      ]),
    );
    expect(markdownFiles.some((f) => f.startsWith('node_modules/') || f.startsWith('test/fixtures/'))).toBe(false);
    expect(sourceFiles).toEqual(expect.arrayContaining(['src/agent/sandbox.ts', 'scripts/bench.ts']));
  });

  test('every relative link in a Markdown file leads to a file that exists, and every #anchor to a heading', () => {
    const broken = markdownFiles.flatMap((file) =>
      markdownLinks(read(file)).flatMap(({ target, line }) => {
        const why = brokenLink(file, target);
        return why === null ? [] : [`${file}:${line}: ${target}: ${why}`];
      }),
    );
    expect(broken).toEqual([]);
  });

  test('every .md path named in Markdown prose exists, with the § section it names', () => {
    const broken = markdownFiles.flatMap((file) =>
      documentMentions(proseLines(read(file))).flatMap((mention) => {
        const why = brokenMention(file, mention);
        return why === null ? [] : [`${file}:${mention.line}: ${why}`];
      }),
    );
    expect(broken).toEqual([]);
  });

  test('every .md path named in a source comment exists, with the § section it names', () => {
    const broken = sourceFiles.flatMap((file) =>
      documentMentions(sourceComments(read(file))).flatMap((mention) => {
        const why = brokenMention(file, mention);
        return why === null ? [] : [`${file}:${mention.line}: ${why}`];
      }),
    );
    expect(broken).toEqual([]);
  });
});
