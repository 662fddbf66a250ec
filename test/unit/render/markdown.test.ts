import { describe, expect, test } from 'vitest';
import {
  fence,
  formatCost,
  formatCount,
  formatDuration,
  GITHUB_BODY_LIMIT,
  inlineCode,
  STEP_SUMMARY_LIMIT,
  table,
  truncateMarkdown,
} from '../../../src/render/markdown.ts';
import { findMarker, marker, prMarker, reviewMarker } from '../../../src/render/marker.ts';
import { mermaidId, mermaidLabel, pipelineGraph, planGraph } from '../../../src/render/mermaid.ts';
import { splitFences } from '../../../src/render/safe.ts';

describe('code', () => {
  test('a fence is longer than any backtick run inside it', () => {
    expect(fence('a\n```\nb', 'text')).toBe('````text\na\n```\nb\n````');
    expect(fence('x `````` y\r\n')).toBe('```````\nx `````` y\n```````');
    expect(fence('plain')).toBe('```\nplain\n```');
  });

  test('an inline code span cannot be closed by its content and stays on one line', () => {
    expect(inlineCode('a.ts')).toBe('`a.ts`');
    expect(inlineCode('a `b` c')).toBe('``a `b` c``');
    expect(inlineCode('`x`')).toBe('`` `x` ``');
    expect(inlineCode('a|b\nc')).toBe('`a\\|b c`');
  });

  test('tables', () => {
    expect(
      table(
        ['A', 'B'],
        [
          ['1', ''],
          ['2', 'x'],
        ],
        'lr',
      ),
    ).toBe('| A | B |\n|---|---:|\n| 1 |   |\n| 2 | x |');
  });
});

describe('formats', () => {
  test('counts, cost and durations', () => {
    expect([formatCount(0), formatCount(999), formatCount(12_000), formatCount(1_234_567)]).toEqual([
      '0',
      '999',
      '12,000',
      '1,234,567',
    ]);
    expect([formatCost(0.0123), formatCost(0), formatCost(1.5), formatCost(null)]).toEqual([
      '$0.0123',
      '$0.0000',
      '$1.5000',
      '—',
    ]);
    expect([formatDuration(850), formatDuration(41_250), formatDuration(125_000), formatDuration(3_720_000)]).toEqual([
      '850 ms',
      '41.3 s',
      '2 min 05 s',
      '1 h 02 min',
    ]);
  });
});

describe('truncateMarkdown', () => {
  const size = (text: string) => Buffer.byteLength(text, 'utf8');

  test('text within the limit is returned as it is', () => {
    expect(truncateMarkdown('# hi\n', GITHUB_BODY_LIMIT)).toBe('# hi\n');
  });

  test('cut at a line end with a visible note, within the limit', () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
    const out = truncateMarkdown(text, { unit: 'chars', max: 400 });
    expect(out.length).toBeLessThanOrEqual(400);
    expect(out).toMatch(/^line 0\nline 1\n/);
    expect(out).toContain('**Truncated**: this text was longer than 400 characters');
    const kept = out.slice(0, out.indexOf('\n\n> [!WARNING]'));
    expect(text.startsWith(kept)).toBe(true);
    expect(kept).toMatch(/line \d+$/); // a whole line
  });

  test('a cut inside a code fence closes it (and an open <details>), so the note is not code', () => {
    const excerpt = Array.from({ length: 500 }, (_, i) => `at frame ${i} \`\`\` `).join('\n');
    const text = `# Failures\n\n<details>\n\n${fence(excerpt, 'text')}\n\n</details>\n\nafter`;
    const out = truncateMarkdown(text, { unit: 'chars', max: 2_000 });
    expect(out.length).toBeLessThanOrEqual(2_000);
    const { segments, open } = splitFences(out);
    expect(open).toBeNull();
    const last = segments[segments.length - 1]!;
    expect(last.code).toBe(false);
    expect(last.text).toContain('</details>');
    expect(last.text).toContain('Truncated');
    expect(out).toMatch(/\n````\n<\/details>\n\n> \[!WARNING\]/);
  });

  test('a byte limit counts UTF-8 and never splits a character', () => {
    const text = '🙂'.repeat(300_000); // one line of 1.2 MB
    const out = truncateMarkdown(text, STEP_SUMMARY_LIMIT);
    expect(size(out)).toBeLessThanOrEqual(1_048_576);
    expect(size(out)).toBeGreaterThan(1_040_000);
    expect(out).toContain('longer than 1 MiB');
    expect(out).not.toContain('\ufffd');
    expect(Buffer.from(out, 'utf8').toString('utf8')).toBe(out);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(out)).toBe(false);
  });
});

