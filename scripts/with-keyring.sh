#!/usr/bin/env bash
# Runs CMD... with a throwaway, unlocked Secret Service keyring on a private D-Bus session, so tests
# exercise the real keychain on a headless machine without ever touching the user's own keyring.
# Where dbus-run-session or gnome-keyring-daemon is missing (macOS, Windows, minimal Linux) it just
# runs CMD, and the keychain tests report themselves skipped with the reason.
set -u

if [ "$#" -eq 0 ]; then
  echo "usage: scripts/with-keyring.sh CMD [ARGS...]" >&2
  exit 2
fi

if [ -n "${PARLEY_KEYRING_READY:-}" ] \
  || ! command -v dbus-run-session >/dev/null 2>&1 \
  || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  exec "$@"
fi

# First pass: re-run this script on a fresh, private session bus.
if [ -z "${PARLEY_KEYRING_INNER:-}" ]; then
  export PARLEY_KEYRING_INNER=1
  exec dbus-run-session -- bash "$0" "$@"
fi
unset PARLEY_KEYRING_INNER

keyring_home="$(mktemp -d "${TMPDIR:-/tmp}/parley-keyring.XXXXXX")"
mkdir -p "$keyring_home/data" "$keyring_home/runtime"
chmod 700 "$keyring_home/runtime"
cleanup() {
  rm -rf "$keyring_home"
}
trap cleanup EXIT

# The daemon alone gets the throwaway HOME/XDG dirs: its keyring files land there, not in ~/.local.
# It daemonizes itself and ends with the private bus when dbus-run-session exits.
if ! printf '%s' "parley-test-$$-$RANDOM" \
  | HOME="$keyring_home" XDG_DATA_HOME="$keyring_home/data" XDG_RUNTIME_DIR="$keyring_home/runtime" \
    gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; then
  echo "with-keyring: gnome-keyring-daemon did not start; running without a keychain." >&2
fi

export PARLEY_KEYRING_READY=1
"$@"
