#!/usr/bin/env bash
# Make sure a Firefox is available for the Firefox e2e suite (e2e-firefox/): Debian's firefox-esr,
# installed as root when missing (as ensure-chromium.sh does for Chromium). FIREFOX_PATH overrides.
set -euo pipefail

for c in "${FIREFOX_PATH:-}" /usr/bin/firefox-esr /usr/bin/firefox; do
  if [ -n "$c" ] && [ -x "$c" ]; then echo "using $c ($("$c" --version 2>/dev/null || true))"; exit 0; fi
done

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
  echo "Missing: firefox-esr. Install Debian's package as root:  apt-get install -y firefox-esr" >&2
  echo "or point FIREFOX_PATH at a Firefox binary (140 or newer)." >&2
  exit 1
fi
echo "installing firefox-esr from Debian (about 30 s)…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends firefox-esr >/dev/null
echo "using /usr/bin/firefox-esr ($(/usr/bin/firefox-esr --version 2>/dev/null || true))"
