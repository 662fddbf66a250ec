#!/usr/bin/env bash
# Makes bubblewrap, ensemble's command sandbox, usable on this machine, narrowly, or says exactly
# what an administrator must do. The one definition of "make bwrap usable": the project's CI runs
# it, and the code, test and all-in-one actions run it (src/runtime/actions/sandbox-setup.ts) when
# bubblewrap does not work as they start.
#
# 1. bubblewrap starts a sandbox (the probe of src/agent/sandbox.ts): nothing to do.
# 2. bwrap is missing: apt-get install bubblewrap, as root or through passwordless `sudo -n`.
# 3. The probe still fails and AppArmor restricts unprivileged user namespaces (Ubuntu 23.10 and
#    later, GitHub's ubuntu-24.04 images): write an AppArmor profile that lets bwrap, and only
#    bwrap, create them (as Ubuntu's own profiles do for other programs that need them) and load
#    it. The global switch, sysctl kernel.apparmor_restrict_unprivileged_userns, is never touched:
#    turning it off lifts the protection for every program on the host, for every later job.
# 4. Probe again; when it still fails, exit 1 with what an administrator must do.
# Running it again changes nothing once bubblewrap works.
#
# stdout carries only the outcome: one line saying what was done, or on failure the administrator's
# instructions. The tools' own output (apt-get, apparmor_parser, bwrap) goes to stderr.
#
# Tests move what the script reads and writes with these variables (production defaults):
#   ENSEMBLE_USERNS_RESTRICTION  /proc/sys/kernel/apparmor_restrict_unprivileged_userns
#   ENSEMBLE_APPARMOR_DIR        /etc/apparmor.d
#   ENSEMBLE_APPARMOR_PARSER     apparmor_parser on PATH, else /usr/sbin/ or /sbin/apparmor_parser
set -euo pipefail

restriction_file=${ENSEMBLE_USERNS_RESTRICTION:-/proc/sys/kernel/apparmor_restrict_unprivileged_userns}
apparmor_dir=${ENSEMBLE_APPARMOR_DIR:-/etc/apparmor.d}
profile_name=ensemble-bwrap
profile_file="$apparmor_dir/$profile_name"

# What was done, for the one line of outcome.
done_steps=()

# The flags src/agent/sandbox.ts probes with: what works here works for every command.
probe_error=''
probe() {
  local bwrap
  if ! bwrap=$(command -v bwrap); then
    probe_error='bubblewrap (bwrap) is not installed'
    return 1
  fi
  if probe_error=$("$bwrap" --unshare-all --die-with-parent --new-session --cap-drop ALL \
    --ro-bind / / --proc /proc --dev /dev --tmpfs /tmp -- true 2>&1); then
    return 0
  fi
  probe_error="bwrap cannot start a sandbox (${probe_error:-no message})"
  echo "$probe_error" >&2
  return 1
}

is_root() { [ "$(id -u)" = 0 ]; }

# Root, or passwordless sudo: what installing a package or loading a profile needs.
can_be_root() {
  is_root && return 0
  command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null
}

as_root() {
  if is_root; then "$@"; else sudo -n "$@"; fi
}

no_root="it is not root and has no passwordless sudo"
sandbox_none="Or set \`sandbox: none\` in .github/ensemble.yml to run agent, setup and test commands \
without isolation, knowingly: they can then read the credentials of the run and reach the network."

# fail REASON LINE...: the reason, what an administrator must do, the opt-out; exit 1.
fail() {
  local reason=$1
  shift
  echo "ensemble cannot use bubblewrap, its command sandbox, on this runner: $reason."
  echo "An administrator of the runner can fix this:"
  printf '%s\n' "$@"
  container_hint
  echo "$sandbox_none"
  exit 1
}

# Inside a container bubblewrap needs the container runtime to allow user namespaces and a new /proc.
container_hint() {
  local marker=''
  if [ -e /.dockerenv ]; then
    marker=/.dockerenv
  elif [ -e /run/.containerenv ]; then
    marker=/run/.containerenv
  elif [ -n "${KUBERNETES_SERVICE_HOST:-}" ]; then
    marker=KUBERNETES_SERVICE_HOST
  fi
  [ -n "$marker" ] || return 0
  echo "This job runs inside a container ($marker found). There bubblewrap also needs the container to allow"
  echo "user namespaces and a fresh /proc: run the job directly on the runner's machine, or start the"
  echo "container with --security-opt seccomp=unconfined --security-opt apparmor=unconfined"
  echo "--security-opt systempaths=unconfined (Docker; a job's container: options), or for a Kubernetes pod"
  echo "(Actions Runner Controller) securityContext seccompProfile and appArmorProfile Unconfined and"
  echo "procMount Unmasked. The host must allow bwrap's user namespaces too (on Ubuntu 23.10 and later, the"
  echo "AppArmor profile this script loads, loaded on the host)."
}

apparmor_parser_path() {
  if [ -n "${ENSEMBLE_APPARMOR_PARSER:-}" ]; then
    [ -x "$ENSEMBLE_APPARMOR_PARSER" ] && echo "$ENSEMBLE_APPARMOR_PARSER"
    return
  fi
  local found
  if found=$(command -v apparmor_parser); then
    echo "$found"
    return
  fi
  for found in /usr/sbin/apparmor_parser /sbin/apparmor_parser; do
    if [ -x "$found" ]; then
      echo "$found"
      return
    fi
  done
  return 1
}

