#!/usr/bin/env bash
# Makes sure Debian's headless Chromium is at /usr/bin/chromium for the HTML report browser test.
# Idempotent: does nothing when it is already there. Installs it with apt-get when run as root;
# otherwise says what to run. Concurrent runs wait for each other (flock).
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [[ -x "$chromium" ]]; then
  exit 0
fi
if [[ "$(id -u)" != "0" ]]; then
  echo "setup-browser: $chromium not found; install it with: sudo apt-get update && sudo apt-get install -y chromium" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-browser: $chromium not found and apt-get is unavailable; install Chromium and set CHROMIUM_PATH" >&2
  exit 1
fi
(
  flock 9
  if [[ ! -x "$chromium" ]]; then
    echo "setup-browser: installing chromium with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends chromium >&2
  fi
) 9>/tmp/ami-share-guard-setup-browser.lock
[[ -x "$chromium" ]] || { echo "setup-browser: install finished but $chromium is missing" >&2; exit 1; }
echo "setup-browser: $("$chromium" --version 2>/dev/null || echo chromium) ready" >&2
