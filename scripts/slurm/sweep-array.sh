#!/usr/bin/env bash
# Runs a sweep on Slurm: one array task per shard, then a merge job that starts only when every
# shard succeeded (afterok); a failed shard cancels the merge, and rerunning resubmits only what
# is missing (each shard store resumes where it stopped).
#
#   scripts/slurm/sweep-array.sh SWEEP.yaml SHARDS OUTDIR [--wait] [-- SBATCH-OPTIONS...]
#
# Writes OUTDIR/shard-K.sqlite for K = 0…SHARDS-1, then OUTDIR/results.sqlite, and the jobs' logs
# in OUTDIR/logs. The lumpsim binary is taken from LUMPSIM (default: .build/release/lumpsim of
# this checkout); on a multi-node cluster it and OUTDIR must be on a shared filesystem.
set -euo pipefail

usage() { echo "usage: $0 SWEEP.yaml SHARDS OUTDIR [--wait] [-- SBATCH-OPTIONS...]" >&2; exit 2; }
[ $# -ge 3 ] || usage
SWEEP_GIVEN=$1; SWEEP=$(realpath "$1"); SHARDS=$2; OUT_GIVEN=$3; OUT=$3; shift 3
WAIT=""
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --wait) WAIT=1 ;;
    --) shift; EXTRA=("$@"); break ;;
    *) usage ;;
  esac
  shift
done
[[ "$SHARDS" =~ ^[1-9][0-9]*$ ]] || { echo "error: SHARDS must be a whole number ≥ 1, got '$SHARDS'" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
LUMPSIM=$(realpath "${LUMPSIM:-$ROOT/.build/release/lumpsim}")
[ -x "$LUMPSIM" ] || { echo "error: no lumpsim binary at $LUMPSIM (run scripts/setup.sh, or set LUMPSIM)" >&2; exit 2; }
"$LUMPSIM" sweep validate "$SWEEP_GIVEN" >&2
mkdir -p "$OUT/logs"
OUT=$(realpath "$OUT")
[ ! -e "$OUT/results.sqlite" ] || { echo "error: $OUT/results.sqlite exists; choose another OUTDIR" >&2; exit 2; }

ARRAY=$(sbatch --parsable --array=0-$((SHARDS - 1)) --cpus-per-task=1 --job-name=lumpsim-sweep \
  --chdir="$OUT" -o "$OUT/logs/shard-%a.out" "${EXTRA[@]}" \
  --wrap "\"$LUMPSIM\" sweep \"$SWEEP\" --store \"$OUT/shard-\$SLURM_ARRAY_TASK_ID.sqlite\" --shard \$SLURM_ARRAY_TASK_ID/$SHARDS --threads 1 --quiet")
SHARD_LIST=$(for k in $(seq 0 $((SHARDS - 1))); do printf '"%s" ' "$OUT/shard-$k.sqlite"; done)
MERGE=$(sbatch --parsable --dependency=afterok:"$ARRAY" --kill-on-invalid-dep=yes --job-name=lumpsim-merge \
  --chdir="$OUT" -o "$OUT/logs/merge.out" "${EXTRA[@]}" \
  --wrap "\"$LUMPSIM\" merge \"$OUT/results.sqlite\" $SHARD_LIST")
echo "submitted: shards job $ARRAY (array 0-$((SHARDS - 1))), merge job $MERGE; results in $OUT_GIVEN/results.sqlite"

if [ -n "$WAIT" ]; then
  deadline=$((SECONDS + ${SWEEP_WAIT_SECONDS:-3600}))
  while [ -n "$(squeue -h -r -j "$ARRAY,$MERGE" 2>/dev/null)" ]; do
    [ $SECONDS -lt $deadline ] || { echo "error: timed out waiting for jobs $ARRAY, $MERGE" >&2; exit 1; }
    sleep 1
  done
  state=$(scontrol -o show job "$MERGE" | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')
  [ "$state" = COMPLETED ] || { echo "error: merge job $MERGE ended $state; see $OUT/logs" >&2; exit 1; }
  "$LUMPSIM" sweep status "$OUT_GIVEN/results.sqlite"
fi
