/**
 * Workflow expressions (`${{ }}`) evaluated with GitHub's own engine, `@actions/expressions`, for
 * the workflow simulator (`workflow-sim.ts`): which contexts a workflow key may use, the status
 * functions (`success()`, `failure()`, `always()`, `cancelled()`), templates with several
 * `${{ }}` parts, and `if:` conditions with the implied `success() &&`.
 *
 * Anything the engine or the simulator does not know (a function such as `hashFiles`, a context
 * a key may not use) throws `UnsupportedConstruct`, naming where it was: a simulated run never
 * quietly skips what it cannot evaluate. An error GitHub would also raise at run time (e.g.
 * `fromJSON` of text that is not JSON) throws `ExpressionFailure`, which fails the job as it would
 * on GitHub.
 */
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { TokenType } from '@actions/expressions/lexer';
import { truthy } from '@actions/expressions/result';

/** A construct the simulator does not support: the test must fail, never skip it. */
export class UnsupportedConstruct extends Error {
  override name = 'UnsupportedConstruct';
}

/** An expression that fails at run time as it would on GitHub (the job fails with this message). */
export class ExpressionFailure extends Error {
  override name = 'ExpressionFailure';
}

/**
 * The contexts each kind of workflow key may use (GitHub's "context availability" table). A key's
 * expression naming any other context is refused, as GitHub's workflow parser refuses it.
 */
export const CONTEXTS_FOR = {
  'workflow-concurrency': ['github', 'inputs', 'vars'],
  'workflow-env': ['github', 'secrets', 'inputs', 'vars'],
  'workflow-outputs': ['github', 'inputs', 'vars', 'jobs'],
  'caller-if': ['github', 'inputs', 'vars', 'needs'],
  'caller-with': ['github', 'inputs', 'vars', 'needs', 'strategy', 'matrix'],
  'caller-secrets': ['github', 'inputs', 'vars', 'needs', 'strategy', 'matrix', 'secrets'],
  'job-if': ['github', 'inputs', 'vars', 'needs'],
  'job-strategy': ['github', 'inputs', 'vars', 'needs'],
  'job-name': ['github', 'inputs', 'vars', 'needs', 'strategy', 'matrix'],
  'job-runs-on': ['github', 'inputs', 'vars', 'needs', 'strategy', 'matrix'],
  'job-concurrency': ['github', 'inputs', 'vars', 'needs', 'strategy', 'matrix'],
  'job-environment': ['github', 'inputs', 'vars', 'needs', 'strategy', 'matrix'],
  'job-timeout': ['github', 'inputs', 'vars', 'needs', 'strategy', 'matrix'],
  'job-env': ['github', 'inputs', 'vars', 'needs', 'strategy', 'matrix', 'secrets'],
  'job-outputs': [
    'github',
    'inputs',
    'vars',
    'needs',
    'strategy',
    'matrix',
    'job',
    'runner',
    'env',
    'secrets',
    'steps',
  ],
  step: ['github', 'inputs', 'vars', 'needs', 'strategy', 'matrix', 'job', 'runner', 'env', 'secrets', 'steps'],
  'action-default': ['github', 'inputs', 'vars', 'needs', 'strategy', 'matrix', 'job', 'runner', 'env', 'steps'],
} as const satisfies Record<string, readonly string[]>;

export type ExpressionScope = keyof typeof CONTEXTS_FOR;

/** Where the status functions may be called (job and step `if:`), and what they answer there. */
export interface StatusFunctions {
  success(): boolean;
  failure(): boolean;
  cancelled(): boolean;
}

export interface ExpressionEnv {
  scope: ExpressionScope;
  /** Context values by name (plain JSON); a context of the scope that is missing here is empty. */
  contexts: Record<string, unknown>;
  /** Only for `if:` conditions. */
  status?: StatusFunctions;
  /** Where the expression is, for messages: `job 'code' step 3 "Code" with.task`. */
  where: string;
}

const STATUS_NAMES = ['success', 'failure', 'cancelled', 'always'] as const;

const toData = (value: unknown) => JSON.parse(JSON.stringify(value ?? null), data.reviver) as data.ExpressionData;
const fromData = (value: data.ExpressionData): unknown => JSON.parse(JSON.stringify(value, data.replacer));

/** What to add to a parser error about an unknown function or context; empty for any other error. */
function parseErrorHint(message: string, allowed: readonly string[]): string {
  if (/Unrecognized function/.test(message)) {
    if (STATUS_NAMES.some((name) => message.includes(`'${name}'`)))
      return ' (status functions may only be used in `if:`)';
    return (
      ' (the simulator supports the functions of @actions/expressions and, in `if:`,' +
      ' success(), failure(), always(), cancelled(); not hashFiles)'
    );
  }
  if (/Unrecognized named-value/.test(message)) return ` (this key may use only ${allowed.join(', ')})`;
  return '';
}

