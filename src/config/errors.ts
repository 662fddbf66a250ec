import { UserError } from '../util/errors.ts';
import { closestMatch } from '../util/suggest.ts';
/** One thing wrong with a configuration file, where the user will find it. */
export interface ConfigProblem {
  file: string;
  /** 1-based; 0 when the problem is the file as a whole (it cannot be read). */
  line: number;
  /** 1-based; 0 when `line` is 0. */
  column: number;
  /**
   * Dotted key path (`stages.plan.max-turns`, `review.lenses[1]`), `(root)` for the document,
   * `(yaml)` for a syntax error.
   */
  key: string;
  message: string;
}

/** `file:line:column: key: message`, the form editors and terminals make clickable. */
export function formatProblem(problem: ConfigProblem): string {
  if (problem.line <= 0) return `${problem.file}: ${problem.key ? `${problem.key}: ` : ''}${problem.message}`;
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.key}: ${problem.message}`;
}

/** A configuration that cannot be used; `message` lists every problem, one per line. */
export class ConfigError extends UserError {
  override name = 'ConfigError';
  readonly problems: readonly ConfigProblem[];
  constructor(problems: readonly ConfigProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.problems = problems;
  }
}

/** `stages.plan.max-turns`, `review.lenses[1]`, `prices["openai:gpt-4.1"].input`; `(root)` for the empty path. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z0-9_-]+$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out || '(root)';
}

const normalize = (key: string) => key.toLowerCase().replace(/[-_\s]/g, '');

/** The allowed key a misspelt one most likely meant, also across case styles (`protectedPaths`, `protected_paths`). */
export function closestKey(key: string, allowed: readonly string[]): string | null {
  return closestMatch(key, allowed, normalize);
}
