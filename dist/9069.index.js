export const id = 9069;
export const ids = [9069,5666];
export const modules = {

/***/ 29069:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   main: () => (/* binding */ main)
/* harmony export */ });
/* unused harmony export allJsonSchemas */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57975);
/* harmony import */ var _runtime_local_cli_io_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33291);
/* harmony import */ var _runtime_local_exit_codes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28665);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(99661);
/* harmony import */ var _util_suggest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(65666);





const VERSION = '0.1.0';
const COMMANDS = {
    run: {
        summary: 'Run the whole pipeline on a local checkout',
        usage: 'ensemble run [--repo DIR] (--prompt TEXT | --issue-file FILE) [--model SPEC] ' +
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
            '--issue-file FILE': 'the request as an issue: Markdown ("# Title" then the body) or `gh issue view N --json` output',
            '--model SPEC': 'provider:model for every stage, over the configuration (anthropic:…, openai:…, openai-compatible:…)',
            '--base-url URL': 'model API base URL (openai-compatible servers, gateways)',
            '--api-key KEY': 'model API key (default: ENSEMBLE_API_KEY, then ANTHROPIC_API_KEY or OPENAI_API_KEY)',
            '--config FILE': 'configuration file (default: <repo>/.github/ensemble.yml)',
            '--max-parallel N': 'coding agents at once (default 4)',
            '--stages LIST': 'comma-separated stages to run, e.g. plan,code,test (plan and code always run)',
            '--answers FILE': "answers to the planning agent's questions, given ahead: a .json, .yml or .yaml mapping of question " +
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
            ...(0,_runtime_local_exit_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .exitCodeHelp */ .JZ)(),
        ],
        positionals: { min: 0, max: 0 },
        run: async (values, _positionals, io) => {
            const { runCommand } = await Promise.all(/* import() */[__webpack_require__.e(4377), __webpack_require__.e(8815), __webpack_require__.e(4101), __webpack_require__.e(6811), __webpack_require__.e(5420), __webpack_require__.e(9039), __webpack_require__.e(9006), __webpack_require__.e(1317), __webpack_require__.e(3076), __webpack_require__.e(9241), __webpack_require__.e(3419), __webpack_require__.e(6593), __webpack_require__.e(4059), __webpack_require__.e(9166), __webpack_require__.e(6660), __webpack_require__.e(5314), __webpack_require__.e(5298)]).then(__webpack_require__.bind(__webpack_require__, 93511));
            return runCommand(values, io);
        },
    },
    stage: {
        summary: 'Re-run one stage from the artifacts of a run directory',
        usage: 'ensemble stage <plan|code|test|review|docs|fix|publish> --run DIR [--task ID] [--lens NAME] ' +
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
            '--run DIR': "the run directory (.ensemble/runs/<id>, or a GitHub run's artifacts downloaded into <dir>/artifacts/)",
            '--task ID': 'the task to re-run (code stage)',
            '--lens NAME': 'review only this lens (review stage; default every configured lens)',
            '--instructions TEXT': "what to fix, in a person's words (fix stage: the next round, with its re-test and re-review)",
            '--replay': "replay each agent's recorded model calls from its transcript instead of calling a model",
            '--repo DIR': 'the repository the run was made in (default: the current directory)',
            '--model SPEC': 'provider:model, over the configuration',
        },
        positionals: { min: 1, max: 1 },
        run: async (values, positionals, io) => {
            const { stageCommand } = await Promise.all(/* import() */[__webpack_require__.e(4377), __webpack_require__.e(8815), __webpack_require__.e(4101), __webpack_require__.e(6811), __webpack_require__.e(5420), __webpack_require__.e(9039), __webpack_require__.e(9006), __webpack_require__.e(1317), __webpack_require__.e(3076), __webpack_require__.e(9241), __webpack_require__.e(3419), __webpack_require__.e(6593), __webpack_require__.e(4059), __webpack_require__.e(9166), __webpack_require__.e(6660), __webpack_require__.e(5314), __webpack_require__.e(5298)]).then(__webpack_require__.bind(__webpack_require__, 93511));
            return stageCommand(values, positionals[0], io);
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
        notes: () => ['Exit codes:', ...(0,_runtime_local_exit_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .exitCodeHelp */ .JZ)()],
        positionals: { min: 0, max: 0 },
        run: async (values, _positionals, io) => {
            if (typeof values['run'] !== 'string')
                throw new _runtime_local_cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e('--run DIR is required: the run directory to fix');
            const { fixCommand } = await Promise.all(/* import() */[__webpack_require__.e(4377), __webpack_require__.e(8815), __webpack_require__.e(4101), __webpack_require__.e(6811), __webpack_require__.e(5420), __webpack_require__.e(9039), __webpack_require__.e(9006), __webpack_require__.e(1317), __webpack_require__.e(3076), __webpack_require__.e(9241), __webpack_require__.e(3419), __webpack_require__.e(6593), __webpack_require__.e(4059), __webpack_require__.e(9166), __webpack_require__.e(6660), __webpack_require__.e(5314), __webpack_require__.e(5298)]).then(__webpack_require__.bind(__webpack_require__, 93511));
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
            const { validateCommand } = await Promise.all(/* import() */[__webpack_require__.e(4377), __webpack_require__.e(8815), __webpack_require__.e(6811), __webpack_require__.e(5420), __webpack_require__.e(1317), __webpack_require__.e(3076), __webpack_require__.e(1811)]).then(__webpack_require__.bind(__webpack_require__, 21036));
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
                const hint = (0,_util_suggest_js__WEBPACK_IMPORTED_MODULE_4__/* .closestMatch */ .h)(name, Object.keys(schemas));
                throw new _runtime_local_cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(`unknown schema "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}; ` +
                    `choose one of ${Object.keys(schemas).join(', ')}`);
            }
            io.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
            return 0;
        },
    },
};
/** Every JSON Schema ensemble publishes, by the name `ensemble schema` and `schemas/` use. */
async function allJsonSchemas() {
    const { documentJsonSchemas } = await Promise.all(/* import() */[__webpack_require__.e(4377), __webpack_require__.e(6811), __webpack_require__.e(4646)]).then(__webpack_require__.bind(__webpack_require__, 33141));
    const { configJsonSchema } = await Promise.all(/* import() */[__webpack_require__.e(4377), __webpack_require__.e(8815), __webpack_require__.e(6811), __webpack_require__.e(1317), __webpack_require__.e(35)]).then(__webpack_require__.bind(__webpack_require__, 70774));
    const { toJsonSchema } = await Promise.all(/* import() */[__webpack_require__.e(4377), __webpack_require__.e(6811), __webpack_require__.e(4646)]).then(__webpack_require__.bind(__webpack_require__, 33141));
    const { RUN_RESULT_SCHEMA, RunResult } = await Promise.all(/* import() */[__webpack_require__.e(4377), __webpack_require__.e(6646)]).then(__webpack_require__.bind(__webpack_require__, 86646));
    return {
        ...documentJsonSchemas(),
        config: configJsonSchema(),
        'run-result': toJsonSchema(RunResult, 'run-result', `${RUN_RESULT_SCHEMA} (ensemble run --json)`),
    };
}
function generalHelp() {
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
        (0,_runtime_local_exit_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .exitCodeLine */ .AS)(),
        '',
    ].join('\n');
}
function commandHelp(name, command) {
    const lines = [`${command.summary}.`, '', `Usage: ${command.usage}`];
    const help = Object.entries(command.optionHelp);
    if (help.length > 0) {
        const width = Math.max(...help.map(([flag]) => flag.length));
        lines.push('', 'Options:', ...help.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`));
    }
    if (command.notes)
        lines.push('', ...command.notes());
    lines.push('', `Run \`ensemble ${name} --help\` to see this again.`, '');
    return lines.join('\n');
}
/**
 * Runs the CLI and returns its exit code: 0 success, 1 failure of the work, 2 a usage error, and
 * for `ensemble run` 3 when it finished but not green (`runtime/local/exit-codes.ts`).
 */
async function main(argv, io) {
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
            if (!command)
                throw unknownCommand(topic);
            io.stdout.write(commandHelp(topic, command));
            return 0;
        }
        const command = COMMANDS[first];
        if (!command)
            throw unknownCommand(first);
        if (rest.includes('--help') || rest.includes('-h')) {
            io.stdout.write(commandHelp(first, command));
            return 0;
        }
        let parsed;
        try {
            parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({
                args: rest,
                options: command.options,
                allowPositionals: true,
                strict: true,
            });
        }
        catch (error) {
            throw new _runtime_local_cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(`${describeParseError(error, command)}\nUsage: ${command.usage}`);
        }
        const { min, max } = command.positionals;
        if (parsed.positionals.length < min || parsed.positionals.length > max) {
            const extra = parsed.positionals.slice(max).join(' ');
            throw new _runtime_local_cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(parsed.positionals.length > max
                ? `unexpected argument "${extra}"\nUsage: ${command.usage}`
                : `missing argument\nUsage: ${command.usage}`);
        }
        return await command.run(parsed.values, parsed.positionals, io);
    }
    catch (error) {
        // Told apart here, once, by type: a user error's message says what to fix; anything else is a bug.
        if (error instanceof _runtime_local_cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e) {
            io.stderr.write(`ensemble: ${error.message}\n`);
            return _runtime_local_exit_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT_CODE */ .F3.usage;
        }
        if ((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .isUserError */ .iU)(error)) {
            io.stderr.write(`ensemble: ${error.message}\n`);
            return 1;
        }
        io.stderr.write(`ensemble: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}\n${UNEXPECTED}\n`);
        return 1;
    }
}
/**
 * Added to an unexpected error's message. "Unless": some user mistakes are still thrown as plain
 * errors, and their message does say what to fix.
 */
