export const id = 6660;
export const ids = [6660];
export const modules = {

/***/ 77918:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ newRunId),
/* harmony export */   W: () => (/* binding */ newRunIdentity)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/**
 * Who a run is: its id, the repository, the request it works on, the base commit and the
 * configuration, made once per run (by the plan step, in either runtime) and carried in every
 * document.
 */

/** `2026-11-21T19-10-00-1a2b`: sortable, unique enough for one machine, safe in paths and branch names. */
function newRunId(now = new Date()) {
    const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
    return `${stamp}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(2).toString('hex')}`;
}
function newRunIdentity(input) {
    return {
        repository: input.repository,
        runId: input.runId,
        issue: input.request.issue,
        promptHash: input.request.issue === null ? input.request.hash : null,
        baseSha: input.baseSha,
        configHash: input.configHash,
    };
}


/***/ }),

/***/ 6660:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadRunConfig: () => (/* binding */ loadRunConfig),
  openModels: () => (/* binding */ openModels),
  I: () => (/* binding */ openRunSession),
  H: () => (/* binding */ openStageSession),
  repositoryRoot: () => (/* binding */ repositoryRoot)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/agent/prompt.js
var agent_prompt = __webpack_require__(66847);
// EXTERNAL MODULE: ./lib/config/instructions.js
var instructions = __webpack_require__(70417);
// EXTERNAL MODULE: ./lib/config/load.js
var load = __webpack_require__(76264);
// EXTERNAL MODULE: ./lib/contracts/model-spec.js
var model_spec = __webpack_require__(66428);
// EXTERNAL MODULE: ./lib/contracts/common.js
var common = __webpack_require__(60574);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 1 modules
var schemas = __webpack_require__(80737);
;// CONCATENATED MODULE: ./lib/model/prices.js
/**
 * Model prices in USD per million tokens, for the usage ledger's cost figures.
 *
 * A cost is computed only from a price that is known for every kind of token the call used; anything
 * else gives `null` ("tokens only"), never an estimate. That covers: a model not in the table (every
 * `openai-compatible` model unless the configuration prices it), a cache-read or cache-write price
 * that is not published for the model while the call used that kind of token, and a prompt above a
 * size whose pricing is not known.
 *
 * Token categories are disjoint: `inputTokens` in the ledger is the whole prompt, of which
 * `cacheReadTokens` were served from the cache and `cacheWriteTokens` were written to it; the rest
 * is billed at `input`.
 *
 * The built-in table was read from the providers' pricing pages (platform.claude.com
 * /docs/about-claude/pricing and model pages; developers.openai.com/api/docs/pricing and model
 * pages) in November 2026. Standard tier only: batch, priority/fast and flex tiers and regional
 * surcharges are not modelled. Anthropic `cacheWrite` is the 5-minute cache write (the default
 * `cache_control: {type: 'ephemeral'}`); 1-hour cache writes cost more.
 * A repository extends or overrides it in `.github/ensemble.yml` with entries keyed `provider:model`.
 */


const Usd = schemas/* number */.aig().nonnegative().finite();
const TokenPricesSchema = schemas/* object */.Ikc({
    /** Uncached input (prompt) tokens. */
    input: Usd,
    /** Output (completion) tokens, reasoning included. */
    output: Usd,
    /** Input tokens served from the prompt cache. Omitted: unknown. */
    cacheRead: Usd.optional(),
    /** Input tokens written to the prompt cache. Omitted: unknown. */
    cacheWrite: Usd.optional(),
})
    .strict();
