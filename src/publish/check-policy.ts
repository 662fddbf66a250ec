/**
 * Step 5 of `publishToGitHub`: the safe-output policy (`policy.ts`) on everything that will be
 * written, before anything is: every text publish composed, the model's own texts as it wrote
 * them (for mention floods and credentials, before any renderer), `change.patch`, `docs.patch`,
 * and what each task commit discloses (the branch's history keeps them).
 */

import type { EnsembleConfig } from '../contracts/config.ts';
import { testedRounds } from '../review/index.ts';
import type { SecretValue } from '../secrets/scan.ts';
import { hardenedGit } from '../workspace/git.ts';
import { diffTrees } from '../workspace/patch.ts';
import type { PublishArtifacts } from './artifacts.ts';
import type { CommitSequence } from './commits.ts';
import { keyedTexts, mapTexts, type PublishTexts } from './compose-texts.ts';
import {
  checkSafeOutputs,
  formatRefusals,
  publishProtectedPaths,
  type Refusal,
  type SafeOutputsOptions,
  type TextInput,
} from './policy.ts';
import { type PublishStop, stop } from './step.ts';

/** What the policy reads of a run: the model's texts and the patches that will be committed. */
export type PolicyArtifacts = Pick<PublishArtifacts, 'plan' | 'test' | 'docs' | 'fix'> & {
  tasks: readonly PublishArtifacts['tasks'][number][];
  reviews: readonly PublishArtifacts['reviews'][number][];
};

export interface CheckPolicyOptions {
  /** What `composeTexts` made. */
  texts: PublishTexts<TextInput>;
  artifacts: PolicyArtifacts;
  changePatch: string;
  sequence: CommitSequence;
  /** Where the commits are. */
  repoDir: string;
  policy: SafeOutputsOptions;
}

/** The same texts, sanitised, or every refusal (and the message that reports them). */
export type PolicyChecked = PolicyPassed | PolicyRefused;
export type PolicyPassed = { ok: true; texts: PublishTexts<string> };
/** `stop` is `refused`, with every refusal and what to do about it (`formatRefusals`). */
export type PolicyRefused = { ok: false; refusals: Refusal[]; stop: PublishStop };

/**
 * The policy every publisher applies, from the configuration and the credentials the run knows
 * (the secrets it was given and those of the checkout): the GitHub publisher and the local one.
 */
export function publishPolicy(
  config: Pick<EnsembleConfig, 'protected-paths' | 'limits'>,
  options: { configPath: string; secretValues: readonly SecretValue[]; allowedHost: string; repoDir: string },
): SafeOutputsOptions {
  return {
    protectedPaths: publishProtectedPaths(config['protected-paths'], options.configPath),
    maxPatchBytes: config.limits['max-patch-bytes'],
    maxFiles: config.limits['max-files'],
    secretValues: options.secretValues,
    allowedHost: options.allowedHost,
    gitCwd: options.repoDir,
  };
}

export async function checkPolicy(options: CheckPolicyOptions): Promise<PolicyChecked> {
  const checked = await checkRunOutputs({ ...options, texts: keyedTexts(options.texts) });
  if (!checked.ok) return { ok: false, refusals: checked.refusals, stop: stop('refused', checked.message) };
  return { ok: true, texts: mapTexts(options.texts, (_, key) => checked.texts[key] as string) };
}

/** `checkRunOutputs`' answer: every text sanitised under its key, or every refusal and the message for them. */
export type RunOutputsChecked =
  | { ok: true; texts: Record<string, string> }
  | { ok: false; refusals: Refusal[]; message: string };

/**
 * The policy on everything a publish leaves behind, for either publisher: `texts` (what it will
 * write, by key), the model's own texts as it wrote them, `change.patch`, each re-tested fix
 * round's change, `docs.patch`, and what each task commit of `sequence` discloses.
 */
