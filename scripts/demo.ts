// `npm run demo`: the whole ensemble pipeline on a temporary copy of examples/demo-repo, with the
// SCRIPTED model of test/support/demo-model.ts standing in for a real one (no key, no network).
// Everything else is real: git worktrees, the sandbox, the repository's own tests, the commits.
//
// Where bubblewrap does not work (a fresh machine), the demo still runs, with `sandbox: none`
// from a configuration file of its own outside the copy, and says so loudly before and after the
// run: the scripted model and ensemble's own example repository are trusted. `ensemble run` on a
// real repository never falls back like this. ENSEMBLE_REQUIRE_SANDBOX=1 (as CI sets) turns the
// fallback off.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { probeBubblewrap } from '../src/agent/sandbox.ts';
import { requestFromPrompt } from '../src/pipeline/request.ts';
import { formatSummary } from '../src/runtime/local/cli-run.ts';
import { runLocalPipeline } from '../src/runtime/local/pipeline.ts';
import { plainReporter, terminalReporter } from '../src/runtime/local/reporter.ts';
import { DEMO_PROMPT, demoScript } from '../test/support/demo-model.ts';
import { startScriptedModel } from '../test/support/scripted-model.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repo = join(mkdtempSync(join(tmpdir(), 'ensemble-demo-')), 'textkit');
cpSync(join(root, 'examples/demo-repo'), repo, { recursive: true });
const git = (...args: string[]) =>
  execFileSync('git', args, {
    cwd: repo,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'demo',
      GIT_AUTHOR_EMAIL: 'demo@example.com',
      GIT_COMMITTER_NAME: 'demo',
      GIT_COMMITTER_EMAIL: 'demo@example.com',
    },
    encoding: 'utf8',
  });
git('init', '-q', '-b', 'main');
git('add', '-A');
git('commit', '-q', '-m', 'textkit 1.0.0');

console.log('ensemble demo: the model is SCRIPTED (test/support/demo-model.ts), not a real one.');
console.log(`Repository: ${repo} (a copy of examples/demo-repo)`);
console.log(`Request:    ${DEMO_PROMPT}\n`);

const sandbox = await probeBubblewrap();
let configFile: string | undefined;
let noSandboxWarning: string | null = null;
if (!sandbox.available && process.env['ENSEMBLE_REQUIRE_SANDBOX'] !== '1') {
  noSandboxWarning = [
    `⚠️  NO SANDBOX: ${sandbox.reason}. This demo runs the agents' commands and the repository's tests`,
    '   WITHOUT isolation (`sandbox: none`): with the network, as your user, able to write anywhere you can.',
    "   Acceptable only because the model is scripted and the repository is ensemble's own example:",
    '   `ensemble run` on your repositories stops instead. To run the demo sandboxed, install bubblewrap:',
    '   bash scripts/install-sandbox.sh',
  ].join('\n');
  console.warn(`${noSandboxWarning}\n`);
  configFile = join(dirname(repo), 'ensemble-demo-without-sandbox.yml');
  writeFileSync(configFile, `# npm run demo: ${sandbox.reason}, so commands run without isolation.\nsandbox: none\n`);
}

const server = await startScriptedModel(demoScript);
const live = process.stderr.isTTY ? terminalReporter(process.stderr) : null;
try {
  const summary = await runLocalPipeline({
    repoDir: repo,
    request: requestFromPrompt(DEMO_PROMPT),
    model: 'openai-compatible:ensemble-demo-script',
    baseUrl: server.baseUrlOpenAI,
    reporter: live ?? plainReporter(process.stderr),
    // The scripted server needs no key; keep the real environment out of the demo altogether.
    env: {},
    ...(configFile ? { configFile } : {}),
  });
  live?.stop();
  console.log(`\n${formatSummary(summary)}`);
  if (!summary.branch) {
    console.error('The demo did not produce a branch; see the run directory above.');
    process.exitCode = 1;
  } else {
    console.log(`Commits on ${summary.branch}:\n${git('log', '--format=  %h %s', `main..${summary.branch}`)}`);
    console.log(`See the change: git -C ${repo} diff main ${summary.branch}`);
    console.log(
      'The model was scripted: the plan, edits, review finding and docs were written in advance for this repository.',
    );
  }
  if (noSandboxWarning) console.warn(`\n${noSandboxWarning}`);
  if (server.problems.length > 0) {
    console.error(`The scripted model server rejected requests:\n${server.problems.join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  await server.close();
}
