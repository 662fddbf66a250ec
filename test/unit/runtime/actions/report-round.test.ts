import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ARTIFACTS } from '../../../../src/artifacts/names.ts';
import { RunDirectory } from '../../../../src/artifacts/run-directory.ts';
import { defaultConfig } from '../../../../src/contracts/config.ts';
import type { StageOutcome } from '../../../../src/pipeline/run-stage.ts';
import { reportStage } from '../../../../src/runtime/actions/report.ts';
import { validFinding, validReview } from '../../../support/documents.ts';

const patch = (line: string) =>
  `diff --git a/src/a.ts b/src/a.ts\nindex 1111111..2222222 100644\n--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1 +1 @@\n-old\n+${line}\n`;

/** What `reportStage` writes, captured. */
function fakeCore() {
  const written: string[] = [];
  const outputs: Record<string, string> = {};
  const core = {
    setOutput: (name: string, value: string) => {
      outputs[name] = value;
    },
    setFailed: () => {},
    info: () => {},
    summary: {
      addRaw(text: string) {
        written.push(text);
        return this;
      },
      async write() {
        return this;
      },
    },
  };
  return { core: core as unknown as Parameters<typeof reportStage>[0], written, outputs };
}

test("a fix round's re-review is summarised on its round's change, not on the first pass's", async () => {
  const runDir = RunDirectory.at(mkdtempSync(join(tmpdir(), 'ensemble-report-round-')));
  runDir.writeText(ARTIFACTS.test, 'change.patch', patch('first pass'));
  runDir.round(1).writeText(ARTIFACTS.test, 'change.patch', patch('after the fix'));
  const review = validReview({
    lens: 'correctness',
    findings: [validFinding({ path: 'src/a.ts', line: null, endLine: null, quote: 'after the fix', severity: 'low' })],
  });
  const outcome: StageOutcome = {
    stage: 'review',
    status: 'done',
    summary: 'correctness: comment',
    written: [],
    artifacts: [ARTIFACTS.fix(1)],
    documents: { reviews: [review] },
    round: 1,
  };
  const { core, written } = fakeCore();
  await reportStage(core, { stage: 'review', outcomes: [outcome], config: defaultConfig(), runDir });
  // On the first pass's change the quote is on no line: the finding would be "outside the diff".
  expect(written.join('\n')).toContain('1 on the diff, 0 outside it');
});
