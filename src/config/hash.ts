import { createHash } from 'node:crypto';
import type { EnsembleConfig } from '../contracts/config.ts';

/** JSON with object keys sorted at every depth (arrays keep their order), so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = sortKeys(item);
    }
    return out;
  }
  return value;
}

/**
 * SHA-256 (hex) of the resolved configuration's canonical JSON. Key order, comments, quoting and
 * spelled-out defaults in the YAML do not change it; any effective value does.
 */
export function configHash(config: EnsembleConfig): string {
  return createHash('sha256').update(canonicalJson(config)).digest('hex');
}
