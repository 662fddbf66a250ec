import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type CliIo, UsageError, type Values } from './runtime/local/cli-io.ts';
import { EXIT_CODE, exitCodeHelp, exitCodeLine } from './runtime/local/exit-codes.ts';
import { errorMessage, isUserError } from './util/errors.ts';
import { closestMatch } from './util/suggest.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

interface Command {
  summary: string;
  /** Lines after the options: what the exit codes mean. */
  notes?: () => string[];
  usage: string;
  options: Options;
  /** Help text for each option, in the order shown. */
  optionHelp: Record<string, string>;
  positionals: { min: number; max: number };
  run(values: Values, positionals: string[], io: CliIo): Promise<number>;
}

const VERSION = '0.1.0';

const COMMANDS: Record<string, Command> = {
  run: {
    summary: 'Run the whole pipeline on a local checkout',
    usage:
      'ensemble run [--repo DIR] (--prompt TEXT | --issue-file FILE) [--model SPEC] ' +
      '[--base-url URL] [--config FILE] [--max-parallel N] [--stages LIST] [--answers FILE] [--approve] [--json]',
    options: {
      repo: { type: 'string' },
      prompt: { type: 'string' },
      'issue-file': { type: 'string' },
      model: { type: 'string' },
      'base-url': { type: 'string' },
      'api-key': { type: 'string' },
      config: { type: 'string' },
      'max-parallel': { type: 'string' },
      stages: { type: 'string' },
      answers: { type: 'string' },
      approve: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    optionHelp: {
      '--repo DIR': 'the repository (default: the current directory); it must be a clean git checkout',
      '--prompt TEXT': 'what to build',
      '--issue-file FILE':
        'the request as an issue: Markdown ("# Title" then the body) or `gh issue view N --json` output',
      '--model SPEC':
        'provider:model for every stage, over the configuration (anthropic:…, openai:…, openai-compatible:…)',
      '--base-url URL': 'model API base URL (openai-compatible servers, gateways)',
      '--api-key KEY': 'model API key (default: ENSEMBLE_API_KEY, then ANTHROPIC_API_KEY or OPENAI_API_KEY)',
      '--config FILE': 'configuration file (default: <repo>/.github/ensemble.yml)',
      '--max-parallel N': 'coding agents at once (default 4)',
      '--stages LIST': 'comma-separated stages to run, e.g. plan,code,test (plan and code always run)',
      '--answers FILE':
        "answers to the planning agent's questions, given ahead: a .json, .yml or .yaml mapping of question " +
        'id to answer, or any other file as one text that answers the first round; a run that waits writes one ' +
        'to fill in (answers.yml in its run directory)',
      '--approve': 'approve the plan ahead: with `gates.approval: comment`, it is coded without waiting',
      '--json': 'print the run result as JSON (`ensemble schema run-result`); never asks at the terminal',
    },
    notes: () => [
      'At a terminal (stdin and stdout, without --json), the questions the answers file leaves open are',
      'asked one by one (one line per answer; an empty line skips one, Ctrl-D the rest), and a plan that',
      'waits for approval is shown with: Approve this plan? [y]es, [r]evise, [s]top. Elsewhere the run',
      'ends waiting (exit 4) and says how to continue.',
      '',
      'Exit codes:',
      ...exitCodeHelp(),
    ],
    positionals: { min: 0, max: 0 },
    run: async (values, _positionals, io) => {
      const { runCommand } = await import('./runtime/local/cli-run.ts');
      return runCommand(values, io);
    },
  },
  stage: {
    summary: 'Re-run one stage from the artifacts of a run directory',
    usage:
      'ensemble stage <plan|code|test|review|docs|fix|publish> --run DIR [--task ID] [--lens NAME] ' +
      '[--instructions TEXT] [--repo DIR] [--model SPEC] [--base-url URL] [--replay]',
    options: {
      run: { type: 'string' },
      lens: { type: 'string' },
      instructions: { type: 'string' },
      replay: { type: 'boolean' },
      task: { type: 'string' },
      repo: { type: 'string' },
      model: { type: 'string' },
      'base-url': { type: 'string' },
      'api-key': { type: 'string' },
      config: { type: 'string' },
    },
    optionHelp: {
      '--run DIR':
        "the run directory (.ensemble/runs/<id>, or a GitHub run's artifacts downloaded into <dir>/artifacts/)",
      '--task ID': 'the task to re-run (code stage)',
      '--lens NAME': 'review only this lens (review stage; default every configured lens)',
      '--instructions TEXT':
        "what to fix, in a person's words (fix stage: the next round, with its re-test and re-review)",
      '--replay': "replay each agent's recorded model calls from its transcript instead of calling a model",
      '--repo DIR': 'the repository the run was made in (default: the current directory)',
      '--model SPEC': 'provider:model, over the configuration',
    },
    positionals: { min: 1, max: 1 },
    run: async (values, positionals, io) => {
      const { stageCommand } = await import('./runtime/local/cli-run.ts');
      return stageCommand(values, positionals[0] as string, io);
    },
  },
  fix: {
    summary: 'Run one fix round on a local run and update its branch: fix, re-test, re-review, commit',
    usage: 'ensemble fix --run DIR [--instructions TEXT] [--repo DIR] [--model SPEC] [--base-url URL] [--config FILE]',
    options: {
      run: { type: 'string' },
      instructions: { type: 'string' },
      repo: { type: 'string' },
      model: { type: 'string' },
      'base-url': { type: 'string' },
      'api-key': { type: 'string' },
      config: { type: 'string' },
    },
    optionHelp: {
      '--run DIR': 'the run directory (.ensemble/runs/<id>) whose change to fix',
      '--instructions TEXT': 'what to fix, in your words; without it, the blocking findings of the last review',
      '--repo DIR': 'the repository the run was made in (default: the current directory)',
      '--model SPEC': 'provider:model, over the configuration',
      '--config FILE': 'configuration file (default: <repo>/.github/ensemble.yml)',
    },
    notes: () => ['Exit codes:', ...exitCodeHelp()],
    positionals: { min: 0, max: 0 },
    run: async (values, _positionals, io) => {
      if (typeof values['run'] !== 'string') throw new UsageError('--run DIR is required: the run directory to fix');
      const { fixCommand } = await import('./runtime/local/cli-run.ts');
      return fixCommand(values, io);
    },
  },
  validate: {
    summary: 'Check a repository configuration file and print what it resolves to, with the detected setup',
    usage: 'ensemble validate [--config FILE] [--repo DIR]',
    options: { config: { type: 'string' }, repo: { type: 'string' } },
    optionHelp: {
      '--config FILE': 'configuration file (default: <repo>/.github/ensemble.yml)',
      '--repo DIR': 'repository root (default: the current directory)',
    },
    positionals: { min: 0, max: 0 },
    run: async (values, _positionals, io) => {
      const { validateCommand } = await import('./runtime/local/validate.ts');
      return validateCommand(values, io);
    },
  },
  schema: {
    summary: 'Print the JSON Schema of an artifact document, of the configuration or of `ensemble run --json`',
    usage: 'ensemble schema [plan|task|test|review|docs|publish|config|run-result]',
    options: {},
    optionHelp: {},
    positionals: { min: 0, max: 1 },
    run: async (_values, positionals, io) => {
      const schemas = await allJsonSchemas();
      const name = positionals[0];
      if (name === undefined) {
        io.stdout.write(`Schemas: ${Object.keys(schemas).join(', ')}\nPrint one with: ensemble schema <name>\n`);
        return 0;
      }
      const schema = schemas[name];
      if (!schema) {
        const hint = closestMatch(name, Object.keys(schemas));
        throw new UsageError(
          `unknown schema "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}; ` +
            `choose one of ${Object.keys(schemas).join(', ')}`,
        );
      }
      io.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
      return 0;
    },
  },
};

/** Every JSON Schema ensemble publishes, by the name `ensemble schema` and `schemas/` use. */
export async function allJsonSchemas(): Promise<Record<string, Record<string, unknown>>> {
  const { documentJsonSchemas } = await import('./contracts/json-schema.ts');
  const { configJsonSchema } = await import('./config/index.ts');
  const { toJsonSchema } = await import('./contracts/json-schema.ts');
  const { RUN_RESULT_SCHEMA, RunResult } = await import('./contracts/run-result.ts');
  return {
    ...documentJsonSchemas(),
    config: configJsonSchema(),
    'run-result': toJsonSchema(RunResult, 'run-result', `${RUN_RESULT_SCHEMA} (ensemble run --json)`),
  };
}

function generalHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'ensemble: a pipeline of specialist AI coding agents (plan, code, test, review, docs, fix, publish)',
    '',
    'Usage: ensemble <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  Show help for a command`,
    '',
    'Options: --help, --version',
    'Run `ensemble <command> --help` for the options of a command.',
    '',
    exitCodeLine(),
    '',
  ].join('\n');
}