# The profile: bubblewrap (this binary only) may create user namespaces; nothing else changes.
profile_text() {
  cat <<EOF
# Written by ensemble (scripts/install-sandbox.sh): lets bubblewrap, and only bubblewrap, create
# the unprivileged user namespaces its sandbox needs where AppArmor restricts them
# (kernel.apparmor_restrict_unprivileged_userns=1), as Ubuntu's own profiles do for other programs.
# To remove it: apparmor_parser -R $profile_file && rm $profile_file
abi <abi/4.0>,
include <tunables/global>

profile $profile_name $1 flags=(unconfined) {
  userns,

  # Site-specific additions and overrides.
  include if exists <local/$profile_name>
}
EOF
}

# What an administrator types to load the profile by hand (flush left, so that the here-document ends).
profile_commands() {
  echo "sudo tee $profile_file >/dev/null <<'EOF'"
  profile_text "$1"
  echo "EOF"
  echo "sudo apparmor_parser -r $profile_file"
}

if probe; then
  echo "bubblewrap works: nothing to do"
  exit 0
fi

if ! command -v bwrap >/dev/null 2>&1; then
  if ! command -v apt-get >/dev/null 2>&1; then
    fail "bubblewrap is not installed, and there is no apt-get to install it with" \
      "  install the package bubblewrap with the system's package manager"
  fi
  if ! can_be_root; then
    fail "bubblewrap is not installed, and this job cannot install it ($no_root)" \
      "  sudo apt-get install -y bubblewrap"
  fi
  echo "installing bubblewrap" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 ||
    echo "apt-get update failed; installing from the package lists as they are" >&2
  if ! as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends bubblewrap >&2; then
    fail "installing bubblewrap with apt-get failed (its output is above)" "  sudo apt-get install -y bubblewrap"
  fi
  hash -r
  command -v bwrap >/dev/null 2>&1 ||
    fail "apt-get installed bubblewrap, yet bwrap is not on PATH ($PATH)" "  put bwrap's directory on PATH"
  done_steps+=("installed bubblewrap")
  if probe; then
    echo "${done_steps[*]}"
    exit 0
  fi
fi

bwrap_path=$(readlink -f "$(command -v bwrap)")
restriction=$(cat "$restriction_file" 2>/dev/null || true)
if [ "$restriction" != 1 ]; then
  fail "$probe_error; AppArmor does not restrict user namespaces here ($restriction_file: ${restriction:-absent})" \
    "  bwrap's error says what it was refused. Where the kernel disables unprivileged user namespaces, enable" \
    "  them (sysctl user.max_user_namespaces above 0; on older Debian kernels kernel.unprivileged_userns_clone=1)," \
    "  or run the job on a machine where bwrap works"
fi

# The profile names bwrap's real path; a path AppArmor would read as a pattern is refused.
if [[ ! $bwrap_path =~ ^/[A-Za-z0-9/._+-]+$ ]]; then
  fail "$probe_error, and bwrap's path $bwrap_path cannot be named in an AppArmor profile" \
    "  install bubblewrap at /usr/bin/bwrap (apt-get install bubblewrap), then run ${BASH_SOURCE[0]} again"
fi

restricted="AppArmor restricts unprivileged user namespaces here"
how_to_load="  load this AppArmor profile, which lets $bwrap_path (and nothing else) create user namespaces:"
load_commands=$(profile_commands "$bwrap_path")
if ! can_be_root; then
  fail "$restricted, and this job cannot load a profile that allows them for bwrap ($no_root)" \
    "$how_to_load" "$load_commands" \
    "  (or give the job passwordless sudo, and ensemble loads the profile itself)." \
    "  Do not set kernel.apparmor_restrict_unprivileged_userns=0: that lifts the restriction for every program."
fi
if ! parser=$(apparmor_parser_path); then
  fail "$restricted, and apparmor_parser, which loads a profile that allows them for bwrap, is not installed" \
    "  sudo apt-get install -y apparmor, then" "$how_to_load" "$load_commands"
fi
if [ ! -d "$apparmor_dir" ]; then
  fail "$restricted, and AppArmor's profile directory $apparmor_dir does not exist" "$how_to_load" "$load_commands"
fi

# Written only when it differs, so that a second run leaves the file alone.
wanted=$(mktemp)
trap 'rm -f "$wanted"' EXIT
profile_text "$bwrap_path" >"$wanted"
if ! cmp -s "$wanted" "$profile_file"; then
  echo "writing $profile_file" >&2
  as_root install -m 0644 "$wanted" "$profile_file" >&2 ||
    fail "writing the AppArmor profile $profile_file failed (see above)" "$how_to_load" "$load_commands"
fi
echo "loading $profile_file" >&2
if ! as_root "$parser" -r "$profile_file" >&2; then
  fail "loading the AppArmor profile $profile_file with $parser failed (its output is above)" \
    "$how_to_load" "$load_commands"
fi
done_steps+=("loaded the AppArmor profile $profile_name for $bwrap_path ($profile_file)")

if ! probe; then
  fail "$probe_error, even with the AppArmor profile $profile_file loaded" \
    "  check why (dmesg shows AppArmor's denials), or run the job on a machine where bwrap works"
fi
joined=$(printf '%s; ' "${done_steps[@]}")
echo "${joined%; }"
