#!/bin/sh
# Issue 2: the expression representation. The core's arena (Expr = 32-bit id, nodes never
# freed) against reference-counted hash-consed nodes with a strong intern table (rc) and a
# weak one (rc-weak, nodes freed when unused), on identical workloads, each variant and
# size in its own process under /usr/bin/time -v.
# Usage: Benchmarks/run-representation.sh [N ...]   (from anywhere; defaults: 100000 1000000)
set -e
SIZES=${*:-"100000 1000000"}
cd "$(dirname "$0")"
swift build -c release --product RepresentationBenchmark >/dev/null
BIN=$(swift build -c release --show-bin-path)/RepresentationBenchmark
for N in $SIZES; do
    for V in arena rc rc-weak; do
        echo "== $V N=$N"
        /usr/bin/time -v "$BIN" "$V" "$N" 2>time.$$.log || { cat time.$$.log; exit 1; }
        grep -E "Maximum resident set size|Elapsed \(wall" time.$$.log | sed 's/^[[:space:]]*/   /'
        rm -f time.$$.log
    done
done
