#!/bin/sh
# Benchmark (a) of issue 5: the 36 complex entries of A2 (paper 003) at N points, one core,
# KeldyshKit (native C JIT and tape interpreter) against sympy.lambdify and symengine.Lambdify(llvm).
# Usage: Benchmarks/run-eval.sh [N]     (from the repository root; N defaults to 10^6)
set -e
N=${1:-1000000}
cd "$(dirname "$0")"
swift build -c release --product EvalBenchmark >/dev/null
BIN=$(swift build -c release --show-bin-path)/EvalBenchmark
run() { # label, command...
    label=$1; shift
    echo "== $label"
    taskset -c 0 /usr/bin/time -v "$@" 2>time.$$.log || { cat time.$$.log; exit 1; }
    grep -E "Maximum resident set size|Elapsed \(wall" time.$$.log | sed 's/^[[:space:]]*/   /'
    rm -f time.$$.log
}
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
run "keldyshkit native" "$BIN" "$N" native
run "keldyshkit tape" "$BIN" "$N" tape
run "symengine llvm" python3 peers/eval_symengine.py "$N" llvm
run "sympy lambdify numpy" python3 peers/eval_sympy.py "$N"