const ModelPriceSchema = TokenPricesSchema.extend({
    /**
     * Long-prompt tier: a call whose prompt (all input tokens, cached included) exceeds `aboveInputTokens`
     * is billed at `prices` for every token, output included. `prices: null` means "not known above
     * that size": such calls get no cost.
     */
    longPrompt: schemas/* object */.Ikc({ aboveInputTokens: schemas/* number */.aig().int().positive(), prices: TokenPricesSchema.nullable() })
        .strict()
        .optional(),
}).strict();
/** `provider:model` → price, the shape of the `prices` section of the configuration. */
const PriceOverridesSchema = schemas/* record */.g1P(schemas/* string */.YjP().refine((key) => {
    try {
        (0,model_spec/* parseModelSpec */.EG)(key);
        return true;
    }
    catch {
        return false;
    }
}, 'must be provider:model, e.g. openai-compatible:qwen3-coder'), ModelPriceSchema);
const anthropic = (input, output, cacheWrite, cacheRead, longPrompt) => ({
    input,
    output,
    cacheWrite,
    cacheRead,
    ...(longPrompt && { longPrompt }),
});
const openai = (input, cacheRead, output, extra = {}) => ({
    input,
    output,
    ...(cacheRead !== undefined && { cacheRead }),
    ...extra,
});
/** Prices known up to 272K prompt tokens only (OpenAI bills longer prompts at a higher, model-specific rate). */
const unknownAbove272k = { longPrompt: { aboveInputTokens: 272_000, prices: null } };
/** Built-in prices, keyed `provider:model` with the provider's canonical model id (no date suffix). */
const BUILT_IN_PRICES = {
    // Anthropic: input, output, 5-minute cache write, cache read.
    'anthropic:claude-fable-5-1': anthropic(10, 50, 12.5, 0.25),
    'anthropic:claude-fable-5': anthropic(10, 50, 12.5, 1),
    'anthropic:claude-opus-5-5': anthropic(4, 20, 5, 0.2),
    'anthropic:claude-opus-5': anthropic(5, 25, 6.25, 0.5),
    'anthropic:claude-opus-4-8': anthropic(5, 25, 6.25, 0.5),
    'anthropic:claude-opus-4-7': anthropic(5, 25, 6.25, 0.5),
    'anthropic:claude-opus-4-6': anthropic(5, 25, 6.25, 0.5),
    'anthropic:claude-opus-4-5': anthropic(5, 25, 6.25, 0.5),
    'anthropic:claude-opus-4-1': anthropic(15, 75, 18.75, 1.5),
    'anthropic:claude-opus-4-0': anthropic(15, 75, 18.75, 1.5),
    'anthropic:claude-opus-4': anthropic(15, 75, 18.75, 1.5),
    // Sonnet 5.5 cache reads: $0.10 since 2026-10-07 (was $0.20).
    'anthropic:claude-sonnet-5-5': anthropic(2, 10, 2.5, 0.1),
    'anthropic:claude-sonnet-5': anthropic(2, 10, 2.5, 0.2),
    'anthropic:claude-sonnet-4-6': anthropic(3, 15, 3.75, 0.3),
    // Sonnet 4.5 and 4 bill prompts above 200K tokens (1M context) at the long-context rate.
    'anthropic:claude-sonnet-4-5': anthropic(3, 15, 3.75, 0.3, {
        aboveInputTokens: 200_000,
        prices: { input: 6, output: 22.5, cacheWrite: 7.5, cacheRead: 0.6 },
    }),
    'anthropic:claude-sonnet-4-0': anthropic(3, 15, 3.75, 0.3, {
        aboveInputTokens: 200_000,
        prices: { input: 6, output: 22.5, cacheWrite: 7.5, cacheRead: 0.6 },
    }),
    'anthropic:claude-sonnet-4': anthropic(3, 15, 3.75, 0.3, {
        aboveInputTokens: 200_000,
        prices: { input: 6, output: 22.5, cacheWrite: 7.5, cacheRead: 0.6 },
    }),
    // Haiku 5.5 is priced by prompt length: up to 100K tokens, and above.
    'anthropic:claude-haiku-5-5': anthropic(0.1, 0.5, 0.125, 0.01, {
        aboveInputTokens: 100_000,
        prices: { input: 0.5, output: 2.5, cacheWrite: 0.625, cacheRead: 0.05 },
    }),
    'anthropic:claude-haiku-4-5': anthropic(1, 5, 1.25, 0.1),
    'anthropic:claude-3-haiku': anthropic(0.25, 1.25, 0.3, 0.03),
    // OpenAI: input, cached input, output (+ cache writes where published).
    'openai:gpt-6-astra': openai(10, 1, 50, { cacheWrite: 12.5, ...unknownAbove272k }),
    'openai:gpt-6.1-sol': openai(2, 0.1, 10, {
        longPrompt: { aboveInputTokens: 272_000, prices: { input: 4, cacheRead: 0.2, output: 15 } },
    }),
    'openai:gpt-6-sol': openai(2, 0.2, 10, {
        cacheWrite: 2.5,
        longPrompt: { aboveInputTokens: 272_000, prices: { input: 4, cacheRead: 0.4, output: 15 } },
    }),
    'openai:gpt-6-luna': openai(0.1, 0.01, 0.5, {
        cacheWrite: 0.125,
        longPrompt: { aboveInputTokens: 272_000, prices: { input: 0.2, cacheRead: 0.02, output: 0.75 } },
    }),
    'openai:gpt-6.1-terra': openai(1, undefined, 5, unknownAbove272k),
    'openai:gpt-5.6-sol': openai(4, 0.4, 20, unknownAbove272k),
    'openai:gpt-5.6': openai(4, 0.4, 20, unknownAbove272k),
    'openai:gpt-5.6-terra': openai(2, 0.2, 12, unknownAbove272k),
    'openai:gpt-5.6-luna': openai(0.2, 0.02, 1.2, unknownAbove272k),
    'openai:gpt-5.4': openai(2.5, 0.25, 15, unknownAbove272k),
    'openai:gpt-5.4-mini': openai(0.75, 0.075, 4.5),
    'openai:gpt-5.1': openai(1.25, 0.125, 10),
    'openai:gpt-5': openai(1.25, 0.125, 10),
    'openai:gpt-5-mini': openai(0.25, 0.025, 2),
    'openai:gpt-5-nano': openai(0.05, 0.005, 0.4),
    'openai:gpt-4.1': openai(2, 0.5, 8),
    'openai:gpt-4.1-mini': openai(0.4, 0.1, 1.6),
    'openai:gpt-4.1-nano': openai(0.1, 0.025, 0.4),
    'openai:gpt-4o': openai(2.5, 1.25, 10),
    'openai:gpt-4o-2024-05-13': openai(5, undefined, 15),
    'openai:gpt-4o-mini': openai(0.15, 0.075, 0.6),
    'openai:o3': openai(2, 0.5, 8),
    'openai:o4-mini': openai(1.1, 0.275, 4.4),
};
class PriceTable {
    #entries;
    /** `overrides` (from the configuration) win over the built-in entries with the same key. */
    constructor(overrides = {}, builtIn = BUILT_IN_PRICES) {
        this.#entries = new Map(Object.entries(builtIn));
        for (const [key, price] of Object.entries(overrides)) {
            this.#entries.set((0,model_spec/* formatModelSpec */.An)((0,model_spec/* parseModelSpec */.EG)(key)), ModelPriceSchema.parse(price));
        }
    }
    /**
     * The price of `spec`, or undefined. Tries the exact `provider:model`, then (for `anthropic` and
     * `openai`) the id without a date snapshot suffix (`-20250929`, `-2025-08-07`) or `-latest`, so
     * that dated snapshots find their family's price. An exact configured or built-in entry for a
     * snapshot (e.g. `openai:gpt-4o-2024-05-13`) wins over its family.
     */
    lookup(spec) {
        const parsed = typeof spec === 'string' ? (0,model_spec/* parseModelSpec */.EG)(spec) : spec;
        const exact = this.#entries.get((0,model_spec/* formatModelSpec */.An)(parsed));
        if (exact || parsed.provider === 'openai-compatible')
            return exact;
        const base = parsed.model.replace(/-(\d{8}|\d{4}-\d{2}-\d{2}|latest)$/, '');
        return base === parsed.model ? undefined : this.#entries.get(`${parsed.provider}:${base}`);
    }
    /** USD cost of one call, or null when any part of it has no known price. */
    cost(spec, tokens) {
        const price = this.lookup(spec);
        return price ? costOf(price, tokens) : null;
    }
}
/**
 * The `prices` section of `.github/ensemble.yml` (src/contracts/config.ts) as price-table overrides.
 * There, `cache-read`/`cache-write: null` means "the provider does not bill them separately", so such
 * tokens are priced as ordinary input.
 */
