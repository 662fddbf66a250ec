import { type ModelSpec, parseModelSpec } from '../../contracts/model-spec.ts';
import { LENS_NAME, TASK_ID_PATTERN } from '../../contracts/task-id.ts';
import { type AppPrivateKey, parseAppPrivateKey } from '../../github/app-token.ts';
import { errorMessage, UserError } from '../../util/errors.ts';
import type { ActionEntry } from './entries.ts';

/**
 * Every input of every action, declared once. The action.yml files declare the same inputs with
 * the same defaults (a test holds them together); the defaults are applied here too so that an
 * entry run outside the runner (tests, other runners) behaves the same.
 */
export interface InputSpec<T = unknown> {
  description: string;
  required?: boolean;
  /** Default as the runner passes it: a string, or a `${{ }}` expression in action.yml. */
  default?: string;
  /**
   * A credential: masked (`core.setSecret`) before the inputs are parsed, and never quoted in a
   * message about an invalid value.
   */
  secret?: boolean;
  /** Turns the raw (trimmed) text into the setting; throws `InvalidInput` with the accepted values. */
  parse: (raw: string) => T;
}

export class InputError extends UserError {
  override name = 'InputError';
}

/** Thrown by a parser: the entry turns it into "Input 'x' …" with the value received. */
class InvalidInput extends Error {}

const optionalText = (raw: string) => (raw === '' ? null : raw);

/** Lets through the text `accepts` accepts; `accepted` says what that is. Plain checks: zod is not loaded this early. */
function parseWhere(accepts: (raw: string) => boolean, accepted: string) {
  return (raw: string): string => {
    if (!accepts(raw)) throw new InvalidInput(accepted);
    return raw;
  };
}

const modelInput: InputSpec<ModelSpec | null> = {
  description:
    'Model for every agent of this stage, as provider:model (anthropic:claude-sonnet-4-5, ' +
    'openai:gpt-5, openai-compatible:qwen3-coder). Empty: the model from the configuration file.',
  parse: (raw) => {
    if (raw === '') return null;
    try {
      return parseModelSpec(raw);
    } catch (error) {
      throw new InvalidInput(errorMessage(error));
    }
  },
};

const baseUrlInput: InputSpec<string | null> = {
  description:
    'Base URL of the model API, for openai-compatible servers ' +
    '(vLLM, Ollama) or a gateway. Empty: the provider default.',
  parse: (raw) => {
    if (raw === '') return null;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new InvalidInput('an http(s) URL such as https://llm.example.com/v1');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new InvalidInput('an http(s) URL such as https://llm.example.com/v1');
    if (url.username || url.password)
      throw new InvalidInput('a URL without credentials in it (pass the key as api-key)');
    return raw.replace(/\/+$/, '');
  },
};

const apiKeyInput: InputSpec<string | null> = {
  description:
    'Model API key. Empty: ENSEMBLE_API_KEY, then the provider variable (ANTHROPIC_API_KEY, OPENAI_API_KEY).',
  secret: true,
  parse: optionalText,
};

const configInput: InputSpec<string> = {
  description: 'Path of the ensemble configuration file in the repository, read from the default branch.',
  default: '.github/ensemble.yml',
  parse: parseWhere(
    (p) => p !== '' && !p.startsWith('/') && !p.split('/').includes('..'),
    'a relative path inside the repository, such as .github/ensemble.yml',
  ),
};

const githubTokenInput: InputSpec<string> = {
  description:
    'Token for the GitHub API. Stage jobs need only read access; ' +
    'publish needs contents, pull-requests and issues write.',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression the runner evaluates, not a JS template
  default: '${{ github.token }}',
  required: false,
  secret: true,
  parse: optionalText as (raw: string) => string,
};

const modelInputs = {
  model: modelInput,
  'base-url': baseUrlInput,
  'api-key': apiKeyInput,
  config: configInput,
  'github-token': githubTokenInput,
} as const;

const issueInput: InputSpec<number | null> = {
  description: 'Issue number to work on (workflow_dispatch). Empty: the issue of the triggering event.',
  parse: (raw) => {
    if (raw === '') return null;
    if (!/^[1-9][0-9]{0,9}$/.test(raw)) throw new InvalidInput('a positive whole number such as 42');
    return Number(raw);
  },
};

