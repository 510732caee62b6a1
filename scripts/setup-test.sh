#!/usr/bin/env bash
# `npm run setup:test`, the first half of the README's test command (`npm run setup:test && npm test`):
# installs what Parley's tests need on a fresh Debian or Ubuntu machine, only what is missing, then the
# npm packages. System packages go through apt-get, as root or with sudo. Elsewhere (macOS, Windows,
# another Linux) it names what is missing and goes on.
set -euo pipefail
cd "$(dirname "$0")/.."

required=() # without these the end-to-end or keychain tests cannot run
optional=() # keytar builds from source with these; without them Parley (and its tests) use the fallback
chromium="${PARLEY_CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || required+=(chromium)
command -v gnome-keyring-daemon >/dev/null 2>&1 || required+=(gnome-keyring)
command -v dbus-run-session >/dev/null 2>&1 || required+=(dbus)
if command -v dpkg >/dev/null 2>&1; then
  dpkg -s libsecret-1-dev >/dev/null 2>&1 || optional+=(libsecret-1-dev)
  command -v g++ >/dev/null 2>&1 || optional+=(g++)
  command -v make >/dev/null 2>&1 || optional+=(make)
  command -v python3 >/dev/null 2>&1 || optional+=(python3)
fi
missing=("${required[@]}" "${optional[@]}")

if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup:test: the system packages the tests need are installed."
elif ! command -v apt-get >/dev/null 2>&1; then
  echo "setup:test: no apt-get here; please install: ${missing[*]} (the tests that need them will fail or skip)." >&2
else
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      as_root=(sudo)
    else
      echo "setup:test: missing ${missing[*]}, and this is neither root nor has sudo: run it as root." >&2
      [ "${#required[@]}" -eq 0 ] || exit 1
    fi
  fi
  if [ "$(id -u)" -eq 0 ] || [ "${#as_root[@]}" -gt 0 ]; then
    echo "setup:test: installing ${missing[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    "${as_root[@]}" apt-get update -q
    # With recommended packages (fonts, the keyring's D-Bus activation), as the tests were developed against.
    "${as_root[@]}" apt-get install -y -q "${missing[@]}" ca-certificates fonts-dejavu-core
  fi
fi

# The npm packages, exactly as locked. keytar is optional: where it cannot build, npm ci still succeeds.
npm ci
