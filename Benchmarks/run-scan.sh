#!/bin/sh
# Benchmark of issue 6 (scan): the 400×400 stability classification of A2 (paper 003, Fig. 4
# parameters) on one core — KeldyshKit's scan engine (characteristic-polynomial route and
# zgeev route), a loop of bare zgeev calls on the same matrices, and the numpy peer.
# Usage: Benchmarks/run-scan.sh [N]     (from anywhere; N defaults to 400)
set -e
N=${1:-400}
cd "$(dirname "$0")"
swift build -c release --product ScanBenchmark >/dev/null
BIN=$(swift build -c release --show-bin-path)/ScanBenchmark
OUT=$(mktemp -d)
run() { # label, command...
    label=$1; shift
    echo "== $label"
    taskset -c 0 /usr/bin/time -v "$@" 2>time.$$.log || { cat time.$$.log; exit 1; }
    grep -E "Maximum resident set size|Elapsed \(wall" time.$$.log | sed 's/^[[:space:]]*/   /'
    rm -f time.$$.log
}
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
uptime
run "keldyshkit scan, characteristic polynomial + Aberth" "$BIN" scan "$N" poly "$OUT/poly"
run "keldyshkit scan, zgeev at every point" "$BIN" scan "$N" eigen "$OUT/eigen"
run "zgeev alone" "$BIN" zgeev "$N"
run "numpy batched eigvals" python3 peers/scan_numpy.py "$N" --out "$OUT/numpy.csv" --compare "$OUT/poly/grid.csv"
echo "== classes of the two KeldyshKit routes"
if cut -d, -f3,4 "$OUT/poly/grid.csv" | cmp -s - "$(cut -d, -f3,4 "$OUT/eigen/grid.csv" > "$OUT/e.txt"; echo "$OUT/e.txt")"; then
    echo "   identical class and unstable count at all $((N * N)) points"
else
    echo "   DIFFER"; exit 1
fi
uptime
rm -rf "$OUT"