function priceOverridesFromConfig(prices) {
    const out = {};
    for (const [key, p] of Object.entries(prices)) {
        out[key] = {
            input: p.input,
            output: p.output,
            cacheRead: p['cache-read'] ?? p.input,
            cacheWrite: p['cache-write'] ?? p.input,
        };
    }
    return out;
}
/** USD cost of one call at `price`, or null when a token kind it used has no known price. */
function costOf(price, tokens) {
    const { inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens } = tokens;
    let prices = price;
    if (price.longPrompt && inputTokens > price.longPrompt.aboveInputTokens)
        prices = price.longPrompt.prices;
    if (!prices)
        return null;
    const uncached = inputTokens - cacheReadTokens - cacheWriteTokens;
    if (uncached < 0)
        return null; // inconsistent counts: refuse to price rather than guess
    if (cacheReadTokens > 0 && prices.cacheRead === undefined)
        return null;
    if (cacheWriteTokens > 0 && prices.cacheWrite === undefined)
        return null;
    const micro = uncached * prices.input +
        outputTokens * prices.output +
        cacheReadTokens * (prices.cacheRead ?? 0) +
        cacheWriteTokens * (prices.cacheWrite ?? 0);
    return micro / 1_000_000;
}

;// CONCATENATED MODULE: ./lib/model/ledger.js



