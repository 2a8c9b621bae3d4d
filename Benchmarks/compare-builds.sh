#!/bin/sh
# Two checkouts of KeldyshKit side by side: the derive, threshold and scan benchmark binaries of
# each, run alternately on one core (so both see the same machine load), ROUNDS rounds, and
# the median of each printed. For a change that must not be slower (a restructuring).
# Usage: Benchmarks/compare-builds.sh OLD_CHECKOUT NEW_CHECKOUT [ROUNDS]
# Both checkouts need `swift build -c release --package-path Benchmarks` done for
# DeriveBenchmark, ThresholdBenchmark and ScanBenchmark.
set -e
OLD=$1; NEW=$2; R=${3:-5}
[ -n "$OLD" ] && [ -n "$NEW" ] || { echo "usage: $0 OLD_CHECKOUT NEW_CHECKOUT [ROUNDS]"; exit 2; }
bin() { echo "$1/Benchmarks/.build/release/$2"; }

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
for k in $(seq 1 "$R"); do
  for side in old new; do
    root=$OLD; [ $side = new ] && root=$NEW
    # derive: the median of 300 repetitions of model file -> (A1) and (A2), in ms
    taskset -c 0 "$(bin "$root" DeriveBenchmark)" "$root/derivations/003-spintronic-dicke/model.kd" 300 | sed -n 's/.*"median_s": \([0-9.e-]*\).*/\1/p' | awk '{printf "derive %.4f ms\n", $1 * 1000}' >>"$OUT/$side"
    # threshold: memo-cleared median of the certified 50-digit threshold from the model file
    taskset -c 0 "$(bin "$root" ThresholdBenchmark)" 50 30 | sed -n 's/.*memo cleared each time: best [0-9.]* ms, median \([0-9.]*\) ms.*/threshold50 \1 ms/p' >>"$OUT/$side"
    # scan: the 400 x 400 classification, characteristic-polynomial route, one thread
    s=$(date +%s.%N); taskset -c 0 "$(bin "$root" ScanBenchmark)" scan 400 poly "$OUT/scan-$side-$k" >/dev/null; e=$(date +%s.%N)
    echo "scan400 $(echo "$e - $s" | bc) s" >>"$OUT/$side"
    rm -rf "$OUT/scan-$side-$k"
  done
done
for side in old new; do
  echo "== $side ($([ $side = old ] && echo "$OLD" || echo "$NEW"))"
  for m in derive threshold50 scan400; do
    grep "^$m " "$OUT/$side" | awk '{print $2, $3}' | sort -n | awk -v m=$m '{v[NR]=$1; u=$2} END {printf "   %-12s median %s %s of %d runs (min %s)\n", m, v[int((NR+1)/2)], u, NR, v[1]}'
  done
done
