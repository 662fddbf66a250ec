/**
 * Where credentials are kept in a home directory, relative to it: the sandbox hides each of them
 * from every command, and the configuration refuses to pass any of them through
 * (`sandbox-paths`). One list, so that the two can never disagree.
 */
export const HOME_CREDENTIAL_STORES = [
  '.ssh',
  '.aws',
  '.azure',
  '.kube',
  '.docker',
  '.gnupg',
  '.netrc',
  '.git-credentials',
  '.npmrc',
  '.yarnrc.yml',
  '.pypirc',
  '.gem/credentials',
  '.cargo/credentials',
  '.cargo/credentials.toml',
  '.config/gh',
  '.config/hub',
  '.config/gcloud',
  '.config/git/credentials',
] as const;