const UNEXPECTED = 'This error was not expected. Unless the message says what to fix, it is a bug in ensemble: ' +
    'please report it, with the command you ran.';
function unknownCommand(name) {
    const names = [...Object.keys(COMMANDS), 'help'];
    const hint = (0,_util_suggest_js__WEBPACK_IMPORTED_MODULE_4__/* .closestMatch */ .h)(name, names);
    const suggestion = hint ? `; did you mean "ensemble ${hint}"?` : '';
    return new _runtime_local_cli_io_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(`unknown command "${name}"${suggestion}\nCommands: ${names.join(', ')}. Run \`ensemble --help\` for more.`);
}
function describeParseError(error, command) {
    const message = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error);
    const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
    if (error?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) {
        const known = Object.keys(command.options).map((o) => `--${o}`);
        const hint = (0,_util_suggest_js__WEBPACK_IMPORTED_MODULE_4__/* .closestMatch */ .h)(flag, known);
        return `unknown option "${flag}"${hint ? `; did you mean "${hint}"?` : ''}`;
    }
    return message;
}


/***/ }),

/***/ 33291:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ UsageError)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);

/** A mistake on the command line: reported with the usage, exit code 2. */
class UsageError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'UsageError';
}


/***/ }),

/***/ 28665:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AS: () => (/* binding */ exitCodeLine),
/* harmony export */   F3: () => (/* binding */ EXIT_CODE),
/* harmony export */   JZ: () => (/* binding */ exitCodeHelp)
/* harmony export */ });
/* unused harmony exports EXIT_CODES, renderExitCodeTable */
/**
 * The exit codes of `ensemble run`, in one place: the run's outcome maps to its code here, and
 * `ensemble run --help` and the README's table are rendered from `EXIT_CODES`.
 */
