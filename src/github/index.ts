export {
  type AppCredentials,
  type AppPrivateKey,
  AppTokenError,
  appJwt,
  type InstallationToken,
  type MintOptions,
  mintInstallationToken,
  PUBLISH_APP_PERMISSIONS,
  PUBLISH_APP_PERMISSIONS_TEXT,
  parseAppPrivateKey,
} from './app-token.ts';
export {
  APPROVAL_PERMISSION,
  type PlanApproval,
  type PlanApprovalParams,
  PlanNotApprovedError,
  verifyPlanApproval,
} from './approval.ts';
export {
  type CiJob,
  type CiJobStep,
  type CiWorkflowRun,
  type CommitActivity,
  enableAutoMerge,
  type HeadCheck,
  latestCompletedRun,
  listRunJobsWithSteps,
  markReadyForReview,
  type PullChecks,
  readCheckRunOutput,
  readCiRun,
  readCommitActivity,
  readJobLog,
  readPullChecks,
  requestReviewers,
} from './checks.ts';
export { explainGitHubError, GitHubApiError, type GitHubOperation, githubCall, statusOf } from './errors.ts';
export {
  findMarkedComment,
  type IssueSnapshotFields,
  type MarkedComment,
  type MarkedCommentParams,
  readIssueState,
  type SnapshotIssueParams,
  snapshotIssue,
  upsertMarkedComment,
} from './issues.ts';
export {
  type CreateOctokitOptions,
  clientSettings,
  createOctokit,
  EnsembleOctokit,
  type GitHubClient,
  type GitHubLog,
} from './octokit.ts';
export {
  checkTriggerPermission,
  getRepositoryRole,
  isBot,
  isListedBot,
  type RepositoryRole,
  roleCanWrite,
  TRIGGER_ROLES,
  type TriggerPermission,
  type TriggerPermissionParams,
} from './permissions.ts';
export {
  cancelWorkflowRun,
  getWorkflowRun,
  isRunActive,
  listRunJobs,
  rerunFailedJobs,
  rerunJob,
  type WorkflowJob,
  type WorkflowRun,
} from './runs.ts';
export {
  listReviewThreads,
  type RepoRef,
  type ReviewThread,
  replyToReviewComment,
  resolveReviewThread,
  type ThreadComment,
} from './threads.ts';
export { isAmbiguousFailure, type WriteOnceOptions, writeOnce } from './write-once.ts';
