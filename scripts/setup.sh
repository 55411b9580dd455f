#!/usr/bin/env bash
# Installs every system package lumpsim, its tests and CI need (scripts/dependencies: GNU GSL, SQLite,
# pkg-config, Chromium, Slurm and munge, valgrind), builds the release binary and runs the default
# scenario. Safe to run again: it installs only what is missing. Needs Debian or Ubuntu with Swift 6
# on the PATH, and root or sudo when something is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/dependencies install

command -v swift >/dev/null || { echo "error: swift is not on the PATH (Swift 6.0 or later is needed)" >&2; exit 1; }
swift build -c release --product lumpsim >&2
.build/release/lumpsim run Scenarios/regio-midden.yaml
