/**
 * Reading a GitHub Actions job log (or a check run's output text) as lines and steps.
 *
 * The raw job log GitHub serves: each line starts with an ISO timestamp and a space, may carry
 * ANSI colours, and holds the runner's workflow commands: a step starts with
 * `##[group]Run <command or action>` (its command echo, up to the next `##[endgroup]`), actions
 * open groups of their own inside a step (`##[group]Getting Git version info`), errors are
 * `##[error]…`. What comes before the first step is the runner's set-up, and the post steps start
 * with `Post job cleanup.`. Text that is not in this format (a check run's output) reads as one
 * section without a header.
 */
import { stripAnsi } from '../util/text.ts';

/** Longest line kept, in characters: a minified bundle or a base64 blob on one line is not read further. */
export const MAX_LINE = 1_000;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z ?/;
const STEP_HEADER = /^##\[group\]Run (.*)$/;
const POST_STEPS = /^Post job cleanup\.$/;

/** A run of a log's lines: one step (from its `Run …` header), the set-up before the first, or the post steps. */
export interface LogSection {
  /** What the step ran (`npm test`, `actions/checkout@v4`), from its header; null for the set-up and post steps. */
  run: string | null;
  /** Index of the section's first line (its header, when it has one) in the lines. */
  start: number;
  /** Index after its last line. */
  end: number;
}

/** The log's lines without timestamps, ANSI codes, carriage returns and the BOM; each at most `MAX_LINE`. */
export function cleanLines(log: string): string[] {
  return stripAnsi(log.replace(/^\uFEFF/, ''))
    .replace(/\r\n?/g, '\n')
    .replace(/\n+$/, '')
    .split('\n')
    .map((line) => {
      const text = line.replace(TIMESTAMP, '');
      return text.length > MAX_LINE ? `${text.slice(0, MAX_LINE)} [… line cut at ${MAX_LINE} characters]` : text;
    });
}

/** The log's sections, in order, covering every line. */
export function sectionsOf(lines: readonly string[]): LogSection[] {
  const sections: LogSection[] = [];
  let current: LogSection = { run: null, start: 0, end: 0 };
  lines.forEach((line, i) => {
    const step = STEP_HEADER.exec(line);
    if (!step && !POST_STEPS.test(line)) return;
    current.end = i;
    if (current.end > current.start) sections.push(current);
    current = { run: step ? (step[1] as string).trim() : null, start: i, end: i };
  });
  current.end = lines.length;
  if (current.end > current.start) sections.push(current);
  return sections;
}

export function isErrorLine(line: string): boolean {
  return line.startsWith('##[error]');
}

/**
 * Whether a failed step's name names this section. A step without a `name:` is called after its
 * header (`Run npm test`, `Run actions/setup-node@v4`; a multi-line script by its first line); a
 * named step (`name: Unit tests`) cannot be matched to its header reliably, and is found by its
 * `##[error]` lines instead.
 */
export function namesSection(stepName: string, section: LogSection): boolean {
  if (section.run === null) return false;
  const first = (stepName.split('\n')[0] ?? '').trim();
  return first === `Run ${section.run}` || first === section.run;
}
