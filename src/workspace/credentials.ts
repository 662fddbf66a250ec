/**
 * The credentials a checkout holds outside its tracked files: what git would send to a remote
 * (passwords and tokens in remote URLs, `http.*.extraheader`, credential-named settings) and
 * the values of credential-named variables in untracked `.env` files at the top of the
 * repository. They are not the run's secrets, but a command or an agent that finds one must not
 * carry it into a prompt, a transcript, a commit or a pull request: the session blanks them in
 * what agents are shown and in transcripts, and the publishers refuse a change or text that holds
 * one (`publish/policy.ts`, as secret values).
 *
 * Values shorter than 8 characters are left out, as the policy leaves out secret values that short:
 * they would match ordinary text.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { credentialWordInName } from '../contracts/config.ts';
import { hardenedGit, nulFields, readConfig } from './git.ts';

export interface CheckoutCredential {
  /** Where it was found, never the value: `remote.upstream.url password`, `.env NPM_TOKEN`. */
  name: string;
  value: string;
}

const MIN_LENGTH = 8;
const URL_KEY = /^(remote\..+\.(url|pushurl)|submodule\..+\.url|url\..+\.(insteadof|pushinsteadof))$/i;
const EXTRAHEADER_KEY = /^http(\..+)?\.extraheader$/i;
/** `.env`, `.env.local`, `.env.production`; not the examples people commit on purpose. */
const ENV_FILE = /^\.env(\.[\w.-]+)?$/;
const ENV_EXAMPLE = /\.(example|sample|template|dist|defaults?)$/i;

/** Every credential the checkout at `repoDir` holds outside its tracked files, each once. */
export async function checkoutCredentials(repoDir: string): Promise<CheckoutCredential[]> {
  const found = [...(await gitConfigCredentials(repoDir)), ...(await envFileCredentials(repoDir))];
  const seen = new Set<string>();
  return found.filter((c) => c.value.length >= MIN_LENGTH && !seen.has(c.value) && seen.add(c.value));
}

/** From the configuration git reads in `repoDir` (the repository's, the user's and the system's). */
async function gitConfigCredentials(repoDir: string): Promise<CheckoutCredential[]> {
  const found: CheckoutCredential[] = [];
  for (const { key, value } of await readConfig(repoDir)) {
    if (value === null) continue;
    if (URL_KEY.test(key)) found.push(...urlCredentials(key, value));
    else if (EXTRAHEADER_KEY.test(key)) found.push(...headerCredentials(key, value));
    else if (isCredentialSetting(key)) found.push({ name: key, value: value.trim() });
  }
  return found;
}

/** Settings whose names say credential but whose values are programs or paths, not secrets. */
const NOT_A_SECRET = /(helper|signingkey|sslkey|sslcert|sslcainfo|sslcapath|file|path|command)$/i;

/** `github.token`, `hub.password`: a setting named like a credential that holds one. */
function isCredentialSetting(key: string): boolean {
  const last = key.split('.').pop() ?? '';
  return credentialWordInName(last) !== null && !NOT_A_SECRET.test(last);
}

/**
 * Whether the user information of a `scheme://userinfo@` URL is a credential: when it holds a
 * password (`user:token@`), and over HTTP(S) and FTP (`git+https://` too) always (`https://ghp_…@github.com`: a token
 * as the user name). `ssh://git@host` keeps its user, which is no secret and which SSH needs.
 * The one rule for the checkout's credentials here and the sandbox's cleaned git configuration.
 */
export function isCredentialUserInfo(scheme: string, userinfo: string): boolean {
  return userinfo.includes(':') || /(^|[^a-z])(https?|ftps?):\/\/$/i.test(scheme);
}

/** The password (or the token used as a user name) of a URL with user information. */
export function urlCredentials(key: string, url: string): CheckoutCredential[] {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^@/]+)@/i.exec(url.trim());
  const userinfo = match?.[2];
  if (!match || !userinfo || !isCredentialUserInfo(match[1] as string, userinfo)) return [];
  const colon = userinfo.indexOf(':');
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  // `https://<token>@github.com/…`: a user name alone, over HTTP, is how a token is given.
  if (colon < 0) return [{ name: `${key} user`, value: decode(userinfo) }];
  const password = userinfo.slice(colon + 1);
  const found = [{ name: `${key} password`, value: decode(password) }];
  if (decode(password) !== password) found.push({ name: `${key} password (URL-encoded)`, value: password });
  return found;
}

/**
 * An `Authorization`-style header: its credential (after `basic`, `bearer` or `token`), and for
 * basic authentication the decoded `user:password` and the password (actions/checkout persists
 * `AUTHORIZATION: basic base64(x-access-token:<token>)`).
 */
export function headerCredentials(key: string, header: string): CheckoutCredential[] {
  const value = header.slice(header.indexOf(':') + 1).trim();
  const scheme = /^(basic|bearer|token)\s+(\S+)/i.exec(value);
  if (!scheme) return value ? [{ name: key, value }] : [];
  const credential = scheme[2] as string;
  const found = [{ name: `${key} ${scheme[1]!.toLowerCase()} credential`, value: credential }];
  if (scheme[1]!.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credential, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0) {
      found.push({ name: `${key} basic user:password`, value: decoded });
      found.push({ name: `${key} basic password`, value: decoded.slice(colon + 1) });
    }
  }
  return found;
}

/** Credential-named variables of the untracked `.env` files at the top of `repoDir`. */
async function envFileCredentials(repoDir: string): Promise<CheckoutCredential[]> {
  let names: string[];
  try {
    names = (await readdir(repoDir)).filter((n) => ENV_FILE.test(n) && !ENV_EXAMPLE.test(n));
  } catch {
    return [];
  }
  if (names.length === 0) return [];
  const tracked = await hardenedGit(repoDir).run(['ls-files', '-z', '--', ...names], { okCodes: [0, 128] });
  const trackedNames = new Set(tracked.code === 0 ? nulFields(tracked.stdout) : []);
  const found: CheckoutCredential[] = [];
  for (const name of names.filter((n) => !trackedNames.has(n))) {
    let text: string;
    try {
      text = await readFile(path.join(repoDir, name), 'utf8');
    } catch {
      continue; // a directory, or unreadable: nothing a command could read either
    }
    found.push(...envCredentials(name, text));
  }
  return found;
}

/** `KEY=value` lines (`export`, quotes and a trailing comment allowed) whose name is a credential's. */
export function envCredentials(file: string, text: string): CheckoutCredential[] {
  const found: CheckoutCredential[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m || !credentialWordInName(m[1]!)) continue;
    let value = m[2]!.trim();
    const quoted = /^(["'])(.*?)\1(\s+#.*)?$/.exec(value);
    value = quoted ? quoted[2]! : value.replace(/\s+#.*$/, '');
    if (value) found.push({ name: `${file} ${m[1]}`, value });
  }
  return found;
}