class UsageLedger {
    #prices;
    #calls;
    #round;
    constructor(prices = new PriceTable(), shared) {
        this.#prices = prices;
        this.#calls = shared?.calls ?? [];
        this.#round = shared?.round ?? 0;
    }
    /**
     * The same ledger as fix round `round` sees it: its calls are recorded into the run's ledger,
     * and its totals and `toUsage` count only that round's calls, so that the re-test and re-review
     * of a round carry their own usage rather than the run's first pass's again. `runTotals` counts all.
     */
    forRound(round) {
        return new UsageLedger(this.#prices, { calls: this.#calls, round });
    }
    /** Totals of every call of the run, whatever round recorded it: the run's budget is checked against these. */
    runTotals() {
        return totalsOf(this.#calls);
    }
    /** Records one model call and returns the stored record (with its cost). */
    record(call) {
        const spec = typeof call.model === 'string' ? (0,model_spec/* parseModelSpec */.EG)(call.model) : call.model;
        const tokens = {
            inputTokens: count(call.inputTokens, 'inputTokens'),
            outputTokens: count(call.outputTokens, 'outputTokens'),
            cacheReadTokens: count(call.cacheReadTokens, 'cacheReadTokens'),
            cacheWriteTokens: count(call.cacheWriteTokens, 'cacheWriteTokens'),
        };
        const record = {
            stage: call.stage,
            round: this.#round,
            agent: call.agent ?? null,
            model: (0,model_spec/* formatModelSpec */.An)(spec),
            ...tokens,
            durationMs: Math.max(0, call.durationMs),
            costUsd: this.#prices.cost(spec, tokens),
        };
        this.#calls.push(record);
        return record;
    }
    /** Every call, or a stage's calls (or one agent's of that stage), in order. */
    calls(stage, agent) {
        return this.#calls.filter((c) => c.round === this.#round &&
            (stage === undefined || c.stage === stage) &&
            (agent === undefined || c.agent === agent));
    }
    /** Stages that recorded at least one call, in first-use order. */
    stages() {
        return [...new Set(this.#calls.map((c) => c.stage))];
    }
    /** Totals of a stage (or of one of its agents), or of this round's calls when `stage` is undefined. */
    totals(stage, agent) {
        return totalsOf(this.calls(stage, agent));
    }
    /**
     * The contract `Usage` of a stage (or of the run): `model` is the `provider:model` used, several
     * joined with ", "; `costUsd` is null whenever any call's price is unknown. A stage with no calls
     * (publish) cost nothing: `costUsd` 0.
     */
    toUsage(stage, agent) {
        const t = this.totals(stage, agent);
        if (t.calls === 0)
            return (0,common/* noModelUsage */.wQ)();
        return {
            model: t.models.join(', '),
            calls: t.calls,
            inputTokens: t.inputTokens,
            outputTokens: t.outputTokens,
            cacheReadTokens: t.cacheReadTokens,
            cacheWriteTokens: t.cacheWriteTokens,
            costUsd: t.costUsd,
            durationMs: Math.round(t.durationMs),
        };
    }
}
/**
 * The ledger's token counts from the AI SDK's `LanguageModelUsage` (v7: `inputTokens` is the whole
 * prompt, `inputTokenDetails.{noCacheTokens,cacheReadTokens,cacheWriteTokens}` split it; Anthropic's
 * `cache_read_input_tokens`/`cache_creation_input_tokens` and OpenAI's
 * `prompt_tokens_details.cached_tokens` land there). Missing counts are 0.
 */
function tokensFromAiSdkUsage(usage) {
    const details = usage?.inputTokenDetails;
    const cacheReadTokens = details?.cacheReadTokens ?? 0;
    const cacheWriteTokens = details?.cacheWriteTokens ?? 0;
    const inputTokens = usage?.inputTokens ??
        (details?.noCacheTokens !== undefined ? details.noCacheTokens + cacheReadTokens + cacheWriteTokens : 0);
    return {
        inputTokens,
        outputTokens: usage?.outputTokens ?? 0,
        cacheReadTokens,
        cacheWriteTokens,
    };
}
function count(value, name) {
    if (!Number.isFinite(value) || value < 0)
        throw new RangeError(`${name} must be a non-negative number, got ${value}`);
    return Math.round(value);
}
/** Micro-dollar precision: keeps float noise (0.30000000000000004) out of artifacts. */
function roundUsd(value) {
    return Math.round(value * 1e6) / 1e6;
}
function totalsOf(calls) {
    const totals = {
        calls: 0,
        inputTokens: 0,
        outputTokens: 0,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        durationMs: 0,
        costUsd: 0,
        models: [],
    };
    for (const call of calls) {
        totals.calls++;
        totals.inputTokens += call.inputTokens;
        totals.outputTokens += call.outputTokens;
        totals.cacheReadTokens += call.cacheReadTokens;
        totals.cacheWriteTokens += call.cacheWriteTokens;
        totals.durationMs += call.durationMs;
        totals.costUsd = totals.costUsd === null || call.costUsd === null ? null : totals.costUsd + call.costUsd;
        if (!totals.models.includes(call.model))
            totals.models.push(call.model);
    }
    if (totals.costUsd !== null)
        totals.costUsd = roundUsd(totals.costUsd);
    return totals;
}

// EXTERNAL MODULE: ./lib/model/errors.js
var errors = __webpack_require__(73434);
;// CONCATENATED MODULE: ./lib/model/breaker.js

/** Calls failing in a row, each after its retries, that open the circuit. */
const CIRCUIT_THRESHOLD = 3;
/** The provider failed too often in a row during this run: no more calls are made to it. */
class ModelCircuitOpenError extends errors/* ModelError */.me {
    name = 'ModelCircuitOpenError';
    constructor(provider, failures, last) {
        const why = failures === 1 ? `the ${provider} account is out of credit or quota` : `${failures} calls in a row failed`;
        super(provider, `${why} (the last: ${last}); ensemble makes no more calls to ${provider} in this run. ` +
            'Check the provider status page or the base URL, then run the stage again');
    }
}
/** Failures that say the provider, not this one request, is the problem. */
function providerFailure(error) {
    if (error instanceof errors/* ModelSpendLimitError */.tG)
        return 'open';
    if (error instanceof errors/* ModelAuthError */.y3)
        return 'count';
    if (error instanceof errors/* ModelRequestError */.jc)
        return error.reason === 'http' ? 'ignore' : 'count';
    return 'ignore';
}
/** `inner` behind a breaker shared by every call made through the returned fetch. */
function withCircuitBreaker(provider, inner, threshold = CIRCUIT_THRESHOLD) {
    let failures = 0;
    let open = null;
    return async (input, init) => {
        if (open)
            throw open;
        try {
            const response = await inner(input, init);
            failures = 0;
            return response;
        }
        catch (error) {
            const modelError = (0,errors/* findModelError */.X2)(error);
            const kind = modelError ? providerFailure(modelError) : 'ignore';
            if (kind === 'ignore' || !modelError)
                throw error;
            failures = kind === 'open' ? Math.max(failures, threshold) : failures + 1;
            if (failures >= threshold)
                open = new ModelCircuitOpenError(provider, kind === 'open' ? 1 : failures, modelError.message);
            throw error;
        }
    };
}

// EXTERNAL MODULE: ./lib/model/keys.js
var model_keys = __webpack_require__(61261);
;// CONCATENATED MODULE: ./lib/model/providers.js


/** Creates the AI SDK language model for `spec` (`provider:model` text or a parsed spec). */
async function createLanguageModel(spec, options = {}) {
    const { provider, model } = typeof spec === 'string' ? (0,model_spec/* parseModelSpec */.EG)(spec) : spec;
    const baseURL = checkBaseUrl(provider, options.baseUrl);
    const apiKey = options.apiKey?.trim() || undefined;
    // Always pass the key explicitly: the provider packages would otherwise read ANTHROPIC_API_KEY /
    // OPENAI_API_KEY from the environment, which has been scrubbed by then (keys.ts).
    if (!apiKey && provider !== 'openai-compatible') {
        throw new errors/* ModelConfigError */.uJ(provider, `no API key for ${provider}: resolve one with resolveApiKey() and pass it as apiKey`);
    }
    const common = {
        ...(baseURL !== undefined && { baseURL }),
        ...(options.fetch !== undefined && { fetch: options.fetch }),
        ...(options.headers !== undefined && { headers: options.headers }),
    };
    switch (provider) {
        case 'anthropic': {
            const { createAnthropic } = await Promise.all(/* import() */[__webpack_require__.e(9415), __webpack_require__.e(8372), __webpack_require__.e(6644)]).then(__webpack_require__.bind(__webpack_require__, 96644));
            return createAnthropic({ ...common, apiKey }).messages(model);
        }
        case 'openai': {
            const { createOpenAI } = await Promise.all(/* import() */[__webpack_require__.e(9415), __webpack_require__.e(8372), __webpack_require__.e(3436)]).then(__webpack_require__.bind(__webpack_require__, 33436));
            return createOpenAI({ ...common, apiKey }).chat(model);
        }
        case 'openai-compatible': {
            const { createOpenAICompatible } = await Promise.all(/* import() */[__webpack_require__.e(9415), __webpack_require__.e(7703)]).then(__webpack_require__.bind(__webpack_require__, 57703));
            return createOpenAICompatible({
                ...common,
                baseURL: baseURL,
                name: 'openai-compatible',
                ...(apiKey !== undefined && { apiKey }),
                // Ask for the final usage chunk when streaming (`stream_options.include_usage`); without it
                // streamed calls report no tokens and the ledger could not count them.
                includeUsage: true,
            }).chatModel(model);
        }
    }
}
function checkBaseUrl(provider, baseUrl) {
    const trimmed = baseUrl?.trim();
    if (!trimmed) {
        if (provider === 'openai-compatible') {
            throw new errors/* ModelConfigError */.uJ(provider, 'openai-compatible models need a base URL: set base-url (e.g. ' +
                'http://localhost:11434/v1 for Ollama, https://gateway.example.com/v1)');
        }
        return undefined;
    }
    let url;
    try {
        url = new URL(trimmed);
    }
    catch {
        throw new errors/* ModelConfigError */.uJ(provider, `base-url "${trimmed}" is not a URL: write it like https://host/v1`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new errors/* ModelConfigError */.uJ(provider, `base-url "${trimmed}" must start with http:// or https://`);
    }
    if (url.username || url.password) {
        throw new errors/* ModelConfigError */.uJ(provider, `base-url must not contain credentials: pass the key as the api-key input instead`);
    }
    return trimmed.replace(/\/+$/, '');
}

;// CONCATENATED MODULE: ./lib/model/retry.js
/**
 * The one place model calls are retried: a `fetch` wrapper handed to the AI SDK providers
 * (`createLanguageModel(spec, { fetch: createRetryingFetch(...) })`).
 *
 * The AI SDK retries on its own too (`maxRetries`, default 2). Both layers together would multiply
 * attempts (6 × 3) and ignore each other's backoff, so callers pass `maxRetries: 0` to
 * `generateText`/`streamText` and let this wrapper decide:
 *
 * - retried: HTTP 408, 409, 429, 5xx (Anthropic's 529 included), connection refused/reset/dropped,
 *   the per-call timeout, and a 2xx whose body is not valid JSON (a truncated proxy response);
 *   `x-should-retry: true|false` from the server overrides the status rule;
 * - waiting: `retry-after-ms`, else `retry-after` (seconds or an HTTP date), else exponential backoff
 *   with jitter; a `retry-after` longer than `maxRetryAfterMs` fails at once with a message saying so;
 * - stopped at once: 401/403 ({@link ModelAuthError}), spend limit or quota ({@link ModelSpendLimitError}),
 *   other 4xx ({@link ModelRequestError} with reason `http`), and the caller's own abort signal (its
 *   abort reason is rethrown unchanged, so budgets and wall-time limits end the call immediately).
 *
 * Non-streaming bodies are read inside the attempt, under its timeout, so a connection dropped halfway
 * through a body is retried like one dropped before the headers. `text/event-stream` responses are
 * handed over as soon as the headers arrive (a stream cannot be replayed); the timeout then covers
 * the wait for the headers only.
 */

const RETRY_DEFAULTS = {
    maxAttempts: 6,
    timeoutMs: 600_000,
    baseDelayMs: 1_000,
    maxDelayMs: 30_000,
    maxRetryAfterMs: 120_000,
};
/** Statuses the official Anthropic and OpenAI SDKs retry, plus every 5xx. */
function isRetryableStatus(status) {
    return status === 408 || status === 409 || status === 429 || status >= 500;
}
/** Whether to retry a failed response: as the server's `x-should-retry: true|false` says, else by the status. */
function isRetryableResponse(status, shouldRetry) {
    if (shouldRetry === 'true')
        return true;
    if (shouldRetry === 'false')
        return false;
    return isRetryableStatus(status);
}
function createRetryingFetch(options) {
    const provider = options.provider;
    const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? RETRY_DEFAULTS.maxAttempts));
    const timeoutMs = options.timeoutMs ?? RETRY_DEFAULTS.timeoutMs;
    const baseDelayMs = options.baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs;
    const maxDelayMs = options.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs;
    const maxRetryAfterMs = options.maxRetryAfterMs ?? RETRY_DEFAULTS.maxRetryAfterMs;
    const sleep = options.sleep ?? abortableSleep;
    const random = options.random ?? Math.random;
    const now = options.now ?? Date.now;
    async function attemptOnce(input, init, callerSignal) {
        const baseFetch = options.fetch ?? globalThis.fetch;
        const controller = new AbortController();
        let timedOut = false;
        const timer = timeoutMs > 0 && Number.isFinite(timeoutMs)
            ? setTimeout(() => {
                timedOut = true;
                controller.abort(new DOMException(`per-call timeout of ${timeoutMs} ms exceeded`, 'TimeoutError'));
            }, timeoutMs)
            : undefined;
        const signal = callerSignal ? AbortSignal.any([callerSignal, controller.signal]) : controller.signal;
        try {
            const request = input instanceof Request ? input.clone() : input;
            const response = await baseFetch(request, { ...init, signal });
            if (response.ok && isEventStream(response))
                return { kind: 'response', response };
            const body = new Uint8Array(await response.arrayBuffer());
            return classify(response, body);
        }
        catch (error) {
            if (callerSignal?.aborted)
                return { kind: 'fatal', error: callerSignal.reason ?? error };
            if (timedOut) {
                return {
                    kind: 'retry',
                    failure: {
                        reason: 'timeout',
                        message: `no complete response within the per-call timeout of ${timeoutMs} ms`,
                        lastError: error,
                    },
                };
            }
            if (isNetworkError(error)) {
                return {
                    kind: 'retry',
                    failure: { reason: 'network', message: `connection error (${describeError(error)})`, lastError: error },
                };
            }
            return { kind: 'fatal', error };
        }
        finally {
            clearTimeout(timer);
        }
    }
    function classify(response, body) {
        const status = response.status;
        const text = new TextDecoder().decode(body);
        if (response.ok) {
            if (text.trim() !== '' && !isJson(text)) {
                return {
                    kind: 'retry',
                    failure: {
                        reason: 'malformed-response',
                        status,
                        message: `HTTP ${status} body is not valid JSON (${snippet(text)})`,
                        responseBody: text,
                    },
                };
            }
            const headers = new Headers(response.headers);
            headers.delete('content-encoding');
            headers.delete('content-length');
            return { kind: 'response', response: new Response(body, { status, statusText: response.statusText, headers }) };
        }
        const info = parseErrorBody(text);
        const detail = describeHttp(status, info, text);
        if (isSpendLimit(status, info))
            return { kind: 'fatal', error: new errors/* ModelSpendLimitError */.tG(provider, status, detail) };
        if (status === 401 || status === 403)
            return { kind: 'fatal', error: new errors/* ModelAuthError */.y3(provider, status, detail) };
        if (!isRetryableResponse(status, response.headers.get('x-should-retry'))) {
            return {
                kind: 'fatal',
                error: new errors/* ModelRequestError */.jc(provider, `${provider} request failed: HTTP ${status} ${detail} (not retried)`, {
                    reason: 'http',
                    status,
                    attempts: 1,
                    responseBody: text,
                }),
            };
        }
        return {
            kind: 'retry',
            failure: {
                reason: 'http',
                status,
                message: `HTTP ${status} ${detail}`,
                retryAfterMs: parseRetryAfter(response.headers, now()),
                responseBody: text,
            },
        };
    }
    function exhausted(failure, attempts) {
        const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
        const reason = failure.reason === 'http' ? 'http-retries-exhausted' : failure.reason;
        const message = failure.reason === 'timeout'
            ? `${provider} request timed out after ${tries}: ${failure.message}`
            : `${provider} request failed after ${tries}: ${failure.message}`;
        return new errors/* ModelRequestError */.jc(provider, message, {
            reason,
            status: failure.status,
            attempts,
            lastError: failure.lastError,
            responseBody: failure.responseBody,
        });
    }
    return async function retryingFetch(input, init) {
        const callerSignal = init?.signal ?? (input instanceof Request ? input.signal : undefined) ?? undefined;
        // A streamed request body cannot be sent twice.
        const attemptsAllowed = isReplayable(init?.body) ? maxAttempts : 1;
        for (let attempt = 1;; attempt++) {
            if (callerSignal?.aborted)
                throw callerSignal.reason;
            const outcome = await attemptOnce(input, init, callerSignal);
            if (outcome.kind === 'response')
                return outcome.response;
            if (outcome.kind === 'fatal') {
                const error = outcome.error;
                if (error instanceof errors/* ModelRequestError */.jc && error.attempts !== attempt) {
                    throw new errors/* ModelRequestError */.jc(provider, error.message, {
                        reason: error.reason,
                        status: error.status,
                        attempts: attempt,
                        responseBody: error.responseBody,
                    });
                }
                throw error;
            }
            const failure = outcome.failure;
            if (attempt >= attemptsAllowed)
                throw exhausted(failure, attempt);
            let delayMs;
            const fromRetryAfter = failure.retryAfterMs !== undefined;
            if (failure.retryAfterMs !== undefined) {
                if (failure.retryAfterMs > maxRetryAfterMs) {
                    throw new errors/* ModelRequestError */.jc(provider, `${provider} asked to retry after ${seconds(failure.retryAfterMs)} s (${failure.message}), ` +
                        `longer than the ${seconds(maxRetryAfterMs)} s this run waits; not retried`, {
                        reason: 'retry-after-too-long',
                        status: failure.status,
                        attempts: attempt,
                        responseBody: failure.responseBody,
                    });
                }
                delayMs = failure.retryAfterMs;
            }
            else {
                delayMs = Math.round(Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * (1 - 0.25 * random()));
            }
            options.onRetry?.({
                provider,
                attempt,
                maxAttempts: attemptsAllowed,
                delayMs,
                fromRetryAfter,
                reason: failure.reason,
                ...(failure.status !== undefined && { status: failure.status }),
                message: failure.message,
            });
            await sleep(delayMs, callerSignal);
        }
    };
}
/** `retry-after-ms` (milliseconds), else `retry-after` (seconds, or an HTTP date relative to `nowMs`). */
function parseRetryAfter(headers, nowMs) {
    const ms = headers.get('retry-after-ms')?.trim();
    if (ms && /^\d+(\.\d+)?$/.test(ms))
        return Math.ceil(Number(ms));
    const value = headers.get('retry-after')?.trim();
    if (!value)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(value))
        return Math.ceil(Number(value) * 1000);
    // An HTTP date ("Sat, 21 Nov 2026 12:00:30 GMT"); Date.parse alone would read "-3" as a year.
    const date = /[a-z]{3}/i.test(value) ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - nowMs);
}
/**
 * Reads both error shapes: OpenAI `{error:{message,type,code}}` and Anthropic
 * `{type:'error',error:{type,message}}`.
 */
