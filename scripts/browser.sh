#!/usr/bin/env bash
# Headless Chromium for the report tests: installs Debian's chromium when it is missing (as root),
# then runs it with the given arguments, e.g.
#   scripts/browser.sh --dump-dom file:///tmp/report.html
#   scripts/browser.sh --screenshot=/tmp/report.png --window-size=820,4000 file:///tmp/report.html
set -euo pipefail
if ! command -v chromium >/dev/null; then
  [ "$(id -u)" -eq 0 ] || { echo "error: chromium is not installed (apt-get install chromium)" >&2; exit 2; }
  echo "Installing chromium ..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
# --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
exec timeout 120 chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
  --disable-dev-shm-usage "$@" 2>/dev/null
