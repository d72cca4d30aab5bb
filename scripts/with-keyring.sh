#!/usr/bin/env bash
# Run a command against a private, unlocked gnome-keyring in its own D-Bus session,
# so keychain tests use a real Secret Service without touching the user's keyring.
#
#   bash scripts/with-keyring.sh vitest run
#
# Needs dbus-run-session (dbus-bin / dbus-x11) and gnome-keyring-daemon (gnome-keyring).
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: bash scripts/with-keyring.sh <command> [args...]" >&2
  exit 2
fi

# npm scripts put node_modules/.bin on PATH; a direct call (bash scripts/with-keyring.sh vitest run) should too.
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$repo_root/node_modules/.bin:$PATH"

secret_service_owned() {
  [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] &&
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'
}

# Nested call (e.g. `npm test` run by a script that already wrapped itself): reuse our private
# keyring. A user's own desktop session is never reused, so their real keyring stays untouched.
if [ "${PULSEBAR_PRIVATE_KEYRING:-}" = "1" ] && secret_service_owned; then
  exec "$@"
fi

for tool in dbus-run-session gnome-keyring-daemon dbus-send; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: '$tool' not found. On Debian/Ubuntu: apt-get install -y gnome-keyring dbus-x11 libsecret-1-dev" >&2
    exit 127
  fi
done

scratch="$(mktemp -d "${TMPDIR:-/tmp}/pulsebar-keyring.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

set +e
dbus-run-session -- bash -c '
  set -euo pipefail
  scratch="$1"; shift
  mkdir -p "$scratch/home" "$scratch/data" "$scratch/config" "$scratch/cache" "$scratch/runtime"
  chmod 700 "$scratch/runtime"
  # Only the daemon sees the throwaway HOME/XDG dirs: its keyring files live there. The command
  # keeps its real HOME (npm cache, browsers) and reaches the keyring over the private bus only.
  env_lines="$(printf "%s" "pulsebar-throwaway-$$-$RANDOM" | \
    HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" \
    XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/runtime" \
    gnome-keyring-daemon --unlock --components=secrets)"
  while IFS= read -r line; do
    case "$line" in
      *=*) export "$line" ;;
    esac
  done <<< "$env_lines"

  # The daemon claims org.freedesktop.secrets asynchronously; wait for it rather than race the tests.
  for _ in $(seq 1 50); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
         org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; then
      export PULSEBAR_PRIVATE_KEYRING=1
      "$@"
      exit $?
    fi
    sleep 0.1
  done
  echo "with-keyring: gnome-keyring-daemon did not register the Secret Service on the private bus" >&2
  exit 1
' with-keyring "$scratch" "$@"
status=$?
set -e
exit "$status"