function commandHelp(name: string, command: Command): string {
  const lines = [`${command.summary}.`, '', `Usage: ${command.usage}`];
  const help = Object.entries(command.optionHelp);
  if (help.length > 0) {
    const width = Math.max(...help.map(([flag]) => flag.length));
    lines.push('', 'Options:', ...help.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`));
  }
  if (command.notes) lines.push('', ...command.notes());
  lines.push('', `Run \`ensemble ${name} --help\` to see this again.`, '');
  return lines.join('\n');
}

/**
 * Runs the CLI and returns its exit code: 0 success, 1 failure of the work, 2 a usage error, and
 * for `ensemble run` 3 when it finished but not green (`runtime/local/exit-codes.ts`).
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    io.stdout.write(generalHelp());
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`ensemble ${VERSION}\n`);
    return 0;
  }
  try {
    if (first === 'help') {
      const topic = rest[0];
      if (topic === undefined) {
        io.stdout.write(generalHelp());
        return 0;
      }
      const command = COMMANDS[topic];
      if (!command) throw unknownCommand(topic);
      io.stdout.write(commandHelp(topic, command));
      return 0;
    }
    const command = COMMANDS[first];
    if (!command) throw unknownCommand(first);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(commandHelp(first, command));
      return 0;
    }
    let parsed: { values: Values; positionals: string[] };
    try {
      parsed = parseArgs({
        args: rest,
        options: command.options,
        allowPositionals: true,
        strict: true,
      }) as typeof parsed;
    } catch (error) {
      throw new UsageError(`${describeParseError(error, command)}\nUsage: ${command.usage}`);
    }
    const { min, max } = command.positionals;
    if (parsed.positionals.length < min || parsed.positionals.length > max) {
      const extra = parsed.positionals.slice(max).join(' ');
      throw new UsageError(
        parsed.positionals.length > max
          ? `unexpected argument "${extra}"\nUsage: ${command.usage}`
          : `missing argument\nUsage: ${command.usage}`,
      );
    }
    return await command.run(parsed.values, parsed.positionals, io);
  } catch (error) {
    // Told apart here, once, by type: a user error's message says what to fix; anything else is a bug.
    if (error instanceof UsageError) {
      io.stderr.write(`ensemble: ${error.message}\n`);
      return EXIT_CODE.usage;
    }
    if (isUserError(error)) {
      io.stderr.write(`ensemble: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`ensemble: ${errorMessage(error)}\n${UNEXPECTED}\n`);
    return 1;
  }
}

/**
 * Added to an unexpected error's message. "Unless": some user mistakes are still thrown as plain
 * errors, and their message does say what to fix.
 */
const UNEXPECTED =
  'This error was not expected. Unless the message says what to fix, it is a bug in ensemble: ' +
  'please report it, with the command you ran.';

function unknownCommand(name: string): UsageError {
  const names = [...Object.keys(COMMANDS), 'help'];
  const hint = closestMatch(name, names);
  const suggestion = hint ? `; did you mean "ensemble ${hint}"?` : '';
  return new UsageError(
    `unknown command "${name}"${suggestion}\nCommands: ${names.join(', ')}. Run \`ensemble --help\` for more.`,
  );
}

function describeParseError(error: unknown, command: Command): string {
  const message = errorMessage(error);
  const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  if ((error as { code?: string } | null)?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) {
    const known = Object.keys(command.options).map((o) => `--${o}`);
    const hint = closestMatch(flag, known);
    return `unknown option "${flag}"${hint ? `; did you mean "${hint}"?` : ''}`;
  }
  return message;
}
