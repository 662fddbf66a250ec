/**
 * The folder edges of `src/`, read from the import statements (static and dynamic), against the
 * allowed edges written down in docs/architecture.md: dependencies point inward, the stages and
 * contracts know nothing of runtimes, and the two runtimes know nothing of each other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../support/node24.ts';

const SRC = join(repoRoot, 'src');

/** Folder → the folders it may import from (besides itself). `(root)` is `src/*.ts`, the entries. */
const ALLOWED: Record<string, readonly string[]> = {
  util: [],
  plan: [],
  secrets: ['util'],
  contracts: ['plan', 'util'],
  model: ['contracts', 'util'],
  config: ['contracts', 'util'],
  workspace: ['contracts', 'util'],
  github: ['contracts', 'util'],
  review: ['contracts', 'workspace', 'util'],
  ci: ['contracts', 'secrets', 'util'],
  render: ['contracts', 'review', 'util'],
  agent: ['contracts', 'config', 'model', 'secrets', 'workspace', 'util'],
  artifacts: ['agent', 'contracts', 'util'],
  stages: ['agent', 'config', 'contracts', 'model', 'plan', 'render', 'review', 'secrets', 'workspace', 'util'],
  pipeline: [
    'agent',
    'artifacts',
    'ci',
    'config',
    'contracts',
    'github',
    'model',
    'plan',
    'review',
    'secrets',
    'stages',
    'workspace',
    'util',
  ],
  publish: [
    'artifacts',
    'ci',
    'config',
    'contracts',
    'github',
    'plan',
    'render',
    'review',
    'secrets',
    'workspace',
    'util',
  ],
  'runtime/local': [
    'agent',
    'artifacts',
    'config',
    'contracts',
    'model',
    'pipeline',
    'publish',
    'render',
    'review',
    'stages',
    'workspace',
    'util',
  ],
  'runtime/actions': [
    'agent',
    'artifacts',
    'ci',
    'config',
    'contracts',
    'github',
    'model',
    'pipeline',
    'plan',
    'publish',
    'render',
    'review',
    'secrets',
    'stages',
    'workspace',
    'util',
  ],
  '(root)': ['config', 'contracts', 'runtime/actions', 'runtime/local', 'util'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `src/runtime/local/x.ts` → `runtime/local`; `src/stages/test/x.ts` → `stages`; `src/cli.ts` → `(root)`. */
function folderOf(file: string): string {
  const parts = relative(SRC, file).split(sep);
  if (parts.length === 1) return '(root)';
  if (parts[0] === 'runtime' && parts.length > 2) return `runtime/${parts[1]}`;
  return parts[0] as string;
}

/** Every relative import of a file: `import … from`, `export … from`, `import type`, `import('…')`. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)'(\.{1,2}\/[^']+)'/g)];
  return specs.map((m) => resolve(dirname(file), m[1] as string));
}

interface Edge {
  from: string;
  to: string;
  file: string;
}

function folderEdges(): Edge[] {
  return sourceFiles(SRC).flatMap((file) =>
    importsOf(file)
      .map((target) => ({ from: folderOf(file), to: folderOf(target), file: relative(repoRoot, file) }))
      .filter((edge) => edge.from !== edge.to),
  );
}

describe('the folder edges of src/', () => {
  const edges = folderEdges();

  test('every folder of src/ has its allowed edges written down', () => {
    const folders = new Set(sourceFiles(SRC).map(folderOf));
    expect([...folders].filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  test('every import points inward, along an allowed edge', () => {
    const forbidden = edges
      .filter((edge) => !(ALLOWED[edge.from] ?? []).includes(edge.to))
      .map((edge) => `${edge.file}: ${edge.from} → ${edge.to}`);
    expect(forbidden).toEqual([]);
  });

  test('the check sees the imports it judges (a file with a forbidden edge would be caught)', () => {
    // The stage actions import the pipeline and the artifact port: both edges are found.
    expect(edges).toContainEqual(expect.objectContaining({ from: 'runtime/actions', to: 'pipeline' }));
    expect(edges).toContainEqual(expect.objectContaining({ from: 'runtime/actions', to: 'artifacts' }));
    // And a made-up edge of the kind the check exists for is not allowed.
    expect(ALLOWED['stages']).not.toContain('pipeline');
    expect(ALLOWED['pipeline']).not.toContain('runtime/local');
    expect(ALLOWED['publish']).not.toContain('runtime/actions');
  });

  test('docs/architecture.md lists the same allowed edges as this test', () => {
    const doc = readFileSync(join(repoRoot, 'docs/architecture.md'), 'utf8');
    for (const [folder, allowed] of Object.entries(ALLOWED)) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${folder}\` |`));
      expect(row, `docs/architecture.md has no row for ${folder}`).toBeDefined();
      const listed = [...(row?.split('|')[3]?.matchAll(/`([^`]+)`/g) ?? [])].map((m) => m[1]);
      expect({ folder, allowed: listed.sort() }).toEqual({ folder, allowed: [...allowed].sort() });
    }
  });
});
