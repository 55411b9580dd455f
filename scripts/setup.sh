#!/usr/bin/env bash
# Installs lumpsim's system dependencies (GNU GSL, SQLite and pkg-config), builds the release binary and
# runs the default scenario. Safe to run again. Needs Debian or Ubuntu with Swift 6 on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
dpkg -s libgsl-dev >/dev/null 2>&1 || need+=(libgsl-dev)
dpkg -s pkg-config >/dev/null 2>&1 || need+=(pkg-config)
dpkg -s libsqlite3-dev >/dev/null 2>&1 || need+=(libsqlite3-dev)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing ${need[*]} ..." >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

command -v swift >/dev/null || { echo "error: swift is not on the PATH (Swift 6.0 or later is needed)" >&2; exit 1; }
swift build -c release --product lumpsim >&2
.build/release/lumpsim run Scenarios/regio-midden.yaml
