#!/bin/sh
# Complex digamma and trigamma at 50 (and 500) digits: KeldyshKit against mpmath and
# python-flint (Arb), one core, the same 64 points; prints time per call, the checksum
# (Σ Re ψ over the points, which must agree) and peak memory per process.
# Usage: Benchmarks/run-polygamma.sh
set -e
cd "$(dirname "$0")"
swift build -c release --product PolygammaBenchmark >/dev/null
BIN=$(swift build -c release --show-bin-path)/PolygammaBenchmark
run() {
    taskset -c 0 /usr/bin/time -v "$@" 2>time.$$.log || { cat time.$$.log; exit 1; }
    grep -E "Maximum resident set size" time.$$.log | sed 's/^[[:space:]]*/   /'
    rm -f time.$$.log
}
for f in digamma trigamma; do
    for d in 50 500; do
        n=$([ $d = 50 ] && echo 50 || echo 5)
        run "$BIN" $f $d $n
        run python3 peers/polygamma_peers.py flint $f $d $n
        run python3 peers/polygamma_peers.py mpmath $f $d $((n / 5 + 1))
    done
done
