#!/usr/bin/env bash
# Make sure a Chromium is available for the e2e tests and `npm start` (never a Playwright download).
set -euo pipefail
for c in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$c" ] && [ -x "$c" ]; then echo "using $c"; exit 0; fi
done
if [ "$(id -u)" != "0" ]; then
  echo "Chromium is missing. Install Debian's package as root:  apt-get install -y chromium" >&2
  echo "or point CHROMIUM_PATH at a Chromium or Chrome binary." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "Chromium is missing and this is not a Debian-like system: install Chromium and set CHROMIUM_PATH." >&2
  exit 1
fi
echo "installing Debian's chromium (about a minute)…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium ${SIFT_EXTRA_PACKAGES:-} >/dev/null
echo "using /usr/bin/chromium"