function parseErrorBody(text) {
    try {
        const data = JSON.parse(text);
        const error = isRecord(data) && isRecord(data['error']) ? data['error'] : undefined;
        if (error) {
            const str = (v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
            return { type: str(error['type']), code: str(error['code']), message: str(error['message']) ?? '' };
        }
        if (isRecord(data) && typeof data['message'] === 'string')
            return { message: data['message'] };
    }
    catch {
        // not JSON: a proxy's HTML page or plain text
    }
    return { message: '' };
}
function describeHttp(status, info, text) {
    const kind = [info.type, info.code].filter((v, i, all) => v && all.indexOf(v) === i).join('/');
    const message = info.message || (text.trim() ? snippet(text) : '');
    const parts = [kind, message].filter(Boolean).join(': ');
    return parts || (status >= 500 ? 'server error' : 'no error details');
}
/**
 * OpenAI: `insufficient_quota` (429). Anthropic: "Your credit balance is too low…" (400),
 * `billing_error` (402), workspace "usage limits" (400). Gateways: 402 Payment Required.
 * A plain 429 rate limit is not a spend limit: it is retried.
 */
/** What a provider's error message says when the account is out of credit or over its spend limit. */
const SPEND_LIMIT_MESSAGE = /credit balance|billing|spend(ing)? limit|usage limits|exceeded your current quota|insufficient[ _]quota/i;
function isSpendLimit(status, info) {
    const kind = `${info.type ?? ''} ${info.code ?? ''}`.toLowerCase();
    if (/insufficient_quota|billing|credit/.test(kind))
        return true;
    if (status === 402)
        return true;
    if (status === 400 || status === 403 || status === 429)
        return SPEND_LIMIT_MESSAGE.test(info.message);
    return false;
}
function isEventStream(response) {
    return (response.headers.get('content-type') ?? '').toLowerCase().includes('text/event-stream');
}
function isReplayable(body) {
    return (body == null ||
        typeof body === 'string' ||
        body instanceof ArrayBuffer ||
        ArrayBuffer.isView(body) ||
        body instanceof Blob ||
        body instanceof URLSearchParams ||
        body instanceof FormData);
}
const NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'ETIMEDOUT',
    'EPIPE',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'UND_ERR_SOCKET',
    'UND_ERR_CLOSED',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
]);
/**
 * undici reports transport failures as `TypeError('fetch failed')` (or 'terminated' mid-body) with
 * the cause chained.
 */