const EXIT_CODE = {
    green: 0,
    'no-branch': 1,
    usage: 2,
    'not-green': 3,
    waiting: 4,
};
/** What each code means, for people: the help text and the README. */
const EXIT_CODES = [
    {
        code: EXIT_CODE.green,
        name: 'green',
        meaning: 'a branch was made and nothing needs a look: the tests passed (or none are configured, or the test stage ' +
            'is switched off), every task of the plan is integrated, no review blocks, the docs did not fail. With ' +
            '`--stages` leaving out publish: the same for the stages that ran, and no branch, as asked ' +
            '(`ensemble stage publish --run DIR` makes it)',
    },
    {
        code: EXIT_CODE['no-branch'],
        name: 'no branch',
        meaning: 'the run failed or stopped before publishing (every task failed, a fatal stage failed, the ' +
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
        meaning: 'the run finished (a branch was made, unless `--stages` left out publish) but something is not green: ' +
            'failing tests (also tests failing at the base already), tests that could not run, a task that failed or ' +
            'was not integrated, a review that requests changes or did not complete, failed docs; the summary lists each',
    },
    {
        code: EXIT_CODE.waiting,
        name: 'waiting',
        meaning: 'the run waits for a person and nothing was coded: the planning agent asked questions that no `--answers` ' +
            'file or terminal answered, or the plan waits for approval (`gates.approval: comment` or ' +
            '`gates.questions: always`) and neither ' +
            '`--approve` nor the prompt gave it. The summary (and `waiting` in `--json`) lists the questions or the ' +
            'plan, and how to run again with `--answers FILE` or `--approve`',
    },
];
/** The exit codes as help text lines, wrapped to `width` columns. */
function exitCodeHelp(width = 100) {
    return EXIT_CODES.flatMap(({ code, name, meaning }) => wrap(`${code}  ${name}: ${meaning}`, width - 2, '     '));
}
/** One line of the general help. */
function exitCodeLine() {
    return `Exit codes of \`ensemble run\`: ${EXIT_CODES.map((c) => `${c.code} ${c.name}`).join(', ')}.`;
}
function wrap(text, width, indent) {
    const lines = [];
    let line = '';
    for (const word of text.split(' ')) {
        if (line !== '' && line.length + 1 + word.length > width) {
            lines.push(line);
            line = indent + word;
        }
        else
            line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(line);
    return lines.map((l) => `  ${l}`);
}
/** The README's table of exit codes (between its `exit-codes` markers). */
function renderExitCodeTable() {
    const rows = EXIT_CODES.map(({ code, name, meaning }) => `| ${code} | ${name} | ${meaning} |`);
    return ['| code | outcome | meaning |', '| --- | --- | --- |', ...rows, ''].join('\n');
}


/***/ }),