const promptInput: InputSpec<string | null> = {
  description: 'What to build, when there is no issue (workflow_dispatch).',
  parse: (raw) => {
    if (raw === '') return null;
    if (raw.length > 65_536) throw new InvalidInput('a prompt of at most 65536 characters');
    return raw;
  },
};

const draftInput: InputSpec<boolean> = {
  description: 'Open the pull request as a draft.',
  default: 'true',
  parse: (raw) => {
    // The same spellings as @actions/core getBooleanInput (YAML 1.2 core schema booleans).
    if (['true', 'True', 'TRUE'].includes(raw)) return true;
    if (['false', 'False', 'FALSE'].includes(raw)) return false;
    throw new InvalidInput('true or false');
  },
};

const appIdInput: InputSpec<number | null> = {
  description:
    'ID of a GitHub App to publish as (the App settings page, General → About → App ID), with app-private-key: ' +
    "publish makes a token of the App for this repository, so that the pull request starts the repository's " +
    'workflows (one opened with GITHUB_TOKEN does not), and revokes it when done. The App needs Contents, ' +
    'Pull requests and Issues: Read and write. Empty: github-token.',
  parse: (raw) => {
    if (raw === '') return null;
    if (!/^[1-9][0-9]{0,11}$/.test(raw)) {
      throw new InvalidInput("the App's numeric ID, such as 123456 (App settings → General → About → App ID)");
    }
    return Number(raw);
  },
};

const appPrivateKeyInput: InputSpec<AppPrivateKey | null> = {
  description:
    'Private key of the GitHub App named by app-id: the whole .pem file GitHub generated for it. Empty: github-token.',
  secret: true,
  parse: (raw) => {
    if (raw === '') return null;
    try {
      return parseAppPrivateKey(raw);
    } catch (error) {
      throw new InvalidInput(errorMessage(error));
    }
  },
};

/** The inputs of the publisher; the App's credentials take precedence over github-token (`runPublishAction`). */
const publishInputs = {
  config: configInput,
  issue: {
    ...issueInput,
    description:
      "The issue the run works on: the plan's `issue` input (workflow_dispatch). Empty: the issue of the " +
      'triggering event, or none. Publish refuses artifacts of any other issue or workflow run.',
  } satisfies InputSpec<number | null>,
  'github-token': githubTokenInput,
  'app-id': appIdInput,
  'app-private-key': appPrivateKeyInput,
  draft: draftInput,
} as const;

const environmentInput: InputSpec<string> = {
  description:
    'GitHub environment whose required reviewers approve the plan (the job must be bound to it with ' +
    '`environment:`). The step fails unless the environment has required reviewers and one of them ' +
    'approved this run.',
  required: true,
  parse: (raw) => {
    // GitHub's own limit on an environment name.
    if (raw.length > 255) throw new InvalidInput('an environment name of at most 255 characters');
    return raw;
  },
};

const approvalTokenInput: InputSpec<string> = {
  ...githubTokenInput,
  description:
    "Token for the GitHub API: it reads the environment's protection rules and this run's approvals " +
    '(`actions: read` on a private repository).',
};

/** The plan job's install, for the jobs that would install again (code, test, fix): `setup-cache.ts`. */
const setupKeyInput: InputSpec<string | null> = {
  description:
    "The plan job's setup-key output: the Actions cache key of its install, restored into RUNNER_TEMP/ensemble-setup " +
    'by actions/cache/restore before this step. Used only when it matches this job; else (or empty) the job installs.',
  parse: (raw) => {
    if (raw === '') return null;
    if (raw.length > 512)
      throw new InvalidInput('a cache key of at most 512 characters (the plan job output setup-key)');
    return raw;
  },
};

