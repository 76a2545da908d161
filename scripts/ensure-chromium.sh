#!/usr/bin/env bash
# Make sure a Chromium is available for the e2e tests and `npm start` (never a Playwright download).
# Debian splits Chromium's UI translations into chromium-l10n; without it Chromium reports en-US to
# extensions whatever the language flags say, and the zh-CN e2e test cannot run.
set -euo pipefail

found=""
for c in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$c" ] && [ -x "$c" ]; then found="$c"; break; fi
done

need=()
[ -z "$found" ] && need+=(chromium)
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -f /usr/lib/chromium/locales/zh-CN.pak ]; then need+=(chromium-l10n); fi

if [ ${#need[@]} -eq 0 ]; then echo "using $found"; exit 0; fi

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
  echo "Missing: ${need[*]}. Install Debian's packages as root:  apt-get install -y ${need[*]}" >&2
  echo "or point CHROMIUM_PATH at a Chromium or Chrome binary with its locales." >&2
  exit 1
fi
echo "installing ${need[*]} from Debian (about a minute)…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "using /usr/bin/chromium"
