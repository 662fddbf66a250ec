/**
 * The scripted model of `npm run demo` (and of the end-to-end tests that run the demo): it plays
 * every agent of the pipeline on examples/demo-repo, replying by recognising which agent is
 * asking and how far its conversation has got. It is a script, not a model: it knows this one
 * repository and this one request. Nothing in src/ knows about it.
 */
import type { ScriptedReply, ScriptedRequest } from './scripted-model.ts';

export const DEMO_PROMPT =
  'Add a maxLength option to slugify that cuts the slug at a whole word, and a countSentences function next to countWords. Export both from the package and document them.';

const SLUGIFY = `/**
 * Turns a title into a URL slug: lower case, ASCII letters and digits, words joined by "-".
 * With \`maxLength\`, the slug is cut after the last whole word that fits.
 * @param {string} text
 * @param {{ maxLength?: number }} [options]
 * @returns {string}
 */
export function slugify(text, { maxLength } = {}) {
  const slug = text
    .normalize('NFKD')
    .replace(/[\\u0300-\\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!maxLength || slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const end = cut.lastIndexOf('-');
  return end > 0 ? cut.slice(0, end) : slug.slice(0, maxLength);
}
`;

const SLUGIFY_TEST = `
test('slugify cuts at a whole word with maxLength', () => {
  assert.equal(slugify('Hello big wide world', { maxLength: 12 }), 'hello-big');
  assert.equal(slugify('Hello', { maxLength: 12 }), 'hello');
  assert.equal(slugify('Supercalifragilistic', { maxLength: 5 }), 'super');
});
`;

const COUNT_SENTENCES = `
/**
 * Counts the sentences of a text: runs of words ending in ".", "!" or "?", or at the end of the text.
 * @param {string} text
 * @returns {number}
 */
export function countSentences(text) {
  return text.split(/[.!?]+/).filter((part) => /[\\p{L}\\p{N}]/u.test(part)).length;
}
`;

const COUNT_TEST = `
test('countSentences counts sentences, with or without a final stop', () => {
  assert.equal(countSentences('Hi. How are you? Fine!'), 3);
  assert.equal(countSentences('No final stop'), 1);
  assert.equal(countSentences(''), 0);
});
`;

const INDEX_TEST = `import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countSentences, countWords, slugify } from '../src/index.js';

test('the package exports every helper', () => {
  assert.equal(slugify('Hello big wide world', { maxLength: 12 }), 'hello-big');
  assert.equal(countWords('One two.'), 2);
  assert.equal(countSentences('One. Two!'), 2);
});
`;

export const PLAN = {
  summary:
    'Two independent changes: a maxLength option for slugify, and a new countSentences helper exported from the package.',
  tasks: [
    {
      id: 'slugify-max-length',
      title: 'Add a maxLength option to slugify',
      description:
        'Give slugify(text, { maxLength }) an optional maxLength: when the slug is longer, cut it after the last whole word (dash-separated part) that fits; a single word longer than maxLength is cut at maxLength. Without the option nothing changes.',
      acceptanceCriteria: [
        "slugify('Hello big wide world', { maxLength: 12 }) returns 'hello-big'",
        'slugify without options behaves as before',
        'test/slugify.test.js covers the option',
      ],
      files: ['src/slugify.js', 'test/slugify.test.js'],
      reads: ['src/index.js'],
      dependsOn: [],
    },
    {
      id: 'count-sentences',
      title: 'Add countSentences',
      description:
        "Add countSentences(text) to src/count.js: the number of sentences, ending in '.', '!' or '?' or at the end of the text; empty text has 0. Export it from src/index.js.",
      acceptanceCriteria: [
        "countSentences('Hi. How are you? Fine!') returns 3",
        'countSentences is exported from src/index.js',
        'test/count.test.js covers it',
      ],
      files: ['src/count.js', 'src/index.js', 'test/count.test.js'],
      reads: [],
      dependsOn: [],
    },
  ],
  testStrategy:
    "Unit tests next to each helper with node:test; the testing agent adds one test of the package's exports.",
  risks: ['slugify callers that pass a second argument today would now have it read as options.'],
};