/***/ 99661:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   iU: () => (/* binding */ isUserError),
/* harmony export */   v: () => (/* binding */ USER_ERROR),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/**
 * Errors a user fixes versus bugs, told apart by type, never by message.
 *
 * A user error is a mistake the user fixes (the configuration, an input, an artifact that is
 * missing or not the contract, a runner without bubblewrap, an event ensemble refuses); its
 * message says what to change, and the entries (`runtime/actions/run.ts`, `cli.ts`) print it as
 * it is. Any other error reaching an entry is unexpected: a bug, reported with a note asking to
 * report it.
 *
 * Errors carry a marker symbol rather than relying on `instanceof` alone (vercel/ai's pattern):
 * `Symbol.for` is shared by every copy of this module, so an error thrown by another bundle or
 * module instance is still recognised, and a class with another base (the model errors) can carry
 * the marker as a field.
 */
/** The marker every user error carries, set to `true`. */
const USER_ERROR = Symbol.for('ensemble.user-error');
/** A mistake the user fixes; its message says what to change. Extend it, or throw it as it is. */
class UserError extends Error {
    [USER_ERROR] = true;
    name = 'UserError';
    /** Is `error` a user error: a {@link UserError}, or any error carrying the {@link USER_ERROR} marker? */
    static isInstance(error) {
        return error instanceof Error && error[USER_ERROR] === true;
    }
}
/** {@link UserError.isInstance}, as a function. */
function isUserError(error) {
    return UserError.isInstance(error);
}
/** The message of anything thrown: an error's message, or the value as text. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    const message = error?.message;
    return typeof message === 'string' ? message : String(error);
}


/***/ }),

/***/ 65666:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ closestMatch)
/* harmony export */ });
/* unused harmony export editDistance */
/** Edit distance (insertions, deletions, substitutions) between two short strings. */
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j];
            row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.length];
}
/**
 * The candidate a mistyped word most likely meant: one equal after `normalize`, else the nearest
 * by edit distance when it is close enough to be the likely intent; null when nothing is.
 */
function closestMatch(word, candidates, normalize = (s) => s.toLowerCase()) {
    const target = normalize(word);
    const exact = candidates.find((candidate) => normalize(candidate) === target);
    if (exact)
        return exact;
    let best = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
        const distance = editDistance(target, normalize(candidate));
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best !== null && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}


/***/ })

};
