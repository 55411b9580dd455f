#!/usr/bin/env bash
# Headless Chromium for the report tests, run with the given arguments, e.g.
#   scripts/browser.sh --dump-dom file:///tmp/report.html
#   scripts/browser.sh --screenshot=/tmp/report.png --window-size=820,4000 file:///tmp/report.html
# It installs nothing: without chromium it fails naming the command that installs it
# (scripts/setup.sh installs it with everything else, before tests run).
set -euo pipefail
# ${0%/*}, not dirname: the check must work with a PATH that lacks even coreutils.
"${BASH:-bash}" "${0%/*}/dependencies" check chromium
# --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
exec timeout 120 chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
  --disable-dev-shm-usage "$@" 2>/dev/null