const call = (name: string, args: unknown): ScriptedReply => ({ toolCalls: [{ name, args }] });
const turnsSoFar = (request: ScriptedRequest) => request.messages.filter((m) => m.role === 'assistant').length;
const firstUserText = (request: ScriptedRequest) => request.messages.find((m) => m.role === 'user')?.text ?? '';

function codeAgent(request: ScriptedRequest, turn: number): ScriptedReply {
  const task = /\(id ([a-z0-9-]+)\)/.exec(firstUserText(request))?.[1];
  if (task === 'slugify-max-length') {
    return (
      [
        call('read_file', { path: 'src/slugify.js' }),
        call('write_file', { path: 'src/slugify.js', content: SLUGIFY }),
        call('edit_file', {
          path: 'test/slugify.test.js',
          old_string: "  assert.equal(slugify('Crème brûlée'), 'creme-brulee');\n});\n",
          new_string: `  assert.equal(slugify('Crème brûlée'), 'creme-brulee');\n});\n${SLUGIFY_TEST}`,
        }),
        call('run_command', { command: 'node --test test/slugify.test.js' }),
        call('submit_task', {
          status: 'done',
          summary:
            'slugify takes { maxLength } and cuts the slug after the last whole word that fits; tests cover whole-word and single-word cuts.',
          commitMessage: 'Add a maxLength option to slugify',
        }),
      ][turn] ??
      call('submit_task', { status: 'done', summary: 'Done.', commitMessage: 'Add a maxLength option to slugify' })
    );
  }
  return (
    [
      call('read_file', { path: 'src/count.js' }),
      call('edit_file', {
        path: 'src/count.js',
        old_string: "  return (text.match(/[\\p{L}\\p{N}'-]+/gu) ?? []).length;\n}\n",
        new_string: `  return (text.match(/[\\p{L}\\p{N}'-]+/gu) ?? []).length;\n}\n${COUNT_SENTENCES}`,
      }),
      call('edit_file', {
        path: 'src/index.js',
        old_string: "export { countWords } from './count.js';",
        new_string: "export { countSentences, countWords } from './count.js';",
      }),
      call('edit_file', {
        path: 'test/count.test.js',
        old_string: "import { countWords } from '../src/count.js';",
        new_string: "import { countSentences, countWords } from '../src/count.js';",
      }),
      call('edit_file', {
        path: 'test/count.test.js',
        old_string: "test('countWords of an empty text is 0', () => {\n  assert.equal(countWords(''), 0);\n});\n",
        new_string: `test('countWords of an empty text is 0', () => {\n  assert.equal(countWords(''), 0);\n});\n${COUNT_TEST}`,
      }),
      call('run_command', { command: 'node --test test/count.test.js' }),
      call('submit_task', {
        status: 'done',
        summary:
          'countSentences counts sentences ending in . ! ? or at the end of the text; exported from src/index.js and tested.',
        commitMessage: 'Add countSentences',
      }),
    ][turn] ?? call('submit_task', { status: 'done', summary: 'Done.', commitMessage: 'Add countSentences' })
  );
}

function testAgent(request: ScriptedRequest, turn: number): ScriptedReply {
  if (request.system.includes('You are the integration step')) {
    // The demo's tasks own different files: an integration step is never needed.
    return call('submit_tests', { summary: 'Nothing to resolve.', testsAdded: [] });
  }
  return (
    [
      call('write_file', { path: 'test/index.test.js', content: INDEX_TEST }),
      call('run_command', { command: 'npm test' }),
      call('submit_tests', {
        summary:
          "Both tasks integrate cleanly and every test passes. Added test/index.test.js, which checks the package's exports, a criterion no test covered.",
        testsAdded: ['test/index.test.js'],
      }),
    ][turn] ?? call('submit_tests', { summary: 'All tests pass.', testsAdded: ['test/index.test.js'] })
  );
}

