/**
 * `configThatCanWait`: the configuration as a run on GitHub can follow it. Only a workflow run on
 * an issue can wait for a person's comment; elsewhere the planner does not ask, and a configuration
 * that wants every plan approved is refused.
 */
import { describe, expect, test } from 'vitest';
import { defaultConfig, type EnsembleConfig } from '../../../src/contracts/config.ts';
import { configThatCanWait } from '../../../src/runtime/actions/plan.ts';
import { UserError } from '../../../src/util/errors.ts';
import { validRequest } from '../../support/documents.ts';

const ISSUE = validRequest();
const PROMPT = validRequest({ source: 'prompt', issue: null });

function config(gates: Partial<EnsembleConfig['gates']> = {}): EnsembleConfig {
  const base = defaultConfig();
  return { ...base, gates: { ...base.gates, ...gates } };
}

function core() {
  const infos: string[] = [];
  return { infos, core: { info: (line: string) => infos.push(line) } };
}

describe('configThatCanWait', () => {
  test('a workflow run on an issue keeps the configuration as it is, approval and questions too', () => {
    const { infos, core: c } = core();
    const asIs = config({ questions: 'always', approval: 'comment' });
    expect(configThatCanWait(asIs, ISSUE, 'workflow', c)).toBe(asIs);
    expect(infos).toEqual([]);
  });

  test('a run from a prompt: the planner does not ask, and says why', () => {
    const { infos, core: c } = core();
    const ran = configThatCanWait(config({ questions: 'when-unclear' }), PROMPT, 'workflow', c);
    expect(ran.gates.questions).toBe('never');
    expect(infos.join('\n')).toContain('a run from a prompt, which has no issue to wait in');
  });

  test('a run from a prompt with approval: comment or questions: always is refused, naming gates.approval', () => {
    for (const gates of [{ approval: 'comment' as const }, { questions: 'always' as const }]) {
      const call = () => configThatCanWait(config(gates), PROMPT, 'workflow', core().core);
      expect(call).toThrow(UserError);
      expect(call).toThrow(/gates\.approval: comment.*a run from a prompt.*gates\.approval: none/);
    }
  });

  test('the all-in-one action follows the same rules, even on an issue', () => {
    const { infos, core: c } = core();
    expect(configThatCanWait(config(), ISSUE, 'all-in-one', c).gates.questions).toBe('never');
    expect(infos.join('\n')).toContain('the all-in-one action, which no comment can continue');
    const call = () => configThatCanWait(config({ approval: 'comment' }), ISSUE, 'all-in-one', core().core);
    expect(call).toThrow(UserError);
    expect(call).toThrow(/gates\.approval: comment.*the all-in-one action/);
  });

  test('questions already never: unchanged, with nothing logged', () => {
    const { infos, core: c } = core();
    const never = config({ questions: 'never' });
    expect(configThatCanWait(never, PROMPT, 'workflow', c)).toBe(never);
    expect(infos).toEqual([]);
  });
});
