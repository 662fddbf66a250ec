export {
  type BranchCommit,
  type BranchUpdate,
  type CommitPatchOptions,
  commitPatch,
  commitsWithoutTrailer,
  commitTree,
  type GitIdentity,
  type UpdateBranchOptions,
  updateBranch,
  withTrailers,
} from './commit.ts';
export { type CheckoutCredential, checkoutCredentials, isCredentialUserInfo } from './credentials.ts';
export {
  type ChangeKind,
  cQuote,
  type DiffFile,
  type DiffHunk,
  type DiffLine,
  parseUnifiedDiff,
  readQuoted,
  splitSections,
} from './diff/index.ts';
export {
  BaseCommitMissingError,
  DirtyRepositoryError,
  NotAGitRepositoryError,
  ProtectedPathError,
  type ProtectedPathHit,
} from './errors.ts';
export { type ListFilesOptions, listIgnoredPaths, listWorktreeFiles } from './files.ts';
export { type ConfigEntry, configValue, GitError, readConfig } from './git.ts';
export { checkProtectedPaths, compileGlob, GlobError, matchProtectedPath, protectedPathHits } from './glob.ts';
export { type IntegrateOptions, type Integration, integratePatches, type TaskPatch } from './integrate.ts';
export {
  type ApplyResult,
  applyWithConflictMarkers,
  changeAgainstBase,
  diffAgainstBase,
  diffInIndex,
  type FileChange,
  filesAfterChanges,
  gitListingOf,
  type PatchResult,
  pathsGitReads,
  pathsInPatch,
  recordTree,
  touchedPaths,
  unmergedPaths,
} from './patch.ts';
export { assertNoProtectedPaths, protectedPathsInPatch } from './protect.ts';
export { commandStarted, duringCommand } from './quiet.ts';
export {
  assertCleanRepo,
  assertRepoContains,
  type CleanOptions,
  cleanHead,
  dirtyPaths,
  isClean,
  pinBase,
  type RepoInfo,
  repoInfo,
} from './repo.ts';
export {
  createWorktree,
  indexForRun,
  type RecordedTree,
  removeLiveWorktrees,
  removeStaleWorktrees,
  removeWorktree,
  restoreWorktree,
  restoringWorktree,
  snapshotWorktree,
  type Worktree,
  type WorktreeOptions,
  withWorktree,
  worktreeDirectory,
} from './worktree.ts';
