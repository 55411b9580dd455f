#!/usr/bin/env bash
# Side by side on this machine: the Swift kernel's M/M/c benchmark and the same model in plain C
# with GSL (Benchmarks/reference/mmc.c). Both: λ = 9, μ = 1, c = 10, 200,000 customers per run,
# 400,000 events per run. Prints milliseconds per run for each.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
cc -O2 -o "$out/mmc" Benchmarks/reference/mmc.c $(pkg-config --cflags --libs gsl)
echo "C + GSL:"
"$out/mmc" 30
echo "Swift kernel (package-benchmark, wall clock per run):"
(cd Benchmarks && swift package benchmark --target Kernel --filter "MMc.*" --no-progress 2>/dev/null) \
  | grep -E "Time \(wall clock\)|^MMc"
rm -rf "$out"
