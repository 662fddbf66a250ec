/**
 * What the GitHub fake answers to each operation of the fixture, over the in-memory model
 * (`github-fake-model.ts`). Requests reach a handler only after the fixture's checks passed; a
 * handler adds GitHub's own semantic checks. It throws a `Refusal` for an error answer: one that
 * only a wrong client provokes (a malformed ref name, a review comment outside the diff) is also a
 * *problem* of the run, one that a correct client meets in normal use (a missing branch, a pull
 * request that already exists, a non-fast-forward update) is not.
 */
import type { FakeAuth } from './github-fake-apps.ts';
import { type EntryMode, type EntryType, GitError } from './github-fake-git.ts';
import {
  accountOf,
  branchShape,
  commentShape,
  ensureLabel,
  environmentShape,
  type FakePull,
  type FakeReview,
  type FakeReviewComment,
  type FakeState,
  type FakeThreadComment,
  gitCommitShape,
  issueShape,
  labelShape,
  openThreads,
  permissionShape,
  publicUserShape,
  pullHead,
  pullShape,
  refShape,
  repoShape,
  reviewCommentShape,
  reviewShape,
  runApprovalShape,
  timestamp,
  treeShape,
  visibleThreads,
} from './github-fake-model.ts';

export interface Call {
  state: FakeState;
  params: Record<string, string | number>;
  query: Record<string, string | number | boolean>;
  // biome-ignore lint/suspicious/noExplicitAny: the body has been checked against the operation's schema
  body: any;
  /** The request's absolute URL, for pagination links. */
  url: URL;
  /** The account the request authenticated as: the seed's viewer, or an App's bot. */
  viewer: string;
  auth: FakeAuth;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export class Refusal extends Error {
  readonly status: number;
  /** A request only a wrong client sends: recorded in the fake's `problems`. */
  readonly problem: boolean;
  /** What the problem record says, when GitHub's own message says less. */
  readonly reason: string | undefined;
  readonly errors: unknown[] | undefined;
  constructor(
    status: number,
    message: string,
    options: { problem?: boolean; reason?: string; errors?: unknown[] } = {},
  ) {
    super(message);
    this.status = status;
    this.problem = options.problem ?? options.reason !== undefined;
    this.reason = options.reason;
    this.errors = options.errors;
  }
}

const notFound = (what = 'Not Found') => new Refusal(404, what);
/** 422 for a request a correct client never sends. */
const invalid = (message: string, errors?: unknown[]) => new Refusal(422, message, { problem: true, errors });
/** 422 a correct client can meet (state conflicts). */
const unprocessable = (message: string, errors?: unknown[]) => new Refusal(422, message, { errors });

const now = (call: Call) => timestamp(call.state.now());

export function paginate<T>(call: Call, items: T[]): Reply {
  const perPage = Math.min(Math.max(Number(call.query.per_page ?? 30), 1), 100);
  const page = Math.max(Number(call.query.page ?? 1), 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string) => {
    const url = new URL(call.url);
    url.searchParams.set('page', String(n));
    url.searchParams.set('per_page', String(perPage));
    return `<${url}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  return {
    status: 200,
    body: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}

const created = (body: unknown, location: string): Reply => ({ status: 201, body, headers: { location } });

function issueOf(call: Call) {
  const issue = call.state.issues.get(Number(call.params.issue_number));
  if (!issue) throw notFound();
  return issue;
}

function pullOf(call: Call): FakePull {
  const pull = call.state.pulls.get(Number(call.params.pull_number));
  if (!pull) throw notFound();
  return pull;
}

const MAX_COMMENT = 65_536;

function checkBody(body: string) {
  if (body.length > MAX_COMMENT) {
    throw invalid('Validation Failed', [
      {
        resource: 'IssueComment',
        code: 'unprocessable',
        field: 'data',
        message: `Body is too long (maximum is ${MAX_COMMENT} characters)`,
      },
    ]);
  }
}

/** `heads/x` as the ref operations take it (never `refs/heads/x`). */
function refParam(call: Call): string {
  const ref = String(call.params.ref);
  if (ref.startsWith('refs/')) {
    throw new Refusal(404, 'Not Found', {
      reason: `the ref parameter is "heads/<branch>", without "refs/": got "${ref}"`,
    });
  }
  return `refs/${ref}`;
}

function viewerIdentity(call: Call) {
  const account = accountOf(call.state, call.viewer);
  return { name: account.name ?? account.login, email: `${account.id}+${account.login}@users.noreply.github.com` };
}

const TYPE_OF_MODE: Record<EntryMode, EntryType> = {
  '100644': 'blob',
  '100755': 'blob',
  '120000': 'blob',
  '040000': 'tree',
  '160000': 'commit',
};

type Handler = (call: Call) => Reply;

export const HANDLERS: Record<string, Handler> = {
  'repos/get': (call) => ({ status: 200, body: repoShape(call.state, true) }),

  'repos/get-branch': (call) => {
    const branch = String(call.params.branch);
    const sha = call.state.refs.get(`refs/heads/${branch}`);
    if (!sha) throw notFound('Branch not found');
    return { status: 200, body: branchShape(call.state, branch, sha) };
  },

  'repos/get-collaborator-permission-level': (call) => {
    const login = String(call.params.username);
    if (!call.state.accounts.has(login.toLowerCase())) throw notFound();
    return { status: 200, body: permissionShape(call.state, login) };
  },

  'users/get-by-username': (call) => {
    const login = String(call.params.username);
    if (!call.state.accounts.has(login.toLowerCase())) throw notFound();
    return { status: 200, body: publicUserShape(call.state, login) };
  },

  'repos/get-environment': (call) => {
    const environment = call.state.environments.get(String(call.params.environment_name).toLowerCase());
    if (!environment) throw notFound();
    return { status: 200, body: environmentShape(call.state, environment) };
  },

  // Every run id is a run of this repository; one without reviews has an empty history.
  'actions/get-reviews-for-run': (call) => {
    const runId = Number(call.params.run_id);
    return {
      status: 200,
      body: call.state.runApprovals.filter((a) => a.runId === runId).map((a) => runApprovalShape(call.state, a)),
    };
  },

  'issues/get': (call) => ({ status: 200, body: issueShape(call.state, issueOf(call)) }),

  'issues/list-comments': (call) => {
    const issue = issueOf(call);
    const since = call.query.since ? new Date(String(call.query.since)).getTime() : null;
    const comments = call.state.comments
      .filter((c) => c.issue === issue.number && (since === null || new Date(c.updatedAt).getTime() >= since))
      .map((c) => commentShape(call.state, c));
    return paginate(call, comments);
  },

  'issues/create-comment': (call) => {
    const issue = issueOf(call);
    const body = String(call.body.body);
    checkBody(body);
    const at = now(call);
    const comment = {
      id: call.state.nextId(),
      issue: issue.number,
      author: call.viewer,
      body,
      createdAt: at,
      updatedAt: at,
    };
    call.state.comments.push(comment);
    const shape = commentShape(call.state, comment);
    return created(shape, shape.url);
  },

  'issues/update-comment': (call) => {
    const comment = call.state.comments.find((c) => c.id === Number(call.params.comment_id));
    if (!comment) throw notFound();
    const body = String(call.body.body);
    checkBody(body);
    comment.body = body;
    comment.updatedAt = now(call);
    return { status: 200, body: commentShape(call.state, comment) };
  },

  'issues/add-labels': (call) => {
    const issue = issueOf(call);
    const requested = call.body?.labels as (string | { name: string })[] | undefined;
    if (!requested) throw invalid('Invalid request.\n\nNo subschema in "oneOf" matched: "labels" wasn\'t supplied.');
    for (const item of requested) {
      const name = typeof item === 'string' ? item : item.name;
      if (name.length > 50)
        throw invalid('Validation Failed', [{ resource: 'Label', code: 'invalid', field: 'name', value: name }]);
      const label = ensureLabel(call.state, name);
      if (!issue.labels.some((l) => l.toLowerCase() === label.name.toLowerCase())) issue.labels.push(label.name);
    }
    issue.updatedAt = now(call);
    return { status: 200, body: issue.labels.map((name) => labelShape(call.state, ensureLabel(call.state, name))) };
  },

  // GitHub answers 404 for a label the issue does not carry (whether or not the repository has it):
  // a correct client meets it when it removes a label twice, so it is no problem of the run.
  'issues/remove-label': (call) => {
    const issue = issueOf(call);
    const name = String(call.params.name).toLowerCase();
    const at = issue.labels.findIndex((l) => l.toLowerCase() === name);
    if (at < 0) throw notFound('Label does not exist');
    issue.labels.splice(at, 1);
    issue.updatedAt = now(call);
    return { status: 200, body: issue.labels.map((label) => labelShape(call.state, ensureLabel(call.state, label))) };
  },

  'git/get-ref': (call) => {
    const ref = refParam(call);
    const sha = call.state.refs.get(ref);
    if (!sha) throw notFound();
    return { status: 200, body: refShape(call.state, ref, sha) };
  },

  'git/create-ref': (call) => {
    const ref = String(call.body.ref);
    const sha = String(call.body.sha);
    if (!/^refs\/[^/]+\/.+/.test(ref) || ref.endsWith('/') || ref.includes('..')) {
      throw invalid("Reference name must start with 'refs/' and have at least two slashes.");
    }
    if (!call.state.git.commits.has(sha)) throw invalid('Object does not exist');
    if (call.state.refs.has(ref)) throw unprocessable('Reference already exists');
    call.state.refs.set(ref, sha);
    const shape = refShape(call.state, ref, sha);
    return created(shape, shape.url);
  },

  'git/update-ref': (call) => {
    const ref = refParam(call);
    const sha = String(call.body.sha);
    const current = call.state.refs.get(ref);
    if (!current) throw unprocessable('Reference does not exist');
    if (!call.state.git.commits.has(sha)) throw invalid('Object does not exist');
    const branch = ref.replace(/^refs\/heads\//, '');
    if (call.state.protectedBranches.has(branch)) throw unprocessable(`Protected branch update failed for ${ref}.`);
    if (call.body.force !== true && !call.state.git.isAncestor(current, sha))
      throw unprocessable('Update is not a fast forward');
    call.state.refs.set(ref, sha);
    return { status: 200, body: refShape(call.state, ref, sha) };
  },

  // GitHub answers 422 "Reference does not exist" for a ref that is not there.
  'git/delete-ref': (call) => {
    const ref = refParam(call);
    if (!call.state.refs.has(ref)) throw unprocessable('Reference does not exist');
    const branch = ref.replace(/^refs\/heads\//, '');
    if (ref.startsWith('refs/heads/') && branch === call.state.defaultBranch) {
      throw unprocessable('Cannot delete the default branch');
    }
    if (call.state.protectedBranches.has(branch)) throw unprocessable(`Protected branch update failed for ${ref}.`);
    call.state.refs.delete(ref);
    return { status: 204, body: undefined };
  },

  'git/create-blob': (call) => {
    const encoding = call.body.encoding ?? 'utf-8';
    const content = String(call.body.content);
    let data: Buffer;
    if (encoding === 'utf-8' || encoding === 'utf8') data = Buffer.from(content, 'utf8');
    else if (encoding === 'base64') {
      const compact = content.replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw invalid('content is not valid Base64');
      data = Buffer.from(compact, 'base64');
    } else throw invalid(`encoding must be "utf-8" or "base64", not "${encoding}"`);
    const sha = call.state.git.writeBlob(data);
    const url = `${call.state.apiUrl}/repos/${call.state.owner}/${call.state.repo}/git/blobs/${sha}`;
    return created({ url, sha }, url);
  },

  'git/get-blob': (call) => {
    const sha = String(call.params.file_sha);
    const blob = call.state.git.blobs.get(sha);
    if (!blob) throw notFound();
    const url = `${call.state.apiUrl}/repos/${call.state.owner}/${call.state.repo}/git/blobs/${sha}`;
    // GitHub sends the content Base64-encoded in lines of 60 characters.
    const content = (blob.toString('base64').match(/.{1,60}/g) ?? []).join('\n');
    return {
      status: 200,
      body: { sha, url, node_id: `B_${sha.slice(0, 16)}`, size: blob.length, content, encoding: 'base64' },
    };
  },

  'git/create-tree': (call) => {
    const { git } = call.state;
    const base = call.body.base_tree as string | undefined;
    if (base !== undefined && !git.trees.has(base)) throw invalid(`base_tree ${base} is not a tree in this repository`);
    const edits = (
      call.body.tree as { path?: string; mode?: EntryMode; type?: EntryType; sha?: string | null; content?: string }[]
    ).map((entry, i) => {
      const where = `tree[${i}]`;
      if (entry.path === undefined) throw invalid(`Must supply a valid ${where}.path`);
      if (entry.mode === undefined) throw invalid(`Must supply a valid ${where}.mode`);
      if (entry.type === undefined) throw invalid(`Must supply a valid ${where}.type`);
      if (TYPE_OF_MODE[entry.mode] !== entry.type)
        throw invalid(`${where}: mode ${entry.mode} is for a ${TYPE_OF_MODE[entry.mode]}, not a ${entry.type}`);
      const hasSha = 'sha' in entry && entry.sha !== undefined;
      if (hasSha && entry.content !== undefined) throw invalid(`${where}: use either sha or content, not both`);
      if (!hasSha && entry.content === undefined) throw invalid(`${where}: needs sha (null to delete) or content`);
      let sha: string | null;
      if (entry.content !== undefined) {
        if (entry.type !== 'blob') throw invalid(`${where}: content makes a blob, but type is ${entry.type}`);
        sha = git.writeBlob(entry.content);
      } else {
        sha = entry.sha ?? null;
        if (sha !== null && entry.type !== 'commit' && git.typeOf(sha) !== entry.type) {
          throw invalid(`${where}: ${sha} is not a ${entry.type} in this repository`);
        }
        if (sha === null && base === undefined)
          throw invalid(`${where}: sha null deletes a path of base_tree, and there is no base_tree`);
      }
      return { path: entry.path, mode: entry.mode, type: entry.type, sha };
    });
    let sha: string;
    try {
      sha = git.editTree(base ?? null, edits);
    } catch (error) {
      if (error instanceof GitError) throw invalid(error.message);
      throw error;
    }
    const shape = treeShape(call.state, sha, false);
    return created(shape, shape.url);
  },

  'git/get-tree': (call) => {
    const { git, refs } = call.state;
    const wanted = String(call.params.tree_sha);
    let sha: string | undefined = wanted;
    if (git.commits.has(wanted)) sha = git.commits.get(wanted)!.tree;
    else if (!git.trees.has(wanted)) {
      const head = refs.get(`refs/heads/${wanted}`) ?? refs.get(`refs/tags/${wanted}`);
      sha = head ? git.commits.get(head)?.tree : undefined;
    }
    if (!sha || !git.trees.has(sha)) throw notFound();
    return { status: 200, body: treeShape(call.state, sha, call.query.recursive !== undefined) };
  },

  'git/create-commit': (call) => {
    const { git } = call.state;
    const tree = String(call.body.tree);
    if (!git.trees.has(tree)) throw invalid('Tree SHA does not exist');
    const parents = (call.body.parents ?? []) as string[];
    for (const parent of parents)
      if (!git.commits.has(parent)) throw invalid('Parent SHA does not exist or is not a commit object');
    const at = now(call);
    const person = (
      p: { name: string; email: string; date?: string } | undefined,
      fallback: { name: string; email: string },
    ) => ({
      name: p?.name ?? fallback.name,
      email: p?.email ?? fallback.email,
      date: p?.date ? timestamp(new Date(p.date)) : at,
    });
    const author = person(call.body.author, viewerIdentity(call));
    const custom =
      call.body.author !== undefined || call.body.committer !== undefined || call.body.signature !== undefined;
    // The committer given; else the author when the request set any identity or a signature; else GitHub.
    let committer: ReturnType<typeof person>;
    if (call.body.committer) committer = person(call.body.committer, author);
    else if (custom) committer = { ...author };
    else committer = { name: 'GitHub', email: 'noreply@github.com', date: at };
    const commit = git.writeCommit({
      tree,
      parents,
      message: String(call.body.message),
      author,
      committer,
      verified: !custom,
    });
    const shape = gitCommitShape(call.state, commit.sha);
    return created(shape, shape.url);
  },

  'git/get-commit': (call) => {
    const sha = String(call.params.commit_sha);
    if (!call.state.git.commits.has(sha)) throw notFound();
    return { status: 200, body: gitCommitShape(call.state, sha) };
  },

  'pulls/list': (call) => {
    const { state } = call;
    const wanted = String(call.query.state ?? 'open');
    let head: string | null = null;
    if (call.query.head !== undefined) {
      const value = String(call.query.head);
      const colon = value.indexOf(':');
      if (colon < 0) {
        throw new Refusal(422, 'Validation Failed', {
          problem: true,
          errors: [
            {
              resource: 'PullRequest',
              field: 'head',
              code: 'invalid',
              message: `head must be "owner:branch"; GitHub ignores "${value}" and lists every pull request`,
            },
          ],
        });
      }
      if (value.slice(0, colon).toLowerCase() !== state.owner.toLowerCase()) return paginate(call, []);
      head = value.slice(colon + 1);
    }
    const base = call.query.base !== undefined ? String(call.query.base) : null;
    const direction = call.query.direction ?? ((call.query.sort ?? 'created') === 'created' ? 'desc' : 'asc');
    const pulls = [...state.pulls.values()]
      .filter(
        (p) =>
          (wanted === 'all' || p.state === wanted) &&
          (head === null || p.head === head) &&
          (base === null || p.base === base),
      )
      .sort((a, b) => (direction === 'desc' ? b.number - a.number : a.number - b.number))
      .map((p) => pullShape(state, p, false));
    return paginate(call, pulls);
  },

  'pulls/create': (call) => {
    const { state } = call;
    if (!state.actionsCanCreatePullRequests && call.viewer === 'github-actions[bot]') {
      throw new Refusal(403, 'GitHub Actions is not permitted to create or approve pull requests.');
    }
    const rawHead = String(call.body.head);
    const colon = rawHead.indexOf(':');
    if (colon >= 0 && rawHead.slice(0, colon).toLowerCase() !== state.owner.toLowerCase()) {
      throw unprocessable('Validation Failed', [{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
    }
    const head = colon >= 0 ? rawHead.slice(colon + 1) : rawHead;
    const base = String(call.body.base);
    if (call.body.title === undefined && call.body.issue === undefined) {
      throw invalid('Validation Failed', [{ resource: 'PullRequest', field: 'title', code: 'missing_field' }]);
    }
    const headSha = state.refs.get(`refs/heads/${head}`);
    const baseSha = state.refs.get(`refs/heads/${base}`);
    if (!headSha)
      throw unprocessable('Validation Failed', [{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
    if (!baseSha)
      throw unprocessable('Validation Failed', [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
    const open = [...state.pulls.values()].find((p) => p.state === 'open' && p.head === head && p.base === base);
    if (open) {
      throw unprocessable('Validation Failed', [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${state.owner}:${head}.`,
        },
      ]);
    }
    if (headSha === baseSha || state.git.isAncestor(headSha, baseSha)) {
      throw unprocessable('Validation Failed', [
        { resource: 'PullRequest', code: 'custom', message: `No commits between ${base} and ${head}` },
      ]);
    }
    const at = now(call);
    const number = state.nextNumber();
    const title = call.body.title ?? state.issues.get(Number(call.body.issue))?.title ?? '';
    const pull: FakePull = {
      number,
      id: state.nextId(),
      title,
      body: call.body.body ?? null,
      author: call.viewer,
      head,
      base,
      baseSha,
      state: 'open',
      draft: call.body.draft === true,
      maintainerCanModify: call.body.maintainer_can_modify ?? false,
      createdAt: at,
      updatedAt: at,
      closedAt: null,
    };
    state.pulls.set(number, pull);
    state.issues.set(number, {
      number,
      id: state.nextId(),
      title,
      body: pull.body,
      author: pull.author,
      state: 'open',
      labels: [],
      createdAt: at,
      updatedAt: at,
      closedAt: null,
      pull: true,
      locked: false,
      lockReason: null,
    });
    const shape = pullShape(state, pull, true);
    return created(shape, shape.url);
  },

  'pulls/get': (call) => ({ status: 200, body: pullShape(call.state, pullOf(call), true) }),

  // The files of the pull request's diff (from the base when it was opened to its head), in path order.
  'pulls/list-files': (call) => {
    const { state } = call;
    const pull = pullOf(call);
    const head = pullHead(state, pull);
    const html = `${state.htmlUrl}/${state.owner}/${state.repo}`;
    const api = `${state.apiUrl}/repos/${state.owner}/${state.repo}`;
    const files = (state.git.commits.has(head) ? state.git.diff(pull.baseSha, head) : []).map((file) => ({
      sha: file.status === 'removed' ? null : file.sha,
      filename: file.path,
      status: file.status,
      additions: file.additions,
      deletions: file.deletions,
      changes: file.additions + file.deletions,
      blob_url: `${html}/blob/${head}/${file.path}`,
      raw_url: `${html}/raw/${head}/${file.path}`,
      contents_url: `${api}/contents/${file.path}?ref=${head}`,
    }));
    return paginate(call, files);
  },

  // The pull requests merged as the commit, and those whose head holds it (not yet in their base).
  'repos/list-pull-requests-associated-with-commit': (call) => {
    const { state } = call;
    const sha = String(call.params.commit_sha);
    if (!state.git.commits.has(sha)) throw unprocessable(`No commit found for SHA: ${sha}`);
    const pulls = [...state.pulls.values()]
      .filter((pull) => {
        if (pull.merged?.sha === sha) return true;
        const head = pullHead(state, pull);
        return state.git.isAncestor(sha, head) && !state.git.isAncestor(sha, pull.baseSha);
      })
      .sort((a, b) => b.number - a.number)
      .map((pull) => pullShape(state, pull, false));
    return paginate(call, pulls);
  },

  'pulls/update': (call) => {
    const { state } = call;
    const pull = pullOf(call);
    const issue = state.issues.get(pull.number)!;
    if (call.body?.base !== undefined) {
      if (!state.refs.has(`refs/heads/${call.body.base}`)) {
        throw unprocessable('Validation Failed', [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
      }
      pull.base = call.body.base;
    }
    if (call.body?.title !== undefined) issue.title = pull.title = call.body.title;
    if (call.body?.body !== undefined) issue.body = pull.body = call.body.body;
    if (call.body?.maintainer_can_modify !== undefined) pull.maintainerCanModify = call.body.maintainer_can_modify;
    if (call.body?.state !== undefined && call.body.state !== pull.state) {
      issue.state = pull.state = call.body.state;
      issue.closedAt = pull.closedAt = pull.state === 'closed' ? now(call) : null;
    }
    issue.updatedAt = pull.updatedAt = now(call);
    return { status: 200, body: pullShape(state, pull, true) };
  },

  'pulls/list-reviews': (call) => {
    const pull = pullOf(call);
    return paginate(
      call,
      call.state.reviews.filter((r) => r.pull === pull.number).map((r) => reviewShape(call.state, r)),
    );
  },

  'pulls/create-review': (call) => {
    const { state } = call;
    const pull = pullOf(call);
    const body = call.body ?? {};
    const headSha = state.refs.get(`refs/heads/${pull.head}`) ?? pull.baseSha;
    const commitId = body.commit_id ?? headSha;
    if (!state.git.commits.has(commitId)) throw invalid(`commit_id ${commitId} is not a commit of this repository`);
    const event = body.event as 'APPROVE' | 'REQUEST_CHANGES' | 'COMMENT' | undefined;
    const own = pull.author.toLowerCase() === call.viewer.toLowerCase();
    if (own && event === 'APPROVE')
      throw unprocessable('Unprocessable Entity', ['Can not approve your own pull request']);
    if (own && event === 'REQUEST_CHANGES')
      throw unprocessable('Unprocessable Entity', ['Can not request changes on your own pull request']);
    const inline = (body.comments ?? []) as {
      path: string;
      body: string;
      line?: number;
      side?: string;
      start_line?: number;
      start_side?: string;
      position?: number;
    }[];
    if ((event === 'REQUEST_CHANGES' || event === 'COMMENT') && !body.body && inline.length === 0) {
      throw invalid('Unprocessable Entity', [`Review body is required when the event is ${event}`]);
    }
    const diff = state.git.diff(pull.baseSha, commitId);
    const comments: FakeReviewComment[] = inline.map((c, i) => {
      const where = `comments[${i}]`;
      const file = diff.find((f) => f.path === c.path);
      if (!file)
        throw invalid('Unprocessable Entity', [
          `${where}: Path could not be resolved (${c.path} is not changed by the pull request)`,
        ]);
      if (c.position !== undefined) {
        throw invalid('Unprocessable Entity', [
          `${where}: use line and side; position is deprecated and not modelled by the fake`,
        ]);
      }
      if (c.line === undefined) throw invalid('Unprocessable Entity', [`${where}: line is required`]);
      const side = (c.side ?? 'RIGHT') as 'LEFT' | 'RIGHT';
      if (side !== 'LEFT' && side !== 'RIGHT')
        throw invalid('Unprocessable Entity', [`${where}: side must be LEFT or RIGHT`]);
      const lines = side === 'RIGHT' ? file.right : file.left;
      if (!lines.has(c.line)) {
        throw invalid('Unprocessable Entity', [
          `${where}: Pull request review thread line must be part of the diff (${c.path}:${c.line} ${side})`,
        ]);
      }
      if (c.start_line !== undefined) {
        if ((c.start_side ?? side) !== side)
          throw invalid('Unprocessable Entity', [`${where}: start_side must equal side`]);
        if (c.start_line >= c.line) throw invalid('Unprocessable Entity', [`${where}: start_line must precede line`]);
        for (let n = c.start_line; n <= c.line; n++) {
          if (!lines.has(n)) {
            throw invalid('Unprocessable Entity', [
              `${where}: Pull request review thread start line must be part of the same hunk as the line (${c.path}:${c.start_line}-${c.line})`,
            ]);
          }
        }
      }
      return { id: state.nextId(), path: c.path, line: c.line, side, startLine: c.start_line ?? null, body: c.body };
    });
    const states = { APPROVE: 'APPROVED', REQUEST_CHANGES: 'CHANGES_REQUESTED', COMMENT: 'COMMENTED' } as const;
    const review: FakeReview = {
      id: state.nextId(),
      pull: pull.number,
      author: call.viewer,
      body: body.body ?? '',
      state: event ? states[event] : 'PENDING',
      commitId,
      submittedAt: event ? now(call) : null,
      comments,
    };
    state.reviews.push(review);
    openThreads(state, review);
    return { status: 200, body: reviewShape(state, review) };
  },

  'pulls/list-review-comments': (call) => {
    const { state } = call;
    const pull = pullOf(call);
    const shown = new Set(visibleThreads(state, pull.number).map((t) => t.rootId));
    const since = call.query.since ? new Date(String(call.query.since)).getTime() : null;
    let comments = state.reviewComments.filter(
      (c) =>
        c.pull === pull.number &&
        shown.has(c.inReplyTo ?? c.id) &&
        (since === null || new Date(c.updatedAt).getTime() >= since),
    );
    // By id (the order they were made) unless sorted; `direction` counts only with `sort`.
    if (call.query.sort !== undefined) {
      const key = call.query.sort === 'updated' ? 'updatedAt' : 'createdAt';
      const sign = call.query.direction === 'asc' ? 1 : -1;
      comments = [...comments].sort((a, b) => sign * (a[key].localeCompare(b[key]) || a.id - b.id));
    }
    return paginate(
      call,
      comments.map((c) => reviewCommentShape(state, c)),
    );
  },

  'pulls/create-reply-for-review-comment': (call) => {
    const { state } = call;
    const pull = pullOf(call);
    const id = Number(call.params.comment_id);
    const target = state.reviewComments.find((c) => c.id === id && c.pull === pull.number);
    if (!target) throw notFound();
    if (target.inReplyTo !== null) {
      throw invalid('Validation Failed', [
        {
          resource: 'PullRequestReviewComment',
          code: 'invalid',
          field: 'in_reply_to',
          message: `Replies to replies are not supported: reply to the thread's root comment ${target.inReplyTo}`,
        },
      ]);
    }
    const body = String(call.body.body);
    checkBody(body);
    const at = now(call);
    const commitId = state.refs.get(`refs/heads/${pull.head}`) ?? pull.baseSha;
    // GitHub posts every reply with a review of its own: a comment review with an empty body.
    const review: FakeReview = {
      id: state.nextId(),
      pull: pull.number,
      author: call.viewer,
      body: '',
      state: 'COMMENTED',
      commitId,
      submittedAt: at,
      comments: [],
    };
    state.reviews.push(review);
    const reply: FakeThreadComment = {
      ...target,
      id: state.nextId(),
      reviewId: review.id,
      author: call.viewer,
      body,
      commitId,
      inReplyTo: target.id,
      createdAt: at,
      updatedAt: at,
    };
    state.reviewComments.push(reply);
    const shape = reviewCommentShape(state, reply);
    return created(shape, shape.url);
  },
};