export const ACTION_INPUTS = {
  plan: { ...modelInputs, issue: issueInput, prompt: promptInput },
  code: {
    ...modelInputs,
    task: {
      description: 'Id of the plan task this matrix leg implements (from the plan job output `matrix`).',
      required: true,
      parse: (raw: string) => {
        if (raw === '') throw new InvalidInput('a task id from the plan, e.g. "api-endpoint"');
        if (!TASK_ID_PATTERN.test(raw)) throw new InvalidInput('a task id of 1-40 characters a-z, 0-9 and "-"');
        return raw;
      },
    } satisfies InputSpec<string>,
    'setup-key': setupKeyInput,
  },
  test: { ...modelInputs, 'setup-key': setupKeyInput },
  review: {
    ...modelInputs,
    lens: {
      description: 'Review lens this leg applies (correctness, tests, security or one from the configuration).',
      default: 'correctness',
      parse: parseWhere((lens) => LENS_NAME.test(lens), 'a lens name of a-z, 0-9 and "-", e.g. correctness'),
    } satisfies InputSpec<string>,
  },
  docs: { ...modelInputs },
  fix: { ...modelInputs, 'setup-key': setupKeyInput },
  publish: publishInputs,
  approve: { environment: environmentInput, 'github-token': approvalTokenInput },
  respond: {
    config: configInput,
    'github-token': {
      ...githubTokenInput,
      description:
        'Token for the GitHub API: it reads the pull request, its review threads and the stored run state, and ' +
        'replies when ensemble does not act (pull-requests: write, issues: write, contents: read).',
    },
  },
  all: {
    ...modelInputs,
    issue: issueInput,
    prompt: promptInput,
    draft: draftInput,
    'app-id': appIdInput,
    'app-private-key': appPrivateKeyInput,
  },
} as const satisfies Record<ActionEntry, Record<string, InputSpec>>;

type CamelCase<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;
type SettingsOf<I> = {
  [K in keyof I as K extends string ? CamelCase<K> : never]: I[K] extends InputSpec<infer T> ? T : never;
};
export type ActionSettings<E extends ActionEntry> = SettingsOf<(typeof ACTION_INPUTS)[E]>;

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Reads and validates every input of an action at once, as `actions/checkout` does, so that a
 * typo fails the step before any work starts. `read` is `core.getInput` in the runner.
 */
export function parseActionSettings<E extends ActionEntry>(
  entry: E,
  read: (name: string) => string,
): ActionSettings<E> {
  const specs = ACTION_INPUTS[entry] as Record<string, InputSpec>;
  const settings: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    let raw = read(name).trim();
    if (raw === '' && spec.default !== undefined && !spec.default.startsWith('${{')) raw = spec.default;
    if (raw === '' && spec.required) {
      problems.push(`Input '${name}' is required: ${spec.description}`);
      continue;
    }
    try {
      settings[camel(name)] = spec.parse(raw);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      if (spec.secret) {
        problems.push(`Input '${name}' has an invalid value (not shown: it is a secret): expected ${error.message}.`);
        continue;
      }
      // Never echo credentials written into a URL (`https://user:secret@host`): the value is not masked yet.
      const unmasked = raw.replace(/(\/\/)[^/@\s]*@/, '$1***@');
      const shown = unmasked.length > 80 ? `${unmasked.slice(0, 77)}...` : unmasked;
      problems.push(`Input '${name}' has an invalid value ${JSON.stringify(shown)}: expected ${error.message}.`);
    }
  }
  if (entry === 'plan' || entry === 'all') {
    if (settings['issue'] !== null && settings['prompt'] !== null && problems.length === 0) {
      problems.push(
        "Inputs 'issue' and 'prompt' were both given: pass one of them, or neither to use the triggering issue.",
      );
    }
  }
  if (
    'app-id' in specs &&
    problems.length === 0 &&
    (settings['appId'] === null) !== (settings['appPrivateKey'] === null)
  ) {
    const [given, missing] = settings['appId'] === null ? ['app-private-key', 'app-id'] : ['app-id', 'app-private-key'];
    problems.push(
      `Input '${given}' was given without '${missing}': a GitHub App needs both (in the reusable workflow, the ` +
        'secrets publish-app-id and publish-app-private-key), or leave both empty to publish with github-token.',
    );
  }
  if (problems.length > 0) throw new InputError(problems.join('\n'));
  return settings as ActionSettings<E>;
}

/**
 * The values to mask before anything is parsed or logged: every secret input as given, and each
 * line of a multi-line one on its own, because the runner masks the log line by line and a
 * multi-line secret never matches one line (a PEM key). Boundary lines hold no key material.
 */
export function secretInputValues(entry: ActionEntry, read: (name: string) => string): string[] {
  const values = new Set<string>();
  for (const [name, spec] of Object.entries(ACTION_INPUTS[entry] as Record<string, InputSpec>)) {
    if (!spec.secret) continue;
    const raw = read(name).trim();
    if (raw === '') continue;
    values.add(raw);
    for (const line of raw.split(/\r?\n|\\n/)) {
      const part = line.trim();
      if (part.length >= 8 && !part.startsWith('-----')) values.add(part);
    }
  }
  return [...values];
}
