import type { RunOutcome } from '../../contracts/run-result.ts';

/**
 * The exit codes of `ensemble run`, in one place: the run's outcome maps to its code here, and
 * `ensemble run --help` and the README's table are rendered from `EXIT_CODES`.
 */
export const EXIT_CODE: Record<RunOutcome, number> & { usage: number } = {
  green: 0,
  'no-branch': 1,
  usage: 2,
  'not-green': 3,
  waiting: 4,
};

/** What each code means, for people: the help text and the README. */
export const EXIT_CODES: readonly { code: number; name: string; meaning: string }[] = [
  {
    code: EXIT_CODE.green,
    name: 'green',
    meaning:
      'a branch was made and nothing needs a look: the tests passed (or none are configured, or the test stage ' +
      'is switched off), every task of the plan is integrated, no review blocks, the docs did not fail. With ' +
      '`--stages` leaving out publish: the same for the stages that ran, and no branch, as asked ' +
      '(`ensemble stage publish --run DIR` makes it)',
  },
  {
    code: EXIT_CODE['no-branch'],
    name: 'no branch',
    meaning:
      'the run failed or stopped before publishing (every task failed, a fatal stage failed, the ' +
      'change was empty), or could not start (a dirty checkout, an invalid configuration, no model key)',
  },
  {
    code: EXIT_CODE.usage,
    name: 'usage error',
    meaning: 'an unknown option or command, a missing or invalid argument',
  },
  {
    code: EXIT_CODE['not-green'],
    name: 'not green',
    meaning:
      'the run finished (a branch was made, unless `--stages` left out publish) but something is not green: ' +
      'failing tests (also tests failing at the base already), tests that could not run, a task that failed or ' +
      'was not integrated, a review that requests changes or did not complete, failed docs; the summary lists each',
  },
  {
    code: EXIT_CODE.waiting,
    name: 'waiting',
    meaning:
      'the run waits for a person and nothing was coded: the planning agent asked questions that no `--answers` ' +
      'file or terminal answered, or the plan waits for approval (`gates.approval: comment` or ' +
      '`gates.questions: always`) and neither ' +
      '`--approve` nor the prompt gave it. The summary (and `waiting` in `--json`) lists the questions or the ' +
      'plan, and how to run again with `--answers FILE` or `--approve`',
  },
];

/** The exit codes as help text lines, wrapped to `width` columns. */
export function exitCodeHelp(width = 100): string[] {
  return EXIT_CODES.flatMap(({ code, name, meaning }) => wrap(`${code}  ${name}: ${meaning}`, width - 2, '     '));
}

/** One line of the general help. */
export function exitCodeLine(): string {
  return `Exit codes of \`ensemble run\`: ${EXIT_CODES.map((c) => `${c.code} ${c.name}`).join(', ')}.`;
}

function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.map((l) => `  ${l}`);
}

/** The README's table of exit codes (between its `exit-codes` markers). */
export function renderExitCodeTable(): string {
  const rows = EXIT_CODES.map(({ code, name, meaning }) => `| ${code} | ${name} | ${meaning} |`);
  return ['| code | outcome | meaning |', '| --- | --- | --- |', ...rows, ''].join('\n');
}
