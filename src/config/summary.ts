import { type Budget, CONFIG_STAGES, DEFAULT_PROTECTED_PATHS } from '../contracts/config.ts';
import type { LoadedConfig } from './load.ts';

function budgetText(budget: Budget): string | null {
  const parts: string[] = [];
  if (budget.tokens !== null) parts.push(`${budget.tokens} tokens`);
  if (budget.usd !== null) parts.push(`$${Number.isInteger(budget.usd * 100) ? budget.usd.toFixed(2) : budget.usd}`);
  return parts.length ? parts.join(', ') : null;
}

/** The sandbox line, when the configuration changes what commands see (the default says nothing). */
function sandboxText(config: LoadedConfig['config']): string | null {
  const parts: string[] = [];
  if (config.sandbox === 'none') parts.push('none: commands run WITHOUT isolation');
  const lists = [
    ['variables to every command', config['sandbox-env'].all],
    ['variables to setup', config['sandbox-env'].setup],
    ['read-only paths to every command', config['sandbox-paths'].all],
    ['read-only paths to setup', config['sandbox-paths'].setup],
  ] as const;
  for (const [what, names] of lists) if (names.length > 0) parts.push(`${what}: ${names.join(', ')}`);
  return parts.length > 0 ? `sandbox: ${parts.join('; ')}` : null;
}

/** What `ensemble validate` prints for a valid configuration: the resolved values a user would check. */
export function summarizeConfig(loaded: LoadedConfig): string {
  const { config } = loaded;
  const lines: string[] = [];
  lines.push(loaded.exists ? `config: ${loaded.file}` : `config: defaults (${loaded.file} not found)`);
  const bots = config.trigger['allowed-bots'];
  lines.push(`trigger: label "${config.trigger.label}"; bots allowed: ${bots.length ? bots.join(', ') : 'none'}`);

  lines.push('models:');
  const width = Math.max(...CONFIG_STAGES.map((s) => s.length));
  for (const stage of CONFIG_STAGES) lines.push(`  ${stage.padEnd(width)}  ${config.models[stage]}`);
  if (config.models['base-url'] !== null) lines.push(`  base URL: ${config.models['base-url']}`);

  const enabled = CONFIG_STAGES.filter((s) => config.stages[s].enabled);
  const disabled = CONFIG_STAGES.filter((s) => !config.stages[s].enabled);
  lines.push(`stages: ${enabled.join(', ')}${disabled.length ? ` (disabled: ${disabled.join(', ')})` : ''}`);
  lines.push(`max tasks: ${config.stages.plan['max-tasks']}`);
  lines.push(`setup: ${config.setup.length ? config.setup.join(' && ') : 'none'}`);
  lines.push(`test command: ${config['test-command'] ?? 'detected'}`);
  lines.push(
    `review: lenses ${config.review.lenses.join(', ')}; blocks on ${config.review['block-on']} or more severe`,
  );
  const rounds = config.stages.fix['max-rounds'];
  lines.push(
    config.stages.fix.enabled && rounds > 0
      ? `fix: up to ${rounds} round${rounds === 1 ? '' : 's'} while the review blocks`
      : 'fix: no fix rounds',
  );
  lines.push(`protected paths: ${config['protected-paths'].length ? config['protected-paths'].join(', ') : 'none'}`);
  // A list of one's own replaces the default one: say what that leaves unprotected.
  const dropped = DEFAULT_PROTECTED_PATHS.filter((p) => !config['protected-paths'].includes(p));
  if (dropped.length > 0) {
    lines.push(
      `  not protected, although protected by default (add them back unless you mean it): ${dropped.join(', ')}`,
    );
  }
  const sandbox = sandboxText(config);
  if (sandbox) lines.push(sandbox);

  const budgets = (['run', ...CONFIG_STAGES] as const)
    .map((scope) => {
      const text = budgetText(config.budgets[scope]);
      return text ? `${scope} ${text}` : null;
    })
    .filter((text): text is string => text !== null);
  lines.push(`budgets: ${budgets.length ? budgets.join('; ') : 'unlimited'}`);
  lines.push(`hash: ${loaded.hash}`);
  return `${lines.join('\n')}\n`;
}