function isNetworkError(error) {
    if (error instanceof errors/* ModelError */.me)
        return false;
    if (error instanceof TypeError && /fetch failed|terminated|network/i.test(error.message))
        return true;
    for (let e = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
        const code = e.code;
        if (typeof code === 'string' && NETWORK_CODES.has(code))
            return true;
    }
    return false;
}
function describeError(error) {
    const parts = [];
    for (let e = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
        const code = e.code;
        parts.push(typeof code === 'string' ? `${e.message} [${code}]` : e.message);
    }
    return parts.join(': ') || String(error);
}
function abortableSleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
function isJson(text) {
    try {
        JSON.parse(text);
        return true;
    }
    catch {
        return false;
    }
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
// Not `clip`: the body is flattened to one line, and `max` counts the characters kept before the `…`.
function snippet(text, max = 200) {
    const oneLine = text.replace(/\s+/g, ' ').trim();
    return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
function seconds(ms) {
    return String(Math.round(ms / 100) / 10);
}

;// CONCATENATED MODULE: ./lib/model/session.js





/**
 * Resolves the key of every provider the run will use, then removes every credential from the
 * environment, before any child process can start (docs/design.md §3.3): agents that run commands
 * must find nothing to steal. Keys live on only inside the provider clients.
 */
function openModelSession(specs, options = {}) {
    const env = options.env ?? process.env;
    const keys = new Map();
    for (const spec of specs) {
        if (!keys.has(spec.provider))
            keys.set(spec.provider, (0,model_keys/* resolveApiKey */.kv)(spec.provider, { explicit: options.apiKey ?? null, env }).apiKey);
    }
    const removedCredentials = (0,model_keys/* scrubCredentials */.Q8)(env);
    const models = new Map();
    // One breaker per provider: an outage seen by one agent spares the others their retries.
    const fetches = new Map();
    const fetchFor = (provider) => {
        let fetch = fetches.get(provider);
        if (!fetch) {
            fetch = withCircuitBreaker(provider, createRetryingFetch({ provider, ...options.retry }));
            fetches.set(provider, fetch);
        }
        return fetch;
    };
    return {
        removedCredentials,
        model(spec) {
            const name = (0,model_spec/* formatModelSpec */.An)(spec);
            let model = models.get(name);
            if (!model) {
                if (!keys.has(spec.provider))
                    throw new Error(`${name} was not declared when the model session opened; its key can no longer be read`);
                const apiKey = keys.get(spec.provider);
                model = createLanguageModel(spec, {
                    ...(apiKey !== undefined && { apiKey }),
                    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
                    fetch: fetchFor(spec.provider),
                });
                models.set(name, model);
            }
            return model;
        },
    };
}

// EXTERNAL MODULE: ./lib/secrets/scan.js
var scan = __webpack_require__(51512);
// EXTERNAL MODULE: ./lib/stages/context.js + 2 modules
var context = __webpack_require__(65225);
// EXTERNAL MODULE: ./lib/stages/setup.js
var setup = __webpack_require__(4406);
// EXTERNAL MODULE: ./lib/util/errors.js
var util_errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/workspace/index.js + 2 modules
var workspace = __webpack_require__(30514);
// EXTERNAL MODULE: ./lib/pipeline/identity.js
var identity = __webpack_require__(77918);
;// CONCATENATED MODULE: ./lib/pipeline/session.js















/**
 * The top level of the git checkout that contains `dir` (found on disk, without starting git:
 * nothing may run before the model keys have left the environment), or `dir` when there is none.
 */
function repositoryRoot(dir) {
    let current = (0,external_node_path_.resolve)(dir);
    for (;;) {
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(current, '.git')))
            return current;
        const parent = (0,external_node_path_.dirname)(current);
        if (parent === current)
            return (0,external_node_path_.resolve)(dir);
        current = parent;
    }
}
/** The configuration file: the one the user named (relative to the repository), else the conventional location. */
function configPath(repoDir, configFile) {
    if (!configFile)
        return (0,external_node_path_.join)(repoDir, '.github/ensemble.yml');
    return (0,external_node_path_.isAbsolute)(configFile) ? configFile : (0,external_node_path_.resolve)(repoDir, configFile);
}
/** Reads the configuration (a file the user named must exist) and applies `--model`. */
async function loadRunConfig(repoDir, configFile, model) {
    const file = configPath(repoDir, configFile);
    // A file the user named must exist; the conventional location may be absent (defaults).
    if (configFile && configFile !== load/* DEFAULT_CONFIG_PATH */.Bi && !(0,external_node_fs_.existsSync)(file))
        throw new util_errors/* UserError */.yo(`configuration file ${file} not found`);
    const loaded = await (0,load/* loadConfig */.Z9)(file, (0,external_node_path_.relative)(process.cwd(), file) || file);
    const config = structuredClone(loaded.config);
    if (model) {
        const spec = (0,model_spec/* parseModelSpec */.EG)(model);
        for (const stage of ['default', 'plan', 'code', 'test', 'review', 'docs', 'fix'])
            config.models[stage] = `${spec.provider}:${spec.model}`;
    }
    return { loaded, config };
}
/**
 * Opens the model session for `stages`, which reads the keys and then removes every credential
 * from the environment. Call before any child process that an agent controls can start.
 */
