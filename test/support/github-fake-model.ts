/**
 * The in-memory repository behind the GitHub fake, and the JSON shapes GitHub renders it in.
 * One repository, its accounts and collaborators, issues with comments and labels, git data
 * (see `github-fake-git.ts`), refs, pull requests and reviews, deployment environments with their
 * protection rules, and the approvals recorded for workflow runs. Every shape carries the fields the
 * fixture's response schema requires, so the fake checks its own answers against the fixture too.
 */
import type { FakeWorkflowRun, WorkflowRunSeed } from './github-fake-actions.ts';
import type { FakeApp, FakeAppSeed, FakeInstallationToken } from './github-fake-apps.ts';
import { GitStore } from './github-fake-git.ts';

export type RoleName = 'read' | 'triage' | 'write' | 'maintain' | 'admin';
export type AccountType = 'User' | 'Bot' | 'Organization';

export interface FakeAccount {
  login: string;
  id: number;
  type: AccountType;
  name: string | null;
  email: string | null;
  createdAt: string;
}

export interface FakeLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface FakeIssue {
  number: number;
  id: number;
  title: string;
  body: string | null;
  author: string;
  state: 'open' | 'closed';
  labels: string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Set when the number belongs to a pull request (issues and pull requests share numbers). */
  pull: boolean;
  /** A locked conversation, and why (`active_lock_reason`); only people with write access comment on it. */
  locked: boolean;
  lockReason: 'off-topic' | 'too heated' | 'resolved' | 'spam' | null;
}