/** Evaluates one expression (the text inside `${{ }}`) to plain JSON. */
export function evaluateExpression(expression: string, env: ExpressionEnv): unknown {
  return fromData(evaluateData(expression, env));
}

function evaluateData(expression: string, env: ExpressionEnv): data.ExpressionData {
  const allowed = CONTEXTS_FOR[env.scope] as readonly string[];
  const status = env.status;
  const functions: FunctionDefinition[] = status
    ? STATUS_NAMES.map((name) => ({
        name,
        minArgs: 0,
        maxArgs: 0,
        call: () => new data.BooleanData(name === 'always' ? true : status[name]()),
      }))
    : [];
  let tree: ReturnType<Parser['parse']>;
  try {
    const lexed = new Lexer(expression).lex();
    tree = new Parser(lexed.tokens, [...allowed], functions).parse();
  } catch (error) {
    const message = (error as Error).message;
    const hint = parseErrorHint(message, allowed);
    throw new UnsupportedConstruct(
      `${env.where}: the expression \`${expression.trim()}\` cannot be evaluated: ${message}${hint}`,
    );
  }
  const context = toData(
    Object.fromEntries(allowed.map((name) => [name, env.contexts[name] ?? {}])),
  ) as data.Dictionary;
  try {
    return new Evaluator(tree, context, new Map(functions.map((f) => [f.name, f]))).evaluate();
  } catch (error) {
    throw new ExpressionFailure(
      `${env.where}: evaluating \`${expression.trim()}\` failed: ${(error as Error).message}`,
    );
  }
}

/**
 * The `${{ … }}` parts of a string, found as the runner finds them (a `}}` inside a string literal
 * does not end one).
 */
export function templateParts(text: string): ({ literal: string } | { expression: string })[] {
  const parts: ({ literal: string } | { expression: string })[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('${{', at);
    if (open === -1) break;
    if (open > at) parts.push({ literal: text.slice(at, open) });
    let i = open + 3;
    let inString = false;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === "'") {
        if (inString && text[i + 1] === "'") i++;
        else inString = !inString;
      } else if (!inString && c === '}' && text[i + 1] === '}') break;
    }
    if (i >= text.length) throw new UnsupportedConstruct(`unterminated \`\${{\` in "${text}"`);
    parts.push({ expression: text.slice(open + 3, i) });
    at = i + 2;
  }
  if (at < text.length) parts.push({ literal: text.slice(at) });
  return parts;
}

/**
 * A value as the runner renders it: a string that is one whole `${{ }}` keeps the expression's
 * type (an object for `fromJSON`, a number), a string with several parts becomes text, and
 * mappings and sequences are rendered value by value (keys stay as written).
 */
export function render(value: unknown, env: ExpressionEnv): unknown {
  if (typeof value === 'string') {
    const parts = templateParts(value);
    if (parts.length === 1 && 'expression' in parts[0]!) return evaluateExpression(parts[0].expression, env);
    if (parts.every((part) => 'literal' in part)) return value;
    return parts
      .map((part) => ('literal' in part ? part.literal : evaluateData(part.expression, env).coerceString()))
      .join('');
  }
  if (Array.isArray(value)) return value.map((item, i) => render(item, { ...env, where: `${env.where}[${i}]` }));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, render(item, { ...env, where: `${env.where}.${key}` })]),
    );
  }
  return value;
}

/** A rendered value as the text an input or an environment variable receives. */
export function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * An `if:` as GitHub evaluates it: `${{ }}` optional, and `success() &&` implied unless the
 * condition calls a status function. No `if:` at all is `success()`.
 */
export function condition(value: unknown, env: ExpressionEnv & { status: StatusFunctions }): boolean {
  if (value === undefined || value === null) return env.status.success();
  if (typeof value === 'boolean') return env.status.success() && value;
  if (typeof value === 'number') return env.status.success() && value !== 0;
  if (typeof value !== 'string')
    throw new UnsupportedConstruct(`${env.where}: an \`if:\` must be a string, not ${JSON.stringify(value)}`);
  const parts = templateParts(value.trim());
  let expression: string;
  if (parts.length === 1 && 'expression' in parts[0]!) expression = parts[0].expression;
  else if (parts.every((part) => 'literal' in part)) expression = value;
  else
    throw new UnsupportedConstruct(
      `${env.where}: an \`if:\` mixing text and \`\${{ }}\` is always true on GitHub; write one expression`,
    );
  const lexed = new Lexer(expression).lex();
  const callsStatus = lexed.tokens.some(
    (token, i) =>
      token.type === TokenType.IDENTIFIER &&
      (STATUS_NAMES as readonly string[]).includes(token.lexeme.toLowerCase()) &&
      lexed.tokens[i + 1]?.type === TokenType.LEFT_PAREN,
  );
  const effective = callsStatus ? expression : `success() && (${expression})`;
  return truthy(evaluateData(effective, env));
}
