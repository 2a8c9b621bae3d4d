#!/bin/sh
# ∫ R tanh for a degree-4 denominator: the Double closed form (from Q, from the poles), the
# MPFR closed form at 53 bits, and mpmath.quad at 53 bits on the same integral; one core,
# time per call and peak memory per process.
# Usage: Benchmarks/run-tanh-convolution.sh
set -e
cd "$(dirname "$0")"
swift build -c release --product TanhConvolutionBenchmark >/dev/null
BIN=$(swift build -c release --show-bin-path)/TanhConvolutionBenchmark
run() {
    taskset -c 0 /usr/bin/time -v "$@" 2>time.$$.log || { cat time.$$.log; exit 1; }
    grep -E "Maximum resident set size" time.$$.log | sed 's/^[[:space:]]*/   /'
    rm -f time.$$.log
}
run "$BIN" 200000
run python3 peers/tanh_convolution_mpmath.py bench 3
