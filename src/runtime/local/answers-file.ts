/**
 * `ensemble run --answers FILE`: answers to the planning agent's questions, given before it asks.
 * A `.json`, `.yml` or `.yaml` file is a mapping of question id to answer text; any other file is
 * plain text, which answers the first round of questions as a whole. The file is read and checked
 * before the run starts, so that a mistake in it costs no model call.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Question } from '../../contracts/gate.ts';
import { errorMessage } from '../../util/errors.ts';
import { clip } from '../../util/text.ts';
import { UsageError } from './cli-io.ts';

export type AnswersFile =
  /** Answers by question id: the non-empty values of the mapping, trimmed. */
  | { file: string; kind: 'mapping'; answers: ReadonlyMap<string, string> }
  /** One text for the whole first round. */
  | { file: string; kind: 'text'; text: string };

/** Longest answer kept (an `Answer`'s text is at most 20,000 characters, with the `[id] ` before it). */
export const MAX_ANSWER_CHARS = 19_000;

const MAPPING_EXTENSIONS = new Set(['.json', '.yml', '.yaml']);

/** Reads and checks an answers file; every mistake is a `UsageError` naming the file and how to fix it. */
export function readAnswersFile(path: string, shown: string): AnswersFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--answers: cannot read ${shown}: ${errorMessage(error)}`);
  }
  if (text.trim() === '') {
    throw new UsageError(
      `--answers: ${shown} is empty: write the answers in it (a YAML or JSON mapping of question id to answer, ` +
        'or plain text), or leave the option out',
    );
  }
  const extension = extname(path).toLowerCase();
  if (!MAPPING_EXTENSIONS.has(extension)) {
    const answer = text.trim();
    if (answer.length > MAX_ANSWER_CHARS) throw tooLong(shown, null, answer.length);
    return { file: shown, kind: 'text', text: answer };
  }
  const format = extension === '.json' ? 'JSON' : 'YAML';
  let parsed: unknown;
  try {
    parsed = extension === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new UsageError(`--answers: ${shown} is not valid ${format}: ${errorMessage(error).split('\n')[0]}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    const got = Array.isArray(parsed) ? 'a list' : `a ${parsed === null ? 'null' : typeof parsed}`;
    throw new UsageError(
      `--answers: ${shown} must be a ${format} mapping of question id to answer text (got ${got}), ` +
        'e.g. `units: "metric"`; for one answer to every question, use a file that is not .json, .yml or .yaml',
    );
  }
  const answers = new Map<string, string>();
  for (const [id, value] of Object.entries(parsed)) {
    // An empty value leaves the question unanswered (as in the file a waiting run writes).
    if (value === null || value === undefined) continue;
    if (typeof value !== 'string') {
      const got = Array.isArray(value) ? 'a list' : `a ${typeof value}`;
      throw new UsageError(
        `--answers: ${shown}: the answer to "${id}" is ${got}, not text; write it as a quoted string ` +
          `(${id}: "${typeof value === 'object' ? '…' : String(value)}")`,
      );
    }
    const answer = value.trim();
    if (answer === '') continue;
    if (answer.length > MAX_ANSWER_CHARS) throw tooLong(shown, id, answer.length);
    answers.set(id, answer);
  }
  if (answers.size === 0) {
    throw new UsageError(`--answers: ${shown} answers nothing: every answer in it is empty; fill in at least one`);
  }
  return { file: shown, kind: 'mapping', answers };
}

function tooLong(shown: string, id: string | null, length: number): UsageError {
  const which = id === null ? 'the answer' : `the answer to "${id}"`;
  return new UsageError(
    `--answers: ${shown}: ${which} is ${length} characters long; keep each answer under ${MAX_ANSWER_CHARS}`,
  );
}

/** What the file says to one round of questions. */
export interface RoundFromFile {
  /** The ids of the questions it answers, in the order asked. */
  answered: string[];
  /** The answer to each of them as the planner reads it: `[id] answer`. */
  byId: Map<string, string>;
  /** The rest, as the planner reads it: the plain text, or the keys that match no question; null when none. */
  other: string | null;
  /** Keys of the mapping that match no question of the round. */
  unmatched: string[];
}

/** What the file has already said in this run: plain text answers once; each key goes to the planner once. */
export interface FileUse {
  textUsed: boolean;
  /** Keys given to the planner: as the answer to a question, or passed on as matching none. */
  given: Set<string>;
}

/**
 * The file's answers to `questions`; none (`answered` empty) when it says nothing to them: none of
 * their ids is in the mapping, or the plain text answered an earlier round. A mapping answers each
 * question whose id it has. Its other keys not given yet go to the planner too, in one answer that
 * says they match no question: a planner run again may name its questions differently, and the
 * answers may still tell it what it needs.
 */
export function answersFromFile(file: AnswersFile, questions: readonly Question[], use: FileUse): RoundFromFile {
  const none: RoundFromFile = { answered: [], byId: new Map(), other: null, unmatched: [] };
  if (file.kind === 'text') {
    if (use.textUsed) return none;
    use.textUsed = true;
    return { ...none, answered: questions.map((q) => q.id), other: file.text };
  }
  const asked = new Set(questions.map((q) => q.id));
  const answered = questions.filter((q) => file.answers.has(q.id)).map((q) => q.id);
  const unmatched = [...file.answers.keys()].filter((id) => !asked.has(id));
  if (answered.length === 0) return { ...none, unmatched };
  const byId = new Map(answered.map((id) => [id, `[${id}] ${file.answers.get(id)}`]));
  const passOn = unmatched.filter((id) => !use.given.has(id));
  for (const id of [...answered, ...passOn]) use.given.add(id);
  const lines = passOn.map((id) => `[${id}] ${file.answers.get(id)}`);
  const other =
    passOn.length === 0
      ? null
      : clip(
          'These answers were given under ids that match none of your questions; use them where they help:\n' +
            lines.join('\n'),
          MAX_ANSWER_CHARS,
        );
  return { answered, byId, other, unmatched };
}
