/**
 * The scripts of the review → fix loop's end-to-end tests: the demo, with the correctness lens
 * blocking on a real edge case of the demo's change, a fixing agent that fixes it, and re-reviews
 * decided by each test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { withOverrides } from './local-e2e.ts';
import type { ScriptedReply, ScriptedRequest } from './scripted-model.ts';

export const call = (name: string, args: Record<string, unknown>): ScriptedReply => ({
  toolCalls: [{ name, args }],
  usage: { outputTokens: 120 },
});
export const userText = (request: ScriptedRequest) => request.messages.find((m) => m.role === 'user')?.text ?? '';
export const lensOf = (request: ScriptedRequest) =>
  /Your lens: ([a-z0-9-]+)/.exec(request.messages.find((m) => m.role === 'user')?.text ?? '')?.[1];
export const isReviewer = (request: ScriptedRequest) => request.system.includes('You are a review agent');
export const isFixer = (request: ScriptedRequest) => request.system.includes('You are the fixing agent');
/** The fix round a re-review follows; 0 for the first review. */
export const reReviewRound = (request: ScriptedRequest) =>
  Number(/This is a re-review after fix round (\d+)/.exec(userText(request))?.[1] ?? 0);

export const ZERO_CHECK = '  if (!maxLength || slug.length <= maxLength) return slug;';
export const ZERO_FIXED = '  if (maxLength === undefined || slug.length <= maxLength) return slug;';

/** A blocking finding of the correctness lens; `title` tells one apart from another. */
export function blocking(title: string, quote = ZERO_CHECK) {
  return {
    id: null,
    path: 'src/slugify.js',
    line: null,
    quote,
    severity: 'high',
    title,
    body: 'This matters for callers; see the quoted line.',
    suggestion: null,
  };
}

export const review = (findings: object[]) =>
  call('submit_review', {
    verdict: findings.length > 0 ? 'request-changes' : 'approve',
    summary: findings.length > 0 ? 'One problem blocks this change.' : 'The change is fine now.',
    findings,
    criteria: [],
  });

/** The fixing agent: round 1 makes `maxLength: 0` a limit; a later round adds a file of its own; then it submits. */
export function fixer(request: ScriptedRequest, turn: number): ScriptedReply {
  const round = Number(/^Fix round (\d+):/.exec(userText(request))?.[1] ?? 1);
  if (turn === 0 && round === 1) {
    return call('edit_file', { path: 'src/slugify.js', old_string: ZERO_CHECK, new_string: ZERO_FIXED });
  }
  if (turn === 0)
    return call('write_file', { path: `src/round-${round}.js`, content: `export const ROUND = ${round};\n` });
  return call('submit_fix', {
    status: 'done',
    summary:
      round === 1 ? 'Compared maxLength with undefined, so that 0 is a limit.' : `Fixed round ${round}'s finding.`,
    commitMessage: round === 1 ? 'Treat maxLength: 0 as a limit' : `Fix the findings of round ${round - 1}`,
  });
}

/** A configuration with one review lens and no docs stage: the loop's tests need no more, and run faster. */
export function smallConfig(extra = '') {
  return (dir: string) => {
    mkdirSync(`${dir}/.github`, { recursive: true });
    writeFileSync(
      `${dir}/.github/ensemble.yml`,
      `review:\n  lenses: [correctness]\nstages:\n  docs:\n    enabled: false\n${extra}`,
    );
  };
}

/**
 * The demo, except that the correctness lens blocks on the first review and `afterRound` decides
 * what its re-review after each round finds; the other lenses approve.
 */
export function loopScript(afterRound: (round: number, request: ScriptedRequest) => object[]) {
  return withOverrides((request, turn) => {
    if (isFixer(request)) return fixer(request, turn);
    if (!isReviewer(request) || lensOf(request) !== 'correctness') return null;
    const round = reReviewRound(request);
    if (round === 0) return review([blocking('maxLength: 0 is treated as "no limit"')]);
    return review(afterRound(round, request));
  });
}

/** A whole run and its fix rounds, on a busy machine: a limit that catches a hang, not a speed check. */
export const WHOLE_RUN_TIMEOUT_MS = 360_000;
