#!/bin/sh
# Benchmarks (b) and (c) of issue 5, one core:
#  (b) rightmost eigenvalue of A2 (paper 003) to 50 digits: KeldyshKit (ParametricEigenvalueSolver;
#      and the general MPFR QR) against mpmath mp.eig and python-flint acb_mat.eig;
#  (c) ∫_ℝ x tanh(x)/(x² + π²/4)² dx = 1/3 to 30 digits: KeldyshKit preciseIntegrate (compiled
#      integrand; and a BigFloat closure) against mpmath.quad.
# Usage: Benchmarks/run-precision.sh      (from anywhere; prints peak memory per process and a summary)
set -e
cd "$(dirname "$0")"
swift build -c release --product PrecisionBenchmark >/dev/null
BIN=$(swift build -c release --show-bin-path)/PrecisionBenchmark
OUT=$(mktemp)
run() { # label, command...
    label=$1; shift
    echo "== $label"
    taskset -c 0 /usr/bin/time -v "$@" 2>time.$$.log >>"$OUT" || { cat time.$$.log; exit 1; }
    tail -n 1 "$OUT"
    grep -E "Maximum resident set size|Elapsed \(wall" time.$$.log | sed 's/^[[:space:]]*/   /'
    rm -f time.$$.log
}
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
run "keldyshkit eig (charpoly Newton)" "$BIN" eig 2000
run "keldyshkit eig-qr (MPFR Hessenberg QR)" "$BIN" eig-qr 20
run "python-flint acb_mat.eig" python3 peers/precision_flint.py 200
run "mpmath mp.eig" python3 peers/precision_mpmath.py eig 10
run "keldyshkit quad (compiled)" "$BIN" quad 200
run "keldyshkit quad-closure" "$BIN" quad-closure 20
run "mpmath quad" python3 peers/precision_mpmath.py quad 10
echo "== summary"
(cd peers && python3 precision_check.py <"$OUT")
rm -f "$OUT"