describe('markers', () => {
  test('round trip, kind filter and values that could end the comment', () => {
    expect(prMarker('9876543210-1')).toBe('<!-- ensemble:pr run=9876543210-1 -->');
    const body = `intro\n${reviewMarker('1-2', 'abc')}\n${marker('pr', { run: 'a b-->c', attempt: 2 })}`;
    expect(marker('pr', { run: 'a b-->c' })).not.toContain('-->c');
    expect(findMarker(body)).toEqual({ kind: 'review', fields: { run: '1-2', findings: 'abc' } });
    expect(findMarker(body, 'pr')).toEqual({ kind: 'pr', fields: { run: 'a b-->c', attempt: '2' } });
    expect(findMarker(body, 'tracking')).toBeNull();
    expect(findMarker('<!-- ensemble:pr run=1 --')).toBeNull();
    expect(() => marker('PR')).toThrow(/kind/);
  });
});

describe('mermaid', () => {
  test('ids are sanitised, prefixed away from keywords and made unique', () => {
    const taken = new Set<string>();
    expect(['end', 'a-b', 'a_b', 'a b', 'o', ''].map((id) => mermaidId(id, taken, 't_'))).toEqual([
      't_end',
      't_a_b',
      't_a_b_2',
      't_a_b_3',
      't_o',
      't_x',
    ]);
  });

  test('labels are one line, escaped and capped', () => {
    expect(mermaidLabel('Say "hi" <b>&#35; `x`\nnext')).toBe('Say #34;hi#34; #60;b#62;#38;#35;35; #96;x#96; next');
    expect(mermaidLabel('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  test('the plan graph', () => {
    const tasks = [
      { id: 'end', title: 'Finish "it"', dependsOn: [] },
      { id: 'api-v2', title: 'API', dependsOn: ['end'] },
      { id: 'docs', title: 'Docs ```', dependsOn: ['end', 'api-v2'] },
    ];
    expect(planGraph(tasks, new Map([['end', 'ok' as const]]))).toBe(
      [
        '```mermaid',
        'graph TD',
        '  t_end["end: Finish #34;it#34;"]',
        '  t_api_v2["api-v2: API"]',
        '  t_docs["docs: Docs #96;#96;#96;"]',
        '  t_end --> t_api_v2',
        '  t_end --> t_docs',
        '  t_api_v2 --> t_docs',
        '  classDef ok fill:#dafbe1,stroke:#1a7f37,color:#0b3d1a',
        '  classDef fail fill:#ffebe9,stroke:#cf222e,color:#5c0b10',
        '  classDef warn fill:#fff8c5,stroke:#9a6700,color:#3b2a00',
        '  classDef skip fill:#f6f8fa,stroke:#8c959f,color:#57606a',
        '  classDef pending fill:#ffffff,stroke:#8c959f,color:#57606a,stroke-dasharray:4 3',
        '  class t_end ok',
        '```',
      ].join('\n'),
    );
  });

  test('the pipeline graph groups a stage with several nodes and wires parallel stages', () => {
    const graph = pipelineGraph([
      { stage: 'plan', nodes: [{ key: 'plan', label: 'plan', state: 'ok' }] },
      {
        stage: 'code',
        nodes: [
          { key: 'code-a', label: 'a: done', state: 'ok' },
          { key: 'code-b', label: 'b: failed', state: 'fail' },
        ],
      },
      { stage: 'review', nodes: [{ key: 'review', label: 'review', state: 'warn' }] },
      { stage: 'docs', after: ['code'], nodes: [{ key: 'docs', label: 'docs', state: 'skip' }] },
      { stage: 'publish', after: ['review', 'docs'], nodes: [{ key: 'publish', label: 'PR', state: 'ok' }] },
    ]);
    expect(graph).toContain('  subgraph g_code ["code"]\n    s_code_a["a: done"]\n    s_code_b["b: failed"]\n  end');
    expect(graph).toContain(
      '  s_plan --> s_code_a & s_code_b\n  s_code_a & s_code_b --> s_review\n  s_code_a & s_code_b --> s_docs\n  s_review --> s_publish\n  s_docs --> s_publish',
    );
    expect(graph).toContain('  class s_code_b fail');
  });
});