export async function checkRunOutputs(
  options: Omit<CheckPolicyOptions, 'texts'> & {
    texts: Record<string, TextInput>;
  },
): Promise<RunOutputsChecked> {
  const { artifacts, policy } = options;
  // The task commits stay in the branch's history: what each discloses is checked too (beside the
  // rest). Their size and file count are the change's, already checked.
  const historyChecked = taskCommitPatches(options).then((patches) => checkSafeOutputs({ patches, texts: {} }, policy));
  historyChecked.catch(() => {}); // awaited below, after the rest
  const checked = await checkSafeOutputs(
    {
      patches: [
        { label: 'change.patch', patch: options.changePatch },
        ...testedRounds(artifacts.fix).map((r) => ({
          label: `change.patch of fix round ${r.document.round}`,
          patch: r.change,
        })),
        { label: 'docs.patch', patch: artifacts.docs?.patch ?? '' },
      ],
      texts: { ...options.texts, ...modelTexts(artifacts) },
    },
    policy,
  );
  const history = await historyChecked;
  const refusals: Refusal[] = [
    ...(checked.ok ? [] : checked.refusals),
    ...(history.ok ? [] : history.refusals.filter((r) => r.rule !== 'patch-size' && r.rule !== 'file-count')),
  ];
  if (refusals.length > 0 || !checked.ok) {
    return { ok: false, refusals, message: formatRefusals(refusals, { allowedHost: policy.allowedHost }) };
  }
  return { ok: true, texts: Object.fromEntries(Object.entries(checked.texts).map(([k, v]) => [k, v.text])) };
}

/** Model text checked for mention floods and credentials as written by the model, before any renderer. */
function modelTexts(artifacts: PolicyArtifacts): Record<string, TextInput> {
  const texts: TextInput[] = [{ label: 'plan summary', text: artifacts.plan.summary, kind: 'raw' }];
  for (const task of artifacts.tasks) {
    texts.push({ label: `summary of task ${task.document.taskId}`, text: task.document.summary, kind: 'raw' });
  }
  if (artifacts.test) texts.push({ label: 'test summary', text: artifacts.test.summary, kind: 'raw' });
  for (const review of artifacts.reviews) {
    texts.push({ label: `${review.lens} review summary`, text: review.summary, kind: 'raw' });
    review.findings.forEach((f, i) => {
      texts.push({ label: `${review.lens} finding ${i + 1} title`, text: f.title, kind: 'raw' });
      texts.push({ label: `${review.lens} finding ${i + 1} body`, text: f.body, kind: 'raw' });
    });
  }
  for (const round of artifacts.fix.rounds) {
    const n = round.document.round;
    texts.push({ label: `fix round ${n} summary`, text: round.document.summary, kind: 'raw' });
    if (round.test)
      texts.push({ label: `fix round ${n} test summary`, text: round.test.document.summary, kind: 'raw' });
    for (const review of round.reviews) {
      texts.push({ label: `fix round ${n} ${review.lens} review summary`, text: review.summary, kind: 'raw' });
      review.findings.forEach((f, i) => {
        texts.push({ label: `fix round ${n} ${review.lens} finding ${i + 1} title`, text: f.title, kind: 'raw' });
        texts.push({ label: `fix round ${n} ${review.lens} finding ${i + 1} body`, text: f.body, kind: 'raw' });
      });
    }
  }
  if (artifacts.docs) texts.push({ label: 'docs summary', text: artifacts.docs.document.summary, kind: 'raw' });
  // Checked, never written: the keys only keep them apart from the written texts' keys.
  return Object.fromEntries(texts.map((text, i) => [`model ${i}`, text]));
}

/** The change each task commit makes (what the branch's history discloses). */
async function taskCommitPatches(options: Pick<CheckPolicyOptions, 'sequence' | 'repoDir'>) {
  const git = hardenedGit(options.repoDir);
  const taskCommits = options.sequence.commits.filter((c) => c.stage === 'code');
  return Promise.all(
    taskCommits.map(async (c) => {
      // Of the trees: the same diff as of the commits, and the one `warmCommitSequence` may have made.
      const { patch, changes } = await diffTrees(git, c.parentTree, c.tree);
      return { label: `commit of task ${c.taskId}`, patch, changes };
    }),
  );
}