export interface FakeComment {
  id: number;
  issue: number;
  author: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

const REST_MERGEABLE = { MERGEABLE: true, CONFLICTING: false, UNKNOWN: null } as const;

function mergeableState(pull: { mergeable?: string; draft: boolean }): string {
  if (pull.mergeable === 'CONFLICTING') return 'dirty';
  return pull.draft ? 'draft' : 'clean';
}

export interface FakePull {
  number: number;
  id: number;
  title: string;
  body: string | null;
  author: string;
  /** Branch names in this repository. */
  head: string;
  base: string;
  /** The base branch's commit when the pull request was opened: the left side of its diff. */
  baseSha: string;
  state: 'open' | 'closed';
  /** GitHub's mergeability (`checks.setMergeable`); clean (`MERGEABLE`) when unset. */
  mergeable?: 'MERGEABLE' | 'CONFLICTING' | 'UNKNOWN';
  draft: boolean;
  maintainerCanModify: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Set when it was merged (`mergePull`): the merge commit, when, by whom, and the head it merged. */
  merged?: { sha: string; at: string; by: string; headSha: string };
}

export interface FakeReviewComment {
  /** The REST id of the comment (GraphQL `databaseId`): it is the root of its thread. */
  id: number;
  path: string;
  line: number;
  side: 'LEFT' | 'RIGHT';
  startLine: number | null;
  body: string;
}

export interface FakeReview {
  id: number;
  pull: number;
  author: string;
  body: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'PENDING';
  commitId: string;
  submittedAt: string | null;
  comments: FakeReviewComment[];
}

/**
 * One review comment as GitHub keeps it: a thread's root (posted with a review) or a reply in the
 * thread. Each reply is posted with a review of its own, as GitHub makes one for every reply.
 */
export interface FakeThreadComment {
  id: number;
  pull: number;
  reviewId: number;
  /** A login; `ghost` for a deleted account, which GraphQL renders as a null author. */
  author: string;
  body: string;
  /** The thread's place, copied from the root onto each reply as GitHub renders it. */
  path: string;
  line: number;
  side: 'LEFT' | 'RIGHT';
  startLine: number | null;
  commitId: string;
  /** The root comment's id for a reply; null for a root. */
  inReplyTo: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A review thread: a root comment and its replies, resolved or not, outdated or not. */
export interface FakeThread {
  /** The GraphQL node id (`PRRT_kwDO…`). */
  id: string;
  pull: number;
  rootId: number;
  resolved: boolean;
  /** Set by a test (`outdateThread`): the fake does not work out which lines a later push moved. */
  outdated: boolean;
  resolvedBy: string | null;
}

/** GitHub's plans; on Free, Pro and Team, a private repository's environments cannot have required reviewers. */
export type AccountPlan = 'free' | 'pro' | 'team' | 'enterprise';

export interface FakeEnvironment {
  id: number;
  name: string;
  createdAt: string;
  updatedAt: string;
  /** Logins of the `required_reviewers` rule; the rule exists only when there is at least one. */
  reviewers: string[];
  preventSelfReview: boolean;
  /** Minutes of the `wait_timer` rule, or null without one. */
  waitTimer: number | null;
  /** The ids GitHub gives each protection rule, fixed when the environment is made. */
  ruleIds: { reviewers: number; waitTimer: number };
}

export interface EnvironmentSeed {
  reviewers?: string[];
  preventSelfReview?: boolean;
  waitTimer?: number;
}

/** One decision of a deployment review on a workflow run (`environment-approvals`). */
export interface FakeRunApproval {
  runId: number;
  /** Environment names, as the environments were named when the review was made. */
  environments: string[];
  state: 'approved' | 'rejected' | 'pending';
  user: string;
  comment: string;
}

export interface GitHubFakeSeed {
  owner?: string;
  repo?: string;
  private?: boolean;
  defaultBranch?: string;
  /** The account the token belongs to; `github-actions[bot]` by default, as with `GITHUB_TOKEN`. */
  viewer?: string;
  /** When set, every request must carry exactly this token. */
  token?: string;
  /** Accounts besides those named elsewhere; a login ending in `[bot]` is a Bot. */
  users?: (string | { login: string; type?: AccountType; name?: string; email?: string })[];
  /** Repository roles by login; anyone else only reads (public) or has no access (private). */
  collaborators?: Record<string, RoleName>;
  /** The files of the default branch's first commit; a README by default. */
  files?: Record<string, string>;
  issues?: {
    number?: number;
    title: string;
    body?: string | null;
    author: string;
    labels?: string[];
    state?: 'open' | 'closed';
    /** A locked conversation, with its reason. */
    locked?: FakeIssue['lockReason'] | true;
    comments?: { author: string; body: string; createdAt?: string }[];
  }[];
  labels?: string[];
  /** Branches a ref update may not move (GitHub answers 422 "Protected branch update failed"). */
  protectedBranches?: string[];
  /** The repository setting "Allow GitHub Actions to create and approve pull requests"; on by default. */
  actionsCanCreatePullRequests?: boolean;
  /** The owner's plan (`free` by default); decides, with `private`, whether required reviewers are enforced. */
  plan?: AccountPlan;
  /** The repository's deployment environments by name, with their protection rules. */
  environments?: Record<string, EnvironmentSeed>;
  /** Deployment reviews already made on workflow runs. */
  runApprovals?: FakeRunApproval[];
  /** The clock of every timestamp the fake writes; real time by default. */
  now?: () => Date;
  /** GitHub Apps that may authenticate with a JWT and make installation tokens (`github-fake-apps.ts`). */
  apps?: FakeAppSeed[];
  /** Workflow runs of the repository with their jobs (`github-fake-actions.ts`). */
  workflowRuns?: WorkflowRunSeed[];
}

export interface FakeState {
  owner: string;
  repo: string;
  repoId: number;
  private: boolean;
  defaultBranch: string;
  viewer: string;
  token: string | null;
  accounts: Map<string, FakeAccount>;
  collaborators: Map<string, RoleName>;
  issues: Map<number, FakeIssue>;
  comments: FakeComment[];
  labels: Map<string, FakeLabel>;
  git: GitStore;
  /** Full ref names (`refs/heads/main`) to commit SHAs. */
  refs: Map<string, string>;
  pulls: Map<number, FakePull>;
  reviews: FakeReview[];
  /** Every review comment, roots and replies, in the order they were made. */
  reviewComments: FakeThreadComment[];
  /** Review threads in the order they were opened. */
  threads: FakeThread[];
  protectedBranches: Set<string>;
  actionsCanCreatePullRequests: boolean;
  /** Registered GitHub Apps by id. */
  apps: Map<number, FakeApp>;
  /** Every installation token made, in order, revoked ones included. */
  installationTokens: FakeInstallationToken[];
  plan: AccountPlan;
  /** Environments by lower-cased name (GitHub's names are case-insensitive). */
  environments: Map<string, FakeEnvironment>;
  runApprovals: FakeRunApproval[];
  /** Workflow runs by id, with the jobs of every attempt. */
  workflowRuns: Map<number, FakeWorkflowRun>;
  now: () => Date;
  /** The fake's own base URL; the `url` fields of every answer point back at it. */
  apiUrl: string;
  htmlUrl: string;
  nextId: () => number;
  nextNumber: () => number;
}

/** GitHub's timestamps: ISO 8601 in UTC, to the second. */
export const timestamp = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

const BOT_IDS: Record<string, number> = { 'github-actions[bot]': 41898282, 'dependabot[bot]': 49699333 };

export function createState(seed: GitHubFakeSeed = {}): FakeState {
  let id = 1000;
  const nextId = () => ++id;
  const now = seed.now ?? (() => new Date());
  const created = timestamp(new Date(Date.UTC(2020, 0, 1)));
  const state: FakeState = {
    owner: seed.owner ?? 'octo-org',
    repo: seed.repo ?? 'demo',
    repoId: 0,
    private: seed.private ?? false,
    defaultBranch: seed.defaultBranch ?? 'main',
    viewer: seed.viewer ?? 'github-actions[bot]',
    token: seed.token ?? null,
    accounts: new Map(),
    collaborators: new Map(),
    issues: new Map(),
    comments: [],
    labels: new Map(),
    git: new GitStore(),
    refs: new Map(),
    pulls: new Map(),
    reviews: [],
    reviewComments: [],
    threads: [],
    protectedBranches: new Set(seed.protectedBranches ?? []),
    actionsCanCreatePullRequests: seed.actionsCanCreatePullRequests ?? true,
    apps: new Map(),
    installationTokens: [],
    plan: seed.plan ?? 'free',
    environments: new Map(),
    runApprovals: [],
    workflowRuns: new Map(),
    now,
    apiUrl: 'http://127.0.0.1',
    htmlUrl: 'https://github.com',
    nextId,
    nextNumber: () => Math.max(0, ...state.issues.keys()) + 1,
  };
  state.repoId = nextId();

  const account = (login: string, type?: AccountType, name?: string, email?: string) => {
    const key = login.toLowerCase();
    const existing = state.accounts.get(key);
    if (existing) return existing;
    const made: FakeAccount = {
      login,
      id: BOT_IDS[key] ?? nextId(),
      type: type ?? (login.endsWith('[bot]') ? 'Bot' : 'User'),
      name: name ?? null,
      email: email ?? null,
      createdAt: created,
    };
    state.accounts.set(key, made);
    return made;
  };
  account(state.owner, 'Organization');
  account(state.viewer);
  for (const user of seed.users ?? []) {
    if (typeof user === 'string') account(user);
    else account(user.login, user.type, user.name, user.email);
  }
  for (const [login, role] of Object.entries(seed.collaborators ?? {})) {
    account(login);
    state.collaborators.set(login.toLowerCase(), role);
  }
  for (const name of seed.labels ?? []) ensureLabel(state, name);
  for (const [name, spec] of Object.entries(seed.environments ?? {})) {
    for (const login of spec.reviewers ?? []) account(login);
    addEnvironment(state, name, spec);
  }
  for (const approval of seed.runApprovals ?? []) {
    account(approval.user);
    state.runApprovals.push({ ...approval, environments: [...approval.environments] });
  }

  const tree = state.git.treeFromFiles(seed.files ?? { 'README.md': `# ${state.repo}\n` });
  const founder = { name: 'Octo Founder', email: 'founder@example.com', date: created };
  const first = state.git.writeCommit({
    tree,
    parents: [],
    message: 'Initial commit',
    author: founder,
    committer: founder,
    verified: false,
  });
  state.refs.set(`refs/heads/${state.defaultBranch}`, first.sha);

  for (const issue of seed.issues ?? []) {
    account(issue.author);
    const number = issue.number ?? state.nextNumber();
    const at = timestamp(now());
    state.issues.set(number, {
      number,
      id: nextId(),
      title: issue.title,
      body: issue.body ?? null,
      author: issue.author,
      state: issue.state ?? 'open',
      labels: (issue.labels ?? []).map((name) => ensureLabel(state, name).name),
      createdAt: at,
      updatedAt: at,
      closedAt: issue.state === 'closed' ? at : null,
      pull: false,
      locked: issue.locked !== undefined && issue.locked !== null,
      lockReason: issue.locked === true || issue.locked === undefined ? null : issue.locked,
    });
    for (const comment of issue.comments ?? []) {
      account(comment.author);
      const when = comment.createdAt ?? timestamp(now());
      state.comments.push({
        id: nextId(),
        issue: number,
        author: comment.author,
        body: comment.body,
        createdAt: when,
        updatedAt: when,
      });
    }
  }
  return state;
}

export function ensureLabel(state: FakeState, name: string): FakeLabel {
  const existing = state.labels.get(name.toLowerCase());
  if (existing) return existing;
  const label: FakeLabel = { id: state.nextId(), name, color: 'ededed', description: null, default: false };
  state.labels.set(name.toLowerCase(), label);
  return label;
}

/**
 * An environment of the repository, as Settings → Environments (or GitHub itself, for a job bound
 * to a name the repository lacks: then without any rule) makes it. An existing one is returned as it is.
 */
export function addEnvironment(state: FakeState, name: string, spec: EnvironmentSeed = {}): FakeEnvironment {
  const existing = state.environments.get(name.toLowerCase());
  if (existing) return existing;
  const at = timestamp(state.now());
  const environment: FakeEnvironment = {
    id: state.nextId(),
    name,
    createdAt: at,
    updatedAt: at,
    reviewers: [...(spec.reviewers ?? [])],
    preventSelfReview: spec.preventSelfReview ?? false,
    waitTimer: spec.waitTimer ?? null,
    ruleIds: { reviewers: state.nextId(), waitTimer: state.nextId() },
  };
  for (const login of environment.reviewers) accountOf(state, login);
  state.environments.set(name.toLowerCase(), environment);
  return environment;
}

/** Whether GitHub makes a job bound to this environment wait for its required reviewers. */
export function enforcesRequiredReviewers(state: FakeState, environment: FakeEnvironment): boolean {
  return environment.reviewers.length > 0 && (!state.private || state.plan === 'enterprise');
}

export function accountOf(state: FakeState, login: string): FakeAccount {
  const key = login.toLowerCase();
  let found = state.accounts.get(key);
  if (!found) {
    found = {
      login,
      id: state.nextId(),
      type: login.endsWith('[bot]') ? 'Bot' : 'User',
      name: null,
      email: null,
      createdAt: timestamp(state.now()),
    };
    state.accounts.set(key, found);
  }
  return found;
}

// --- Shapes -------------------------------------------------------------------------------

/** The node id prefix of each kind of account. */
const ACCOUNT_NODE_PREFIX: Record<AccountType, string> = { User: 'U', Bot: 'BOT', Organization: 'O' };

export const nodeId = (prefix: string, id: number | string) =>
  `${prefix}_kwDO${Buffer.from(String(id)).toString('base64url')}`;

const repoApi = (s: FakeState) => `${s.apiUrl}/repos/${s.owner}/${s.repo}`;
const repoHtml = (s: FakeState) => `${s.htmlUrl}/${s.owner}/${s.repo}`;

/** `simple-user`. */
export function userShape(s: FakeState, login: string) {
  const a = accountOf(s, login);
  const api = `${s.apiUrl}/users/${encodeURIComponent(a.login)}`;
  return {
    login: a.login,
    id: a.id,
    node_id: nodeId(ACCOUNT_NODE_PREFIX[a.type], a.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${a.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: a.type === 'Bot' ? `${s.htmlUrl}/apps/${a.login.replace(/\[bot\]$/, '')}` : `${s.htmlUrl}/${a.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: a.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** `public-user` (`GET /users/{username}`): exactly its fields, as the schema is closed. */
export function publicUserShape(s: FakeState, login: string) {
  const a = accountOf(s, login);
  return {
    ...userShape(s, login),
    name: a.name,
    company: null,
    blog: '',
    location: null,
    email: a.email,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: a.createdAt,
    updated_at: a.createdAt,
  };
}

/** `repository` / `full-repository`. */
export function repoShape(s: FakeState, full: boolean) {
  const api = repoApi(s);
  const html = repoHtml(s);
  const pushed = timestamp(s.now());
  const openIssues = [...s.issues.values()].filter((i) => i.state === 'open').length;
  const base = {
    id: s.repoId,
    node_id: nodeId('R', s.repoId),
    name: s.repo,
    full_name: `${s.owner}/${s.repo}`,
    private: s.private,
    owner: userShape(s, s.owner),
    html_url: html,
    description: null,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://github.com/${s.owner}/${s.repo}.git`,
    hooks_url: `${api}/hooks`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@github.com:${s.owner}/${s.repo}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    svn_url: html,
    homepage: null,
    language: 'TypeScript',
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 1,
    default_branch: s.defaultBranch,
    open_issues_count: openIssues,
    open_issues: openIssues,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: s.private ? 'private' : 'public',
    pushed_at: pushed,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: pushed,
    license: null,
    allow_forking: true,
    web_commit_signoff_required: false,
  };
  if (!full) return base;
  return {
    ...base,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_rebase_merge: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    network_count: 0,
    subscribers_count: 0,
    organization: userShape(s, s.owner),
  };
}

const AUTHOR_ASSOCIATION: Record<RoleName, string> = {
  admin: 'COLLABORATOR',
  maintain: 'COLLABORATOR',
  write: 'COLLABORATOR',
  triage: 'CONTRIBUTOR',
  read: 'NONE',
};

export function authorAssociation(s: FakeState, login: string): string {
  if (login.toLowerCase() === s.owner.toLowerCase()) return 'OWNER';
  const role = s.collaborators.get(login.toLowerCase());
  return role ? AUTHOR_ASSOCIATION[role] : 'NONE';
}

const reactions = (url: string) => ({
  url: `${url}/reactions`,
  total_count: 0,
  '+1': 0,
  '-1': 0,
  laugh: 0,
  hooray: 0,
  confused: 0,
  heart: 0,
  rocket: 0,
  eyes: 0,
});

export function labelShape(s: FakeState, label: FakeLabel) {
  return {
    id: label.id,
    node_id: nodeId('LA', label.id),
    url: `${repoApi(s)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.default,
    description: label.description,
  };
}

/** `issue`. */
export function issueShape(s: FakeState, issue: FakeIssue) {
  const api = `${repoApi(s)}/issues/${issue.number}`;
  const comments = s.comments.filter((c) => c.issue === issue.number).length;
  return {
    id: issue.id,
    node_id: nodeId('I', issue.id),
    url: api,
    repository_url: repoApi(s),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `${repoHtml(s)}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.state === 'closed' ? 'completed' : null,
    title: issue.title,
    body: issue.body,
    user: userShape(s, issue.author),
    labels: issue.labels.map((name) => labelShape(s, ensureLabel(s, name))),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: issue.locked,
    active_lock_reason: issue.lockReason,
    comments,
    closed_at: issue.closedAt,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_by: null,
    author_association: authorAssociation(s, issue.author),
    reactions: reactions(api),
    timeline_url: `${api}/timeline`,
    performed_via_github_app: null,
    ...(issue.pull
      ? {
          pull_request: {
            url: `${repoApi(s)}/pulls/${issue.number}`,
            html_url: `${repoHtml(s)}/pull/${issue.number}`,
            diff_url: `${repoHtml(s)}/pull/${issue.number}.diff`,
            patch_url: `${repoHtml(s)}/pull/${issue.number}.patch`,
            merged_at: s.pulls.get(issue.number)?.merged?.at ?? null,
          },
        }
      : {}),
  };
}

/** `issue-comment`. */
export function commentShape(s: FakeState, comment: FakeComment) {
  const api = `${repoApi(s)}/issues/comments/${comment.id}`;
  const issue = s.issues.get(comment.issue);
  return {
    id: comment.id,
    node_id: nodeId('IC', comment.id),
    url: api,
    html_url: `${repoHtml(s)}/${issue?.pull ? 'pull' : 'issues'}/${comment.issue}#issuecomment-${comment.id}`,
    body: comment.body,
    user: userShape(s, comment.author),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${repoApi(s)}/issues/${comment.issue}`,
    author_association: authorAssociation(s, comment.author),
    reactions: reactions(api),
    performed_via_github_app: null,
  };
}

/** `git-ref`. */
export function refShape(s: FakeState, ref: string, sha: string) {
  return {
    ref,
    node_id: nodeId('REF', ref),
    url: `${repoApi(s)}/git/${ref}`,
    object: { sha, type: s.git.typeOf(sha) ?? 'commit', url: `${repoApi(s)}/git/commits/${sha}` },
  };
}

/** `git-commit`. */
export function gitCommitShape(s: FakeState, sha: string) {
  const c = s.git.commits.get(sha)!;
  return {
    sha: c.sha,
    node_id: nodeId('C', c.sha),
    url: `${repoApi(s)}/git/commits/${c.sha}`,
    html_url: `${repoHtml(s)}/commit/${c.sha}`,
    author: { ...c.author },
    committer: { ...c.committer },
    tree: { sha: c.tree, url: `${repoApi(s)}/git/trees/${c.tree}` },
    message: c.message,
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${repoApi(s)}/git/commits/${p}`,
      html_url: `${repoHtml(s)}/commit/${p}`,
    })),
    verification: verification(c.verified, c.committer.date),
  };
}

const verification = (verified: boolean, date: string) =>
  verified
    ? {
        verified: true,
        reason: 'valid',
        signature: '-----BEGIN PGP SIGNATURE-----\n(fake)\n-----END PGP SIGNATURE-----',
        payload: '',
        verified_at: date,
      }
    : { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null };

/** `git-tree`. */
export function treeShape(s: FakeState, sha: string, recursive: boolean) {
  return {
    sha,
    url: `${repoApi(s)}/git/trees/${sha}`,
    tree: s.git.walk(sha, recursive).map(({ path, entry }) => ({
      path,
      mode: entry.mode,
      type: entry.type,
      sha: entry.sha,
      ...(entry.type === 'blob' ? { size: s.git.blobs.get(entry.sha)?.length ?? 0 } : {}),
      ...(entry.type === 'commit' ? {} : { url: `${repoApi(s)}/git/${entry.type}s/${entry.sha}` }),
    })),
    truncated: false,
  };
}

/** `commit` (the REST commit, inside a branch). */
export function restCommitShape(s: FakeState, sha: string) {
  const c = s.git.commits.get(sha)!;
  return {
    sha,
    node_id: nodeId('C', sha),
    url: `${repoApi(s)}/commits/${sha}`,
    html_url: `${repoHtml(s)}/commit/${sha}`,
    comments_url: `${repoApi(s)}/commits/${sha}/comments`,
    commit: {
      url: `${repoApi(s)}/git/commits/${sha}`,
      author: { ...c.author },
      committer: { ...c.committer },
      message: c.message,
      comment_count: 0,
      tree: { sha: c.tree, url: `${repoApi(s)}/git/trees/${c.tree}` },
      verification: verification(c.verified, c.committer.date),
    },
    author: null,
    committer: null,
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${repoApi(s)}/commits/${p}`,
      html_url: `${repoHtml(s)}/commit/${p}`,
    })),
  };
}

/** `branch-with-protection`. */
export function branchShape(s: FakeState, branch: string, sha: string) {
  const isProtected = s.protectedBranches.has(branch);
  const api = `${repoApi(s)}/branches/${encodeURIComponent(branch)}`;
  return {
    name: branch,
    commit: restCommitShape(s, sha),
    _links: { html: `${repoHtml(s)}/tree/${branch}`, self: api },
    protected: isProtected,
    protection: isProtected
      ? {
          enabled: true,
          required_status_checks: { enforcement_level: 'non_admins', contexts: [], checks: [] },
        }
      : { enabled: false, required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] } },
    protection_url: `${api}/protection`,
  };
}

function branchEnd(s: FakeState, branch: string, sha: string) {
  return {
    label: `${s.owner}:${branch}`,
    ref: branch,
    sha,
    user: userShape(s, s.owner),
    repo: repoShape(s, false),
  };
}

/** A pull request's head commit: the one it merged, once merged (its branch may have moved or gone since). */
export function pullHead(s: FakeState, pull: FakePull): string {
  return pull.merged?.headSha ?? s.refs.get(`refs/heads/${pull.head}`) ?? pull.baseSha;
}

/**
 * A pull request merged as `sha`, a commit the fake's git store holds (the test made it, as GitHub's
 * merge button would: a merge commit, a squash or a rebase): the base branch moves to it, the pull
 * request is closed and merged by `by` (the owner by default) at `at` (the fake's clock by default).
 */
export function mergePull(state: FakeState, number: number, merge: { sha: string; by?: string; at?: Date }): void {
  const pull = state.pulls.get(number);
  if (!pull) throw new Error(`mergePull: there is no pull request #${number}`);
  if (pull.state !== 'open') throw new Error(`mergePull: #${number} is ${pull.merged ? 'merged' : 'closed'} already`);
  if (!state.git.commits.has(merge.sha)) throw new Error(`mergePull: the fake has no commit ${merge.sha}`);
  const at = timestamp(merge.at ?? state.now());
  pull.merged = { sha: merge.sha, at, by: merge.by ?? state.owner, headSha: pullHead(state, pull) };
  pull.state = 'closed';
  pull.closedAt = pull.updatedAt = at;
  const issue = state.issues.get(number);
  if (issue) {
    issue.state = 'closed';
    issue.closedAt = issue.updatedAt = at;
  }
  state.refs.set(`refs/heads/${pull.base}`, merge.sha);
}

/** `pull-request-simple`, or `pull-request` when `full`. */
export function pullShape(s: FakeState, pull: FakePull, full: boolean) {
  const api = `${repoApi(s)}/pulls/${pull.number}`;
  const html = `${repoHtml(s)}/pull/${pull.number}`;
  const issueApi = `${repoApi(s)}/issues/${pull.number}`;
  const headSha = pullHead(s, pull);
  const baseSha = s.refs.get(`refs/heads/${pull.base}`) ?? pull.baseSha;
  const issue = s.issues.get(pull.number);
  const shape = {
    url: api,
    id: pull.id,
    node_id: nodeId('PR', pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueApi,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${repoApi(s)}/pulls/comments{/number}`,
    comments_url: `${issueApi}/comments`,
    statuses_url: `${repoApi(s)}/statuses/${headSha}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: userShape(s, pull.author),
    body: pull.body,
    // The pull request schemas declare a label's description a string, not nullable.
    labels: (issue?.labels ?? []).map((name) => ({
      ...labelShape(s, ensureLabel(s, name)),
      description: ensureLabel(s, name).description ?? '',
    })),
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.merged?.at ?? null,
    merge_commit_sha: pull.merged?.sha ?? null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branchEnd(s, pull.head, headSha),
    base: branchEnd(s, pull.base, baseSha),
    _links: {
      self: { href: api },
      html: { href: html },
      issue: { href: issueApi },
      comments: { href: `${issueApi}/comments` },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: `${repoApi(s)}/pulls/comments{/number}` },
      commits: { href: `${api}/commits` },
      statuses: { href: `${repoApi(s)}/statuses/${headSha}` },
    },
    author_association: authorAssociation(s, pull.author),
    auto_merge: null,
    draft: pull.draft,
  };
  if (!full) return shape;
  const diff = s.git.commits.has(headSha) ? s.git.diff(pull.baseSha, headSha) : [];
  let commits = 0;
  for (
    let sha: string | undefined = headSha;
    sha && sha !== pull.baseSha && commits < 250;
    sha = s.git.commits.get(sha)?.parents[0]
  )
    commits++;
  return {
    ...shape,
    merged: pull.merged !== undefined,
    // REST says null while GitHub computes it (UNKNOWN), false and `dirty` when it conflicts; null once merged.
    mergeable: pull.merged ? null : REST_MERGEABLE[pull.mergeable ?? 'MERGEABLE'],
    rebaseable: pull.merged ? null : pull.mergeable !== 'CONFLICTING',
    mergeable_state: mergeableState(pull),
    merged_by: pull.merged ? userShape(s, pull.merged.by) : null,
    comments: s.comments.filter((c) => c.issue === pull.number).length,
    review_comments: s.reviewComments.filter((c) => c.pull === pull.number).length,
    maintainer_can_modify: pull.maintainerCanModify,
    commits,
    additions: diff.reduce((n, f) => n + f.additions, 0),
    deletions: diff.reduce((n, f) => n + f.deletions, 0),
    changed_files: diff.length,
  };
}

/** `pull-request-review`. */
export function reviewShape(s: FakeState, review: FakeReview) {
  const pullApi = `${repoApi(s)}/pulls/${review.pull}`;
  const html = `${repoHtml(s)}/pull/${review.pull}#pullrequestreview-${review.id}`;
  return {
    id: review.id,
    node_id: nodeId('PRR', review.id),
    user: userShape(s, review.author),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pullApi,
    _links: { html: { href: html }, pull_request: { href: pullApi } },
    ...(review.submittedAt ? { submitted_at: review.submittedAt } : {}),
    commit_id: review.commitId,
    author_association: authorAssociation(s, review.author),
  };
}

const LEGACY_PERMISSION: Record<RoleName, string> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
};

/** `repository-collaborator-permission`. */
export function permissionShape(s: FakeState, login: string) {
  const role = s.collaborators.get(login.toLowerCase()) ?? null;
  const effective: RoleName | 'none' = role ?? (s.private ? 'none' : 'read');
  const level = (at: RoleName) =>
    role !== null &&
    ['read', 'triage', 'write', 'maintain', 'admin'].indexOf(role) >=
      ['read', 'triage', 'write', 'maintain', 'admin'].indexOf(at);
  return {
    permission: effective === 'none' ? 'none' : LEGACY_PERMISSION[effective],
    role_name: effective,
    user: {
      ...userShape(s, login),
      permissions: {
        pull: effective !== 'none',
        triage: level('triage'),
        push: level('write'),
        maintain: level('maintain'),
        admin: level('admin'),
      },
      role_name: effective,
    },
  };
}

/** The fields GitHub gives an environment wherever it appears (`environment`, `environment-approvals`). */
function environmentBase(s: FakeState, environment: FakeEnvironment) {
  return {
    id: environment.id,
    node_id: nodeId('EN', environment.id),
    name: environment.name,
    url: `${repoApi(s)}/environments/${encodeURIComponent(environment.name)}`,
    html_url: `${repoHtml(s)}/deployments/activity_log?environments_filter=${encodeURIComponent(environment.name)}`,
    created_at: environment.createdAt,
    updated_at: environment.updatedAt,
  };
}

/** `environment`, with its protection rules as GitHub lists them. */
export function environmentShape(s: FakeState, environment: FakeEnvironment) {
  const rules: Record<string, unknown>[] = [];
  if (environment.waitTimer !== null) {
    const id = environment.ruleIds.waitTimer;
    rules.push({ id, node_id: nodeId('GA', id), type: 'wait_timer', wait_timer: environment.waitTimer });
  }
  if (environment.reviewers.length > 0) {
    const id = environment.ruleIds.reviewers;
    rules.push({
      id,
      node_id: nodeId('GA', id),
      type: 'required_reviewers',
      prevent_self_review: environment.preventSelfReview,
      reviewers: environment.reviewers.map((login) => ({ type: 'User', reviewer: userShape(s, login) })),
    });
  }
  return { ...environmentBase(s, environment), protection_rules: rules, deployment_branch_policy: null };
}

/** `environment-approvals`: one review of a run; an environment since deleted keeps its name only. */
export function runApprovalShape(s: FakeState, approval: FakeRunApproval) {
  return {
    environments: approval.environments.map((name) => {
      const environment = s.environments.get(name.toLowerCase());
      return environment ? environmentBase(s, environment) : { name };
    }),
    state: approval.state,
    user: userShape(s, approval.user),
    comment: approval.comment,
  };
}

// --- Review threads ------------------------------------------------------------------------

/** Opens a thread for each inline comment of a review just added to `state.reviews`. */
export function openThreads(state: FakeState, review: FakeReview): void {
  const at = review.submittedAt ?? timestamp(state.now());
  for (const comment of review.comments) {
    state.reviewComments.push({
      id: comment.id,
      pull: review.pull,
      reviewId: review.id,
      author: review.author,
      body: comment.body,
      path: comment.path,
      line: comment.line,
      side: comment.side,
      startLine: comment.startLine,
      commitId: review.commitId,
      inReplyTo: null,
      createdAt: at,
      updatedAt: at,
    });
    state.threads.push({
      id: nodeId('PRRT', state.nextId()),
      pull: review.pull,
      rootId: comment.id,
      resolved: false,
      outdated: false,
      resolvedBy: null,
    });
  }
}

/** The threads a reader sees: those of submitted reviews (a pending review is its author's alone). */
export function visibleThreads(state: FakeState, pull: number): FakeThread[] {
  const pending = new Set(state.reviews.filter((r) => r.state === 'PENDING').map((r) => r.id));
  return state.threads.filter((t) => {
    const root = state.reviewComments.find((c) => c.id === t.rootId);
    return t.pull === pull && root !== undefined && !pending.has(root.reviewId);
  });
}

/** A thread's comments, root first, then the replies in the order they were made. */
export function threadComments(state: FakeState, thread: FakeThread): FakeThreadComment[] {
  return state.reviewComments.filter((c) => c.id === thread.rootId || c.inReplyTo === thread.rootId);
}

/** `pull-request-review-comment`. */
export function reviewCommentShape(s: FakeState, comment: FakeThreadComment) {
  const api = `${repoApi(s)}/pulls/comments/${comment.id}`;
  const pullApi = `${repoApi(s)}/pulls/${comment.pull}`;
  const html = `${repoHtml(s)}/pull/${comment.pull}#discussion_r${comment.id}`;
  return {
    url: api,
    pull_request_review_id: comment.reviewId,
    id: comment.id,
    node_id: nodeId('PRRC', comment.id),
    diff_hunk: `@@ -${comment.line},1 +${comment.line},1 @@`,
    path: comment.path,
    commit_id: comment.commitId,
    original_commit_id: comment.commitId,
    ...(comment.inReplyTo !== null ? { in_reply_to_id: comment.inReplyTo } : {}),
    user: userShape(s, comment.author),
    body: comment.body,
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    html_url: html,
    pull_request_url: pullApi,
    author_association: authorAssociation(s, comment.author),
    _links: { self: { href: api }, html: { href: html }, pull_request: { href: pullApi } },
    start_line: comment.startLine,
    original_start_line: comment.startLine,
    start_side: comment.startLine === null ? null : comment.side,
    line: comment.line,
    original_line: comment.line,
    side: comment.side,
    subject_type: 'line',
    reactions: reactions(api),
  };
}

/** A thread as a test inspects it (`GitHubFake.threads`). */
export interface FakeThreadView {
  id: string;
  resolved: boolean;
  outdated: boolean;
  path: string;
  line: number;
  /** Root first, then the replies in order. */
  comments: { id: number; author: string; body: string; inReplyTo: number | null }[];
}

export function threadViews(state: FakeState, pull: number): FakeThreadView[] {
  return state.threads
    .filter((t) => t.pull === pull)
    .map((thread) => {
      const comments = threadComments(state, thread);
      return {
        id: thread.id,
        resolved: thread.resolved,
        outdated: thread.outdated,
        path: comments[0]!.path,
        line: comments[0]!.line,
        comments: comments.map((c) => ({ id: c.id, author: c.author, body: c.body, inReplyTo: c.inReplyTo })),
      };
    });
}

/**
 * A person's review comment, as when someone reviews the pull request on github.com: a new
 * comment review by `author` with one comment on `line` (RIGHT side) of `path`, which must be in
 * the pull request's diff. Returns the comment's id, the thread's root.
 */
export function addReviewThread(
  state: FakeState,
  seed: { pull: number; author: string; path: string; line: number; body: string },
): number {
  const pull = state.pulls.get(seed.pull);
  if (!pull) throw new Error(`addReviewThread: there is no pull request #${seed.pull}`);
  accountOf(state, seed.author);
  const commitId = state.refs.get(`refs/heads/${pull.head}`) ?? pull.baseSha;
  const file = state.git.diff(pull.baseSha, commitId).find((f) => f.path === seed.path);
  if (!file?.right.has(seed.line)) {
    throw new Error(`addReviewThread: ${seed.path}:${seed.line} is not a line of #${seed.pull}'s diff (RIGHT side)`);
  }
  const id = state.nextId();
  const review: FakeReview = {
    id: state.nextId(),
    pull: pull.number,
    author: seed.author,
    body: '',
    state: 'COMMENTED',
    commitId,
    submittedAt: timestamp(state.now()),
    comments: [{ id, path: seed.path, line: seed.line, side: 'RIGHT', startLine: null, body: seed.body }],
  };
  state.reviews.push(review);
  openThreads(state, review);
  return id;
}

/** Marks a thread outdated, as GitHub does when a push changes the lines it is on. */
export function outdateThread(state: FakeState, threadId: string): void {
  const thread = state.threads.find((t) => t.id === threadId);
  if (!thread) throw new Error(`outdateThread: there is no thread ${threadId}`);
  thread.outdated = true;
}

/**
 * A person's push to `branch`: one commit whose parent is the branch's head and whose tree is the
 * head's tree with `files` written (null deletes a path), authored and committed by `author`
 * (a login) with their noreply address and unsigned, as `git commit && git push` makes it.
 */
export function pushAsPerson(
  state: FakeState,
  push: { branch: string; files: Record<string, string | null>; message: string; author: string },
): string {
  const ref = `refs/heads/${push.branch}`;
  const head = state.refs.get(ref);
  if (!head) throw new Error(`pushAsPerson: there is no branch ${push.branch}`);
  const { git } = state;
  const tree = git.editTree(
    git.commits.get(head)!.tree,
    Object.entries(push.files).map(([path, content]) => ({
      path,
      mode: '100644' as const,
      type: 'blob' as const,
      sha: content === null ? null : git.writeBlob(content),
    })),
  );
  const account = accountOf(state, push.author);
  const person = {
    name: account.name ?? account.login,
    email: account.email ?? `${account.id}+${account.login}@users.noreply.github.com`,
    date: timestamp(state.now()),
  };
  const commit = git.writeCommit({
    tree,
    parents: [head],
    message: push.message,
    author: person,
    committer: { ...person },
    verified: false,
  });
  state.refs.set(ref, commit.sha);
  return commit.sha;
}