function reviewAgent(request: ScriptedRequest, turn: number): ScriptedReply {
  const lens = /Your lens: ([a-z0-9-]+)/.exec(firstUserText(request))?.[1] ?? 'correctness';
  if (lens === 'correctness') {
    return (
      [
        call('read_file', { path: 'src/slugify.js' }),
        call('submit_review', {
          verdict: 'comment',
          summary: 'Both changes do what the plan asks; one edge case of maxLength deserves a look.',
          findings: [
            {
              path: 'src/slugify.js',
              line: null,
              quote: '  if (!maxLength || slug.length <= maxLength) return slug;',
              severity: 'low',
              title: 'maxLength: 0 is treated as "no limit"',
              body: '`!maxLength` is also true for 0, so `slugify(text, { maxLength: 0 })` returns the whole slug. Compare with undefined so that 0 means an empty slug, or reject 0 explicitly.',
              suggestion: '  if (maxLength === undefined || slug.length <= maxLength) return slug;',
            },
          ],
          criteria: PLAN.tasks.flatMap((t) =>
            t.acceptanceCriteria.map((criterion) => ({
              criterion,
              met: true,
              evidence: 'Covered by the added tests, which pass.',
            })),
          ),
        }),
      ][turn] ?? call('submit_review', { verdict: 'approve', summary: 'Fine.', findings: [], criteria: [] })
    );
  }
  return call('submit_review', {
    verdict: 'approve',
    summary:
      lens === 'security'
        ? 'No input reaches a shell, the file system or the network; nothing to flag.'
        : 'Each behaviour change comes with tests.',
    findings: [],
    criteria: [],
  });
}

function docsAgent(_request: ScriptedRequest, turn: number): ScriptedReply {
  return (
    [
      call('read_file', { path: 'README.md' }),
      call('edit_file', {
        path: 'README.md',
        old_string: "Turns a title into a URL slug: `slugify('Hello, World!')` is `'hello-world'`.\n",
        new_string:
          "Turns a title into a URL slug: `slugify('Hello, World!')` is `'hello-world'`.\n\n### `slugify(text, { maxLength })`\n\nCuts the slug after the last whole word that fits in `maxLength` characters: `slugify('Hello big wide world', { maxLength: 12 })` is `'hello-big'`.\n",
      }),
      call('edit_file', {
        path: 'README.md',
        old_string: 'Counts the words of a text: `countWords("It\'s a well-known fact.")` is `4`.\n',
        new_string:
          "Counts the words of a text: `countWords(\"It's a well-known fact.\")` is `4`.\n\n### `countSentences(text)`\n\nCounts the sentences of a text: `countSentences('Hi. How are you? Fine!')` is `3`.\n",
      }),
      call('edit_file', {
        path: 'CHANGELOG.md',
        old_string: '# Changelog\n',
        new_string:
          '# Changelog\n\n## Unreleased\n\n- `slugify(text, { maxLength })` cuts slugs at a whole word.\n- `countSentences(text)`.\n',
      }),
      call('submit_docs', {
        status: 'updated',
        summary: 'Documented slugify maxLength and countSentences in the README, and added both to the changelog.',
      }),
    ][turn] ?? call('submit_docs', { status: 'updated', summary: 'Documented the new options.' })
  );
}

/** The demo's script: a function of each request, as the scripted model server takes it. */
export function demoScript(request: ScriptedRequest): ScriptedReply {
  const turn = turnsSoFar(request);
  const usage = { outputTokens: 120 };
  const reply = (() => {
    if (request.system.includes('You are the planning agent')) {
      if (turn === 0) return call('list_files', {});
      if (turn === 1) return call('read_file', { path: 'src/slugify.js' });
      return call('submit_plan', PLAN);
    }
    if (request.system.includes('You are a coding agent')) return codeAgent(request, turn);
    if (
      request.system.includes('You are the testing agent') ||
      request.system.includes("You are the integration step of ensemble's testing agent")
    ) {
      return testAgent(request, turn);
    }
    if (request.system.includes('You are a review agent')) return reviewAgent(request, turn);
    if (request.system.includes('You are the documentation agent')) return docsAgent(request, turn);
    return { text: 'The demo script does not know this agent.' };
  })();
  return { ...reply, usage: { ...usage, ...reply.usage } };
}