function openModels(config, stages, options) {
    if (options.session)
        return options.session;
    const baseUrl = options.baseUrl ?? config.models['base-url'];
    return openModelSession(stages.map((s) => (0,context/* modelSpecFor */.iW)(config, s)), {
        apiKey: options.apiKey ?? null,
        baseUrl: baseUrl ?? null,
        ...(options.env ? { env: options.env } : {}),
        ...(options.retry ? { retry: options.retry } : {}),
    });
}
/**
 * The stage context of a run, in either runtime: the ledger, the models, the shared agent context
 * (read from a worktree at the base SHA), transcripts into the run directory with every credential
 * this process held blanked, and the command sandbox. Close it to remove the base worktree.
 */
async function openStageSession(input) {
    // Transcripts hold command output: every credential this process held, and every one the
    // checkout holds (remote URLs, extra headers, untracked .env files), is blanked in them and in
    // what agents are shown.
    const secretValues = [
        ...Object.entries(input.session.removedCredentials).map(([name, value]) => ({ name, value })),
        ...(await (0,workspace/* checkoutCredentials */.bb)(input.repoDir)),
    ];
    const secrets = secretValues.map((s) => s.value);
    const redact = (line) => (0,scan/* redactSecrets */.fp)(line, secrets);
    const base = await (0,workspace/* createWorktree */.MV)(input.repoDir, input.run.baseSha, { prefix: 'ensemble-base-' });
    const transcriptsIn = (runDir) => ({
        writer: (agent) => runDir.transcript(agent, redact),
        ...(input.replay ? { replay: input.replay } : {}),
    });
    try {
        // Listed once: the overview, the setup's choice and the planner's list_files all read this checkout.
        const baseFiles = await (0,workspace/* listWorktreeFiles */.lb)(base.dir);
        const ctx = {
            config: input.config,
            run: input.run,
            repoDir: input.repoDir,
            ledger: new UsageLedger(new PriceTable(priceOverridesFromConfig(input.config.prices))),
            model: (stage) => input.session.model((0,context/* modelSpecFor */.iW)(input.config, stage)),
            agentContext: (0,agent_prompt/* buildContextPrefix */.uP)({
                overview: (0,agent_prompt/* repositoryOverview */.sA)(baseFiles),
                instructionFiles: await (0,instructions/* discoverInstructionFiles */.Fq)(base.dir),
            }),
            baseFiles,
            transcripts: transcriptsIn(input.runDir),
            reporter: input.reporter,
            redact: (text) => (0,scan/* redactValues */.se)(text, secrets),
            commands: {
                // Fail closed: commands run only in bubblewrap unless the configuration says `sandbox: none`.
                isolation: input.config.sandbox === 'none' ? 'none' : 'required',
                passThrough: { env: input.config['sandbox-env'], paths: input.config['sandbox-paths'] },
                ...input.commands,
                log: input.commands?.log ?? ((m) => input.reporter.warn(m)),
            },
        };
        // Installed at most once, when first needed: before the plan (`prepareEnvironment`), or by
        // the first worktree of a stage job.
        const environment = (0,setup/* runEnvironment */.t7)(ctx, {
            chooseIn: base.dir,
            ...(input.savedInstall ? { saved: input.savedInstall } : {}),
        });
        ctx.environment = environment;
        const close = async () => {
            await environment.close();
            await (0,workspace/* removeWorktree */.IL)(base);
        };
        const inRound = (round) => {
            const runDir = round === 0 ? input.runDir : input.runDir.round(round);
            const roundCtx = { ...ctx, ledger: ctx.ledger.forRound(round), transcripts: transcriptsIn(runDir) };
            return { ctx: roundCtx, runDir, base, round, inRound, secretValues, close };
        };
        return { ctx, runDir: input.runDir, base, round: 0, inRound, secretValues, close };
    }
    catch (error) {
        await (0,workspace/* removeWorktree */.IL)(base);
        throw error;
    }
}
/**
 * Starts a run: pins the base commit (HEAD of `repoDir`), makes the run identity every document
 * will carry, and opens the stage session on it. The local pipeline, the plan job and the
 * all-in-one job all start here.
 */
async function openRunSession(input) {
    const baseSha = input.baseSha || (await (0,workspace/* pinBase */.D5)(input.repoDir));
    const run = (0,identity/* newRunIdentity */.W)({
        repository: input.repository,
        runId: input.runId,
        request: input.request,
        baseSha,
        configHash: input.loaded.hash,
    });
    return openStageSession({ ...input, run });
}


/***/ })

};
