/**
 * The model layer: specs, keys, providers (lazily loaded), retries, prices and the usage ledger.
 * See providers.ts for how the tool loop wires them together.
 */

export {
  formatModelSpec,
  type ModelSpec,
  ModelSpecError,
  PROVIDERS,
  type Provider,
  parseModelSpec,
} from '../contracts/model-spec.ts';
export {
  findModelError,
  ModelAuthError,
  ModelConfigError,
  ModelError,
  ModelRequestError,
  type ModelRequestFailure,
  ModelSpendLimitError,
} from './errors.ts';
export {
  type Env,
  isCredentialName,
  type ResolveApiKeyOptions,
  type ResolvedApiKey,
  resolveApiKey,
  scrubCredentials,
} from './keys.ts';
export { type CallInput, type CallRecord, tokensFromAiSdkUsage, UsageLedger, type UsageTotals } from './ledger.ts';
export {
  BUILT_IN_PRICES,
  costOf,
  type ModelPrice,
  ModelPriceSchema,
  type PriceOverrides,
  PriceOverridesSchema,
  PriceTable,
  priceOverridesFromConfig,
  type TokenCounts,
  type TokenPrices,
} from './prices.ts';
export { type CreateModelOptions, createLanguageModel, type Model } from './providers.ts';
export {
  createRetryingFetch,
  isRetryableStatus,
  parseRetryAfter,
  RETRY_DEFAULTS,
  type RetryEvent,
  type RetryOptions,
} from './retry.ts';
export { type ModelSession, type OpenModelSessionOptions, openModelSession } from './session.ts';
