#!/usr/bin/env bash
# Memory of repeated chains (issue 12): peak RSS of one `keldysh verify` process that derives paper
# 000's whole chain (model → A58 by the `frequency` step, model → B15 by the `fluctuation` step)
# N times, each from its own copy of derivations/000-open-tavis-cummings/model.kd (`from mK.kd`:
# a fresh parse, contour action, G₀ and part 2 every time; nothing is memoised between steps).
# The arena never frees a node and every pass opens binders with fresh variables, so RSS can only
# grow: the slope (KB per chain) is what repeated chains cost.
#
#   Benchmarks/run-chain-memory.sh [KELDYSH] [N...]    default: the debug build, N = 1 10 30
#
# Nothing is written into the repository (a temporary folder, removed on exit).
set -euo pipefail
cd "$(dirname "$0")/.."
K=${1:-$PWD/.build/debug/keldysh}
shift || true
NS=${*:-1 10 30}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "| chains (model → A58 and B15) in one process | max RSS (MB) | wall (s) |"
echo "|---|---|---|"
for n in $NS; do
    d=$WORK/n$n
    mkdir -p "$d"
    cp derivations/000-open-tavis-cummings/model.kd "$d/"
    { echo "title memory"; echo "model model.kd"
      for k in $(seq 1 "$n"); do
          cp derivations/000-open-tavis-cummings/model.kd "$d/m$k.kd"
          echo "frequency W$k: phi; sign dyson; from m$k.kd"
          echo "fluctuation B$k: phi; from m$k.kd"
      done
      echo "value B1.tree = (omega - (w0 - muS) + i kappa)/2"; } > "$d/verify.kd"
    taskset -c 0 /usr/bin/time -v "$K" verify "$d" >"$d/out" 2>"$d/time" || { cat "$d/out" "$d/time"; exit 1; }
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$d/time")
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$d/time")
    echo "| $n | $(python3 -c "print(f'{$rss/1024:.1f}')") | $wall |"
done
uptime
