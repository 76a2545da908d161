#!/usr/bin/env bash
# npm test: everything CI checks, in order, on a fresh machine.
# Installs what is missing (npm packages; Debian's Chromium and Firefox ESR when run as root), then:
# typecheck, lint, unit tests, Chrome and Firefox builds, web-ext lint, e2e in real Chromium,
# e2e in real Firefox.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
started=$(date +%s)

step "dependencies"
if [ ! -d node_modules ] || ! npm ls --depth=0 >/dev/null 2>&1; then
  npm ci --no-audit --no-fund
else
  echo "node_modules up to date"
fi

step "chromium"
bash scripts/ensure-chromium.sh

step "firefox"
bash scripts/ensure-firefox.sh

step "typecheck";            npm run --silent typecheck
step "lint";                 npm run --silent lint
step "unit tests";           npm run --silent test:unit
step "build (chrome, firefox, chrome-test)"; npm run --silent build && npm run --silent build:test
step "web-ext lint (firefox)"; npm run --silent lint:firefox
step "e2e (real Chromium)";  npm run --silent test:e2e
step "e2e (real Firefox)";   npm run --silent test:e2e:firefox

echo
echo "All checks passed in $(( $(date +%s) - started )) s."
