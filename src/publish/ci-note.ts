/**
 * Whether the repository's own CI starts on the pull request, by who published it, for the
 * tracking comment: GitHub starts no workflow for what `GITHUB_TOKEN` pushes or opens, and starts
 * them, secrets included, for an App's or a person's token. Either way the reader learns what
 * applies and what to do (ensemble's docs/github-setup.md, "CI on ensemble's branches").
 */

/** Who published, as far as publish can tell: never any part of a token. */
export type Publisher =
  | { kind: 'app' }
  /** A token given as `github-token` or found in the environment; `prefix` is GitHub's (`ghs_`, `ghp_`, …). */
  | { kind: 'token'; prefix: string };

const DOCS = 'ensemble\'s docs/github-setup.md, section "CI on ensemble\'s branches"';

/** One Markdown paragraph for the tracking comment, naming the case that applies. */
export function ciNote(publisher: Publisher): string {
  if (publisher.kind === 'token' && publisher.prefix === 'ghs_') {
    return (
      "**CI:** published with an installation token. When it is the workflow run's `GITHUB_TOKEN` (the default), " +
      "GitHub starts none of this repository's workflows on the pull request: CI runs once someone pushes to it. " +
      'To have CI run on every ensemble pull request, publish with a GitHub App, and keep the jobs that hold ' +
      `secrets away from unreviewed branches (${DOCS}).`
    );
  }
  const who = publisher.kind === 'app' ? 'a GitHub App' : "a person's token";
  return (
    `**CI:** published with ${who}, so this repository's \`push\` and \`pull_request\` workflows run on the ` +
    "pull request with the repository's secrets, on code no person has reviewed yet. Jobs that hold secrets " +
    `should wait for a reviewer (an environment with required reviewers) or skip \`ensemble/*\` branches (${DOCS}).`
  );
}

/** The publisher of a token, by its prefix alone. */
export function tokenPublisher(token: string): Publisher {
  const prefix = /^(gh[pousr]_|github_pat_)/.exec(token)?.[1] ?? '';
  return { kind: 'token', prefix };
}
