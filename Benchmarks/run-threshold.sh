#!/bin/sh
# Benchmark of issue 6 (threshold): certified γ↑ at λ = 0.2 (paper 003, Fig. 4 parameters) to
# 50 and 500 digits, from the model file, against mpmath and python-flint, one core; and of
# issue 14: `threshold --all` over λ ∈ [0, 1] at γ↑ = 0.9 (50 digits) against python-flint's
# resultant route with acb roots, `steady` at (0.3, 0.7) (30 digits) against scipy + mpmath
# (ThresholdBenchmark prints both after the single-crossing lines).
# Usage: Benchmarks/run-threshold.sh [repeats]     (from anywhere; repeats defaults to 20)
set -e
R=${1:-20}
cd "$(dirname "$0")"
swift build -c release --product ThresholdBenchmark >/dev/null
BIN=$(swift build -c release --show-bin-path)/ThresholdBenchmark
run() { # label, command...
    label=$1; shift
    echo "== $label"
    taskset -c 0 /usr/bin/time -v "$@" 2>time.$$.log || { cat time.$$.log; exit 1; }
    grep -E "Maximum resident set size|Elapsed \(wall" time.$$.log | sed 's/^[[:space:]]*/   /'
    rm -f time.$$.log
}
uptime
for D in 50 500; do
    run "keldyshkit D=$D" "$BIN" "$D" "$R"
    run "python-flint D=$D" python3 peers/threshold_flint.py "$D" 5
done
run "python-flint --all D=50" python3 peers/threshold_all_flint.py 50 20
run "scipy+mpmath steady D=30" python3 peers/steady_scipy_mpmath.py 30 3
run "mpmath D=50" python3 peers/threshold_mpmath.py 50 3
run "mpmath D=500" python3 peers/threshold_mpmath.py 500 1
uptime
